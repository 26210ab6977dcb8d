import { UpfrontError } from '../errors';
import type { stageRequestSchemas } from '../messaging/stage-protocol';
import type { StageResponses } from '../messaging/stage-types';
import { stagePixels } from '../stage/settings';
import type { StageKeeper } from './stage';

type Payload<T extends keyof StageResponses> = (typeof stageRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof StageResponses]: (payload: Payload<T>) => Promise<StageResponses[T]> };

/** Opens a popup window of the given content size at `url`, or focuses `existing`; answers its id. */
export type OpenWindow = (url: string, size: { width: number; height: number }, existing: number | undefined) => Promise<number>;

export function stageHandlers(stage: StageKeeper | undefined, openWindow: OpenWindow | undefined): Handlers {
  const s = () => {
    if (!stage) throw new UpfrontError('internal', 'stage not wired');
    return stage;
  };
  return {
    'stage.put': (p) => s().put(p),
    'stage.clear': ({ sessionId }) => s().clear(sessionId),
    'stage.get': async ({ sessionId }) => (await s().get(sessionId)) ?? null,
    'stage.open': async ({ sessionId, size }) => {
      if (!openWindow) throw new UpfrontError('internal', 'no windows here');
      const windowId = await openWindow(`stage.html#${encodeURIComponent(sessionId)}`, stagePixels(size), await s().windowOf(sessionId));
      await s().windowOpened(windowId, sessionId);
      return { windowId };
    },
  };
}
