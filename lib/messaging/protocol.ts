import { z } from '../zod';
import { FORWARDED_KEYS } from '../hotkeys';
import { Id, LanguageTag, MarketCode } from '../schema/common';
import { LogFilter } from '../export/filter';
import { Action, DisclosureEvent, Item, Session, Snapshot } from '../schema/session';
import { catalogueRequestSchemas } from './catalogue-protocol';
import { returnsRequestSchemas } from './returns-protocol';
import { safetyRequestSchemas } from '../safety/protocol';
import { returnsLoopRequestSchemas } from './returns-loop-protocol';
import { proofRequestSchemas } from './proof-protocol';
import { stageRequestSchemas } from './stage-protocol';
import { rehearsalRequestSchemas } from '../rehearsal/protocol';
import { MAX_WIDTH, MIN_WIDTH, type RequestType } from './types';

const TabId = z.number().int().nonnegative();

/** The schema every request's payload must pass before the background acts on it. */
export const requestSchemas = {
  'deck.list': z.object({}).strict(),
  'deck.get': z.object({ deckId: Id }).strict(),
  'card.list': z.object({}).strict(),
  // Some products with the policies they use: an open sidebar re-reads only what a studio save changed.
  'cards.get': z.object({ cardIds: z.array(Id).min(1).max(2000) }).strict(),
  // The deck the host picked on a console with no show live, kept for its next opening (lib/background/picked-deck.ts).
  'deck.pick': z.object({ deckId: Id, tabId: TabId.optional() }).strict(),
  'deck.picked': z.object({ tabId: TabId.optional() }).strict(),
  'session.start': z
    .object({
      id: Id,
      deckId: Id,
      host: z.string().trim().min(1).max(100),
      market: MarketCode.optional(),
      language: LanguageTag.optional(),
      tabId: TabId.optional(),
    })
    .strict(),
  'session.current': z.object({ tabId: TabId.optional() }).strict(),
  'session.end': z.object({ sessionId: Id }).strict(),
  'session.list': z.object({ filter: LogFilter.optional() }).strict(),
  'session.resumable': z.object({ tabId: TabId.optional() }).strict(),
  'session.resume': z.object({ sessionId: Id, tabId: TabId.optional() }).strict(),
  'session.detail': z.object({ sessionId: Id }).strict(),
  'session.filters': z.object({}).strict(),
  // Must-say coverage of the sessions the studio lists (lib/background/coverage.ts).
  'session.coverage': z.object({ sessionIds: z.array(Id).max(5000) }).strict(),
  // The card on screen in a live session's sidebar (lib/background/on-screen.ts).
  'onScreen.get': z.object({ sessionId: Id }).strict(),
  'onScreen.set': z.object({ sessionId: Id, cardId: Id }).strict(),
  'event.record': z
    .object({
      id: Id,
      sessionId: Id,
      cardId: Id,
      item: Item,
      language: LanguageTag,
      action: Action,
      corrects: Id.optional(),
    })
    .strict(),
  'event.list': z.object({ sessionId: Id }).strict(),
  'log.page': z
    .object({
      sessionId: Id,
      afterSeq: z.number().int().nonnegative(),
      throughSeq: z.number().int().nonnegative(),
      format: z.enum(['csv', 'json']),
      cardId: Id.optional(),
    })
    .strict()
    .refine((p) => p.throughSeq >= p.afterSeq && p.throughSeq - p.afterSeq <= 5000, { message: 'a page is at most 5,000 events' }),
  'log.snapshots': z.object({ hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1000) }).strict(),
  'log.exported': z.object({ sessionIds: z.array(Id).max(100_000) }).strict(),
  'log.installation': z.object({}).strict(),
  'log.import': z
    .object({
      fileName: z.string().max(300),
      fileInstallation: z.string().min(1).max(100).optional(),
      session: Session.strict(),
      events: z.array(DisclosureEvent.strict()),
      snapshots: z.array(Snapshot.strict()),
    })
    .strict(),
  'demo.remove': z.object({}).strict(),
  'tab.context': z.object({ tabId: TabId.optional() }).strict(),
  // The sidebar's opening request and every re-read: `deckId` is the deck it showed before (kept
  // while it exists, unless a session is live).
  'sidebar.bootstrap': z.object({ tabId: TabId.optional(), deckId: Id.optional() }).strict(),
  'overlay.set': z
    .object({ collapsed: z.boolean().optional(), width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH).optional() })
    .strict(),
  'site.enable': z.object({ origin: z.url({ protocol: /^https?$/ }) }).strict(),
  'console.hello': z.object({}).strict(),
  'layout.set': z
    .object({ collapsed: z.boolean(), width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH) })
    .strict(),
  hotkey: z.object({ key: z.enum(FORWARDED_KEYS) }).strict(),
  ...catalogueRequestSchemas,
  ...returnsRequestSchemas,
  ...safetyRequestSchemas,
  ...returnsLoopRequestSchemas,
  ...proofRequestSchemas,
  ...stageRequestSchemas,
  ...rehearsalRequestSchemas,
} satisfies Record<RequestType, z.ZodType>;

/** The only requests a console content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(['console.hello', 'layout.set', 'hotkey']);

export const Envelope = z.object({
  type: z.enum(Object.keys(requestSchemas) as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});
