import type { StageKeeper } from '../background/stage';
import { UpfrontError } from '../errors';
import { Id, LanguageTag } from '../schema/common';
import { Item } from '../schema/session';
import { StageSettings, StageSize, stagePixels } from '../stage/settings';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

/** The stage view (issue 18): what a live show puts before its viewers, and the window that shows it. */
export const stageRequests = {
  /** From the sidebar: put a product (and one of its items, or none) on stage. */
  'stage.put': z
    .object({
      sessionId: Id,
      cardId: Id,
      item: Item.optional(),
      language: LanguageTag,
      unit: z.enum(['cm', 'in']),
      sizeRow: z.number().int().nonnegative().optional(),
      refIndex: z.number().int().nonnegative().optional(),
      settings: StageSettings,
    })
    .strict(),
  'stage.clear': z.object({ sessionId: Id }).strict(),
  /** From the stage page: what is on stage now. */
  'stage.get': z.object({ sessionId: Id }).strict(),
  /** From the sidebar: open (or bring forward) the session's stage window at this size. */
  'stage.open': z.object({ sessionId: Id, size: StageSize }).strict(),
  /** From the stage page: its content is off the chosen size by this much; the window grows or shrinks by it. */
  'stage.fit': z.object({ sessionId: Id, dw: z.number().int().min(-4000).max(4000), dh: z.number().int().min(-4000).max(4000) }).strict(),
};

/** Opens a popup window of the given content size at `url`, or focuses `existing`; answers its id. */
export type OpenWindow = (url: string, size: { width: number; height: number }, existing: number | undefined) => Promise<number>;
/** Grows or shrinks a window by (dw, dh) pixels. */
export type ResizeWindow = (windowId: number, dw: number, dh: number) => Promise<void>;

export function stageHandlers(stage: StageKeeper | undefined, openWindow: OpenWindow | undefined, resizeWindow?: ResizeWindow) {
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
  } satisfies HandlersFor<typeof stageRequests>;
}

export type StageResponses = ResponsesOf<ReturnType<typeof stageHandlers>>;
