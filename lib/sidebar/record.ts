/**
 * The one place the sidebar builds an `event.record` payload. Saying an item, moving on from it
 * unsaid, correcting it and the end-of-show recap all record through here, so every event names
 * its item the same way and records the language its text was actually shown in.
 */
import type { Input } from '../messaging/client';
import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import type { Item } from '../schema/session';
import { viewerLanguage } from './selectors';
import type { SidebarState } from './slices/types';
import { shownLanguage } from './viewer';

export type RecordPayload = Input<'event.record'>;

/** One event the host's action records, before it is put in words for the background. */
export interface EventToRecord {
  /** Chosen by the sidebar and kept across retries, so a retry cannot record it twice. */
  id: string;
  card: Card;
  policy: ReturnPolicy | undefined;
  item: Item;
  action: 'said' | 'skipped' | 'correction';
  /** For a correction: the event it corrects. */
  corrects?: string;
}

/** What the payload takes from the sidebar: the live session and the languages in effect. */
export interface RecordingContext {
  sessionId: string;
  viewer: string;
  fallbacks: readonly string[];
}

/** The context of the sidebar's live session; none without one. */
export function recordingContext(state: Pick<SidebarState, 'session' | 'bundle' | 'viewerChoice'>): RecordingContext | undefined {
  if (!state.session) return undefined;
  return { sessionId: state.session.id, viewer: viewerLanguage(state), fallbacks: state.bundle?.deck.languages ?? [] };
}

export function recordPayload(ctx: RecordingContext, e: EventToRecord): RecordPayload {
  return {
    id: e.id,
    sessionId: ctx.sessionId,
    cardId: e.card.id,
    item: { kind: e.item.kind, id: e.item.id },
    language: shownLanguage(e.card, e.policy, e.item, ctx.viewer, ctx.fallbacks),
    action: e.action,
    ...(e.corrects === undefined ? {} : { corrects: e.corrects }),
  };
}
