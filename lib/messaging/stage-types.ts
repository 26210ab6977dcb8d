/** Responses of the stage requests (issue 18); schemas in ./stage-protocol.ts. Type-only. */
import type { StageState } from '../stage/state';

export interface StageResponses {
  'stage.put': StageState;
  'stage.clear': null;
  'stage.get': StageState | null;
  'stage.open': { windowId: number };
  'stage.fit': null;
}

/** The port a stage window listens on; it names its session, then gets `{ type: 'stage', state }`. */
export const STAGE_PORT = 'upfront-stage';

/** The port the sidebar sends `stage.put` on (lib/messaging/port-requests.ts): opened once, not per key. */
export const STAGE_CONTROL_PORT = 'upfront-stage-control';
