import { Item } from '../schema/session';
import { Id, LanguageTag } from '../schema/common';
import { z } from '../zod';
import { StageSettings } from './settings';

/** What is on a live session's stage now. The background holds it; the stage page draws it. */
export const StageState = z
  .object({
    sessionId: Id,
    deckId: Id,
    /** The product on stage: its name shows even with no item. */
    cardId: Id,
    /** The item on stage, or none (the product's name only). */
    item: Item.optional(),
    /** The viewer language (the sidebar's L), and the length unit and highlighted size row. */
    language: LanguageTag,
    unit: z.enum(['cm', 'in']),
    sizeRow: z.number().int().nonnegative().optional(),
    refIndex: z.number().int().nonnegative().default(0),
    settings: StageSettings,
    /** When the item went on stage (the `shown` event's time), epoch ms. */
    since: z.number().int().optional(),
    /** The `shown` event of the item on stage. */
    shownEventId: Id.optional(),
  })
  .strict();
export type StageState = z.infer<typeof StageState>;
