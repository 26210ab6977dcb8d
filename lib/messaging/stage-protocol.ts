import { Id, LanguageTag } from '../schema/common';
import { Item } from '../schema/session';
import { StageSettings, StageSize } from '../stage/settings';
import { z } from '../zod';

/** Payload schemas of the stage requests (issue 18), merged into ./protocol.ts. */
export const stageRequestSchemas = {
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
