import { UpfrontError } from '../errors';
import type { stageRequestSchemas } from '../messaging/stage-protocol';
import type { StageResponses } from '../messaging/stage-types';
import { stagePixels } from '../stage/settings';
import type { StageKeeper } from './stage';

type Payload<T extends keyof StageResponses> = (typeof stageRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof StageResponses]: (payload: Payload<T>) => Promise<StageResponses[T]> };

/** Opens a popup window of the given content size at `url`, or focuses `existing`; answers its id. */
export type OpenWindow = (url: string, size: { width: number; height: number }, existing: number | undefined) => Promise<number>;
/** Grows or shrinks a window by (dw, dh) pixels. */
export type ResizeWindow = (windowId: number, dw: number, dh: number) => Promise<void>;

export function stageHandlers(stage: StageKeeper | undefined, openWindow: OpenWindow | undefined, resizeWindow?: ResizeWindow): Handlers {
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
    // The window was created at the content size; its frame takes some of that: make up for it
    // so the capture is exactly 1920 × 1080 (or 1080 × 1920).
    'stage.fit': async ({ sessionId, dw, dh }) => {
      const windowId = await s().windowOf(sessionId);
      if (windowId !== undefined && resizeWindow && (dw !== 0 || dh !== 0)) await resizeWindow(windowId, dw, dh);
      return null;
    },
  };
}
