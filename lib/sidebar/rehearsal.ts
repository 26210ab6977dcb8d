/**
 * The sidebar's side of a rehearsal (issue 20). A rehearsal runs in the same sidebar as a show:
 * the store keeps it in its `session` slot with `rehearsal: true`, so every key, the gate, the
 * recap and the stage work unchanged, and the requests that would record into that "session"
 * are sent as rehearsal requests instead (`routeForRehearsal`). Should the routing ever miss one,
 * the background refuses it: a rehearsal's id is no session's ("session-not-found").
 */
import { UpfrontError } from '../errors';
import type { Client } from '../messaging/client';
import type { SidebarBootstrap } from '../messaging/bootstrap';
import type { Rehearsal, RehearsalEvent } from '../rehearsal/types';
import type { MarkEvent } from '../messaging/types';
import type { Session } from '../schema/session';

export type { MarkEvent };

/** A rehearsal as the sidebar's session slot holds it. It has no chain: `head` stays empty. */
export function rehearsalAsSession(r: Rehearsal): Session {
  return {
    id: r.id,
    deckId: r.deckId,
    deckName: r.deckName,
    host: r.host,
    platform: r.platform,
    consoleOrigin: r.consoleOrigin,
    market: r.market,
    language: r.language,
    startedAt: r.startedAt,
    lastSeq: r.lastSeq,
    head: '',
  };
}

function markEvents(events: readonly RehearsalEvent[]): MarkEvent[] {
  return events.flatMap((e) => (e.item && e.action !== 'viewed' ? [{ id: e.id, action: e.action, cardId: e.cardId, item: e.item }] : []));
}

/** What the sidebar opens on: the tab's live show, else its open rehearsal (with the card it was on). */
export function openedShow(boot: SidebarBootstrap): { session: Session | null; rehearsal: boolean; events: readonly MarkEvent[]; onScreen: string | null } {
  const r = boot.session ? undefined : boot.rehearsal;
  if (!r) return { session: boot.session, rehearsal: false, events: boot.events, onScreen: boot.onScreen };
  const viewed = r.events.filter((e) => e.action === 'viewed').at(-1);
  return { session: rehearsalAsSession(r.rehearsal), rehearsal: true, events: markEvents(r.events), onScreen: viewed?.cardId ?? null };
}

/**
 * The sidebar's requests during a rehearsal: those naming the rehearsal as their session go to
 * the rehearsal log. The card the sidebar settles on (`onScreen.set`) is recorded there as
 * `viewed`, so the producer's review can say how long each product took.
 */
export function routeForRehearsal(send: Client, rehearsalId: () => string | undefined, newId: () => string): Client {
  return (async (type: string, payload: Record<string, unknown>) => {
    const id = rehearsalId();
    if (id === undefined || payload?.sessionId !== id) return send(type as never, payload as never);
    const { sessionId: _s, ...rest } = payload;
    if (type === 'event.record') return send('rehearsal.record', { ...rest, rehearsalId: id } as never);
    if (type === 'session.end') return send('rehearsal.end', { rehearsalId: id });
    if (type === 'onScreen.set') return send('rehearsal.record', { id: newId(), rehearsalId: id, cardId: String(rest.cardId), action: 'viewed' }).then(() => null);
    return send(type as never, payload as never);
  }) as Client;
}

/** After a rehearsal ends: the host keeps it for the producer's review, or discards it. */
export function rehearsalEndActions(send: Client, get: () => { rehearsalEnded?: string }, set: (s: { rehearsalEnded?: string; actionError?: string }) => void) {
  const decide = async (type: 'rehearsal.keep' | 'rehearsal.discard') => {
    const id = get().rehearsalEnded;
    if (!id) return;
    try {
      await send(type, { rehearsalId: id });
      set({ rehearsalEnded: undefined, actionError: undefined });
    } catch (err) {
      set({ actionError: err instanceof UpfrontError ? err.code : 'internal' });
    }
  };
  return {
    keepRehearsal: () => decide('rehearsal.keep'),
    discardRehearsal: () => decide('rehearsal.discard'),
  };
}
