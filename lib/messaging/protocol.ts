import { z } from '../zod';
import { FORWARDED_KEYS } from '../hotkeys';
import { Id, LanguageTag, MarketCode } from '../schema/common';
import { Action, Item } from '../schema/session';
import { MAX_WIDTH, MIN_WIDTH, type RequestType } from './types';

const TabId = z.number().int().nonnegative();

/** The schema every request's payload must pass before the background acts on it. */
export const requestSchemas = {
  'deck.list': z.object({}).strict(),
  'deck.get': z.object({ deckId: Id }).strict(),
  'card.list': z.object({}).strict(),
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
  'session.list': z.object({}).strict(),
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
  'log.export': z.object({ sessionIds: z.array(Id).optional() }).strict(),
  'demo.remove': z.object({}).strict(),
  'tab.context': z.object({ tabId: TabId.optional() }).strict(),
  'overlay.set': z
    .object({ collapsed: z.boolean().optional(), width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH).optional() })
    .strict(),
  'site.enable': z.object({ origin: z.url({ protocol: /^https?$/ }) }).strict(),
  'console.hello': z.object({}).strict(),
  'layout.set': z
    .object({ collapsed: z.boolean(), width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH) })
    .strict(),
  hotkey: z.object({ key: z.enum(FORWARDED_KEYS) }).strict(),
} satisfies Record<RequestType, z.ZodType>;

/** The only requests a console content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(['console.hello', 'layout.set', 'hotkey']);

export const Envelope = z.object({
  type: z.enum(Object.keys(requestSchemas) as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});
