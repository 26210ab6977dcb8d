/**
 * Recording what the host says: each mark pending, recorded or failed, the items moved on from
 * unsaid, corrections and the end-of-show recap. Every event goes out through `send`, built by
 * ../record.ts, so none can record while the sidebar is obscured and none is worded differently.
 */
import { UpfrontError, errorCode } from '../../errors';
import type { Session } from '../../schema/session';
import type { MarkEvent } from '../rehearsal';
import { itemForM } from '../gate';
import { markKey } from '../progress';
import { recapEvents } from '../recap';
import { recordPayload, recordingContext, type RecordPayload } from '../record';
import { currentCard, firstUnsaid } from '../selectors';
import type { MarkState, RecordingActions, RecordingState, Slice } from './types';

export const createRecordingSlice: Slice<RecordingState & RecordingActions> =
  ({ call, newId }) =>
  (set, get) => {
    // Every recording path goes through here, so none can record while the sidebar is obscured.
    async function send(payload: RecordPayload) {
      if (get().obscured) throw new UpfrontError('obscured');
      return call('event.record', payload);
    }

    /** The marks a session's log gives, with clicks still in flight or failed kept on top. */
    function applyEvents(session: Session, events: readonly MarkEvent[]) {
      if (get().session?.id !== session.id) return;
      const marks: Record<string, MarkState> = {};
      const skipped: Record<string, string> = {};
      const corrections: Record<string, string> = {};
      for (const e of events) {
        if (e.action === 'said') marks[markKey(e.cardId, e.item)] = { state: 'recorded', eventId: e.id };
        else if (e.action === 'skipped') skipped[markKey(e.cardId, e.item)] = e.id;
        else if (e.action === 'correction') corrections[markKey(e.cardId, e.item)] = e.id;
      }
      set({ corrections });
      // Keep clicks still in flight or failed; the log has the rest.
      for (const [k, m] of Object.entries(get().marks)) if (m.state !== 'recorded' && !marks[k]) marks[k] = m;
      set({ marks, skipped: { ...get().skipped, ...skipped } });
    }

    async function recordRecapAndEnd(): Promise<void> {
      const ctx = recordingContext(get());
      if (!ctx) return;
      const sends = recapEvents(get().bundle, get().marks, newId);
      set({ marks: { ...get().marks, ...Object.fromEntries(sends.map((r) => [r.key, { state: 'saving', eventId: r.event.id } as MarkState])) } });
      const results = await Promise.allSettled(sends.map((r) => send(recordPayload(ctx, r.event))));
      const marks = { ...get().marks };
      let failure: string | undefined;
      results.forEach((result, i) => {
        const { key, event } = sends[i];
        if (result.status === 'fulfilled') marks[key] = { state: 'recorded', eventId: event.id };
        else marks[key] = { state: 'failed', eventId: event.id, code: (failure ??= errorCode(result.reason)) };
      });
      set({ marks });
      // Do not end a show whose recap could not be recorded: the host sees why and decides.
      if (failure) return set({ actionError: failure });
      await get().endSession();
    }
    let recapping: Promise<void> | null = null;

    return {
      marks: {},
      skipped: {},
      corrections: {},
      obscured: false,

      setObscured: (obscured) => set({ obscured }),

      showMarks(session, events) {
        if (!session) return set({ marks: {}, skipped: {}, corrections: {} });
        applyEvents(session, events);
      },

      /**
       * One event the background has committed (pushed to every open sidebar): this sidebar's own
       * click, or one made in another view of the same session. Applied in place; nothing is
       * re-read, and an event the sidebar already shows changes nothing (no re-render).
       */
      applyCommitted(e) {
        const { session } = get();
        if (!session || e.sessionId !== session.id) return;
        const key = markKey(e.cardId, e.item);
        if (e.action === 'said') {
          const m = get().marks[key];
          if (m?.state === 'recorded' && m.eventId === e.id) return;
          // A click of this sidebar still in flight under another id stays its own (the log has both).
          if (m?.state === 'saving' && m.eventId !== e.id) return;
          set({ marks: { ...get().marks, [key]: { state: 'recorded', eventId: e.id } } });
        } else if (e.action === 'skipped') {
          if (get().skipped[key] === e.id) return;
          set({ skipped: { ...get().skipped, [key]: e.id } });
        } else if (e.action === 'correction') {
          if (get().corrections[key] === e.id) return;
          set({ corrections: { ...get().corrections, [key]: e.id } });
        }
      },

      /**
       * Records that the host said an item. The mark turns "recorded" only after the background
       * has committed the event; a retry reuses the same event id, so it can never count twice.
       */
      async markSaid(item) {
        const ctx = recordingContext(get());
        const current = currentCard(get());
        if (!ctx || !current) return;
        const key = markKey(current.card.id, item);
        const existing = get().marks[key];
        if (existing && existing.state !== 'failed') return;
        const eventId = existing?.eventId ?? newId();
        set({ marks: { ...get().marks, [key]: { state: 'saving', eventId } } });
        // Saying what the gate listed as missing shrinks it; with nothing left it closes.
        const gate = get().gate;
        if (gate) {
          const missing = gate.missing.filter((m) => markKey(current.card.id, m) !== key);
          set({ gate: missing.length > 0 ? { ...gate, missing } : null });
        }
        try {
          await send(recordPayload(ctx, { id: eventId, card: current.card, policy: current.policy, item, action: 'said' }));
          // The push with the committed event may have shown it already.
          const now = get().marks[key];
          if (now?.state !== 'recorded' || now.eventId !== eventId) set({ marks: { ...get().marks, [key]: { state: 'recorded', eventId } } });
        } catch (err) {
          set({ marks: { ...get().marks, [key]: { state: 'failed', eventId, code: errorCode(err) } } });
        }
      },

      /** M: the selected item was said; then on to the next must-say item still unsaid. */
      async markSelected() {
        const c = currentCard(get());
        const item = c && itemForM(c.items, get().selected, get().gate?.missing);
        if (!c || !item) return;
        if (!get().session) return set({ notice: 'notice.notLive' });
        const done = get().markSaid(item);
        const next = firstUnsaid(get(), c);
        if (next >= 0) set({ selected: next });
        await done;
      },

      /** Records one 'skipped' event per unsaid must-say item; a failure is shown, never silent. */
      async recordSkipped({ card, policy }, missing) {
        // Read before the first await: the host is moving to another card meanwhile.
        const ctx = recordingContext(get());
        if (!ctx) return;
        for (const item of missing) {
          const key = markKey(card.id, item);
          if (get().skipped[key]) continue;
          const id = newId();
          const payload = recordPayload(ctx, { id, card, policy, item, action: 'skipped' });
          try {
            // One retry with the same id: the background ignores a duplicate, so it cannot count twice.
            await send(payload).catch(() => send(payload));
            set({ skipped: { ...get().skipped, [key]: id } });
          } catch (err) {
            set({ actionError: errorCode(err) });
          }
        }
      },

      /**
       * Issue 5: records an on-air correction of an item of the card on screen. It points at the
       * item's latest event (its last correction, else the event that recorded it said). The caller
       * keeps `eventId` across retries, so a retry cannot record the correction twice; a failure
       * is thrown for the caller to show.
       */
      async correct(item, eventId) {
        const ctx = recordingContext(get());
        const current = currentCard(get());
        if (!ctx || !current) throw new UpfrontError('session-ended');
        const key = markKey(current.card.id, item);
        const mark = get().marks[key];
        const target = get().corrections[key] ?? (mark?.state === 'recorded' ? mark.eventId : undefined);
        if (!target) throw new UpfrontError('correction-target-missing', key);
        await send(recordPayload(ctx, { id: eventId, card: current.card, policy: current.policy, item, action: 'correction', corrects: target }));
        set({ corrections: { ...get().corrections, [key]: eventId } });
      },

      /**
       * The host read the recap out: record it, then end the session. The recap covers every
       * product sold under the policies it lists, so each such product gets a "said" event of its
       * policy (one request each, sent together; ids kept on the marks, so a retry cannot record
       * one twice). Products whose policy was already recorded said keep that event.
       */
      endWithRecap(): Promise<void> {
        // E pressed again while the recap is being recorded waits for it: nothing is sent twice.
        recapping ??= recordRecapAndEnd().finally(() => {
          recapping = null;
        });
        return recapping;
      },
    };
  };
