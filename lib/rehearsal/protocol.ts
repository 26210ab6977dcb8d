import { z } from '../zod';
import { Id, LanguageTag, MarketCode } from '../schema/common';
import { Action, Item } from '../schema/session';

const TabId = z.number().int().nonnegative();

/**
 * Payload schemas of the rehearsal requests (issue 20), merged into lib/messaging/protocol.ts.
 * Every one names a rehearsal as `rehearsalId`, never `sessionId`, and the background looks it
 * up in the rehearsal tables only: a session's id here is "rehearsal-not-found", and a
 * rehearsal's id in a session request is "session-not-found".
 */
export const rehearsalRequestSchemas = {
  /** From the sidebar: Rehearse (the same choices as Go live). */
  'rehearsal.start': z
    .object({
      id: Id,
      deckId: Id,
      host: z.string().trim().min(1).max(100),
      market: MarketCode.optional(),
      language: LanguageTag.optional(),
      tabId: TabId.optional(),
    })
    .strict(),
  /** The tab's open rehearsal and its events, for a sidebar (re)opening on it. */
  'rehearsal.current': z.object({ tabId: TabId.optional() }).strict(),
  /** What the host did, as event.record says it for a show; `viewed` (no item) is the card the sidebar settled on. */
  'rehearsal.record': z
    .object({
      id: Id,
      rehearsalId: Id,
      cardId: Id,
      action: z.union([Action, z.literal('viewed')]),
      item: Item.optional(),
      language: LanguageTag.optional(),
      corrects: Id.optional(),
    })
    .strict(),
  'rehearsal.end': z.object({ rehearsalId: Id }).strict(),
  /** After ending: keep it for the producer's review, or discard it and its events for good. */
  'rehearsal.keep': z.object({ rehearsalId: Id }).strict(),
  'rehearsal.discard': z.object({ rehearsalId: Id }).strict(),
  /** The studio: ended rehearsals, and one's review. */
  'rehearsal.list': z.object({}).strict(),
  'rehearsal.review': z.object({ rehearsalId: Id }).strict(),
};
