/** The live session's life: going live, resuming one left open, ending. */
import { errorCode } from '../../errors';
import { landingItem } from '../selectors';
import { rehearsalAsSession } from '../rehearsal';
import type { SessionActions, Slice } from './types';

export const createSessionSlice: Slice<SessionActions> =
  ({ call, newId }) =>
  (set, get) => ({
    /** Go live, or (issue 20) Rehearse: the same show in the rehearsal log, never a session. */
    async goLive(host, choice = {}, rehearse = false) {
      const { context, deckId } = get();
      // Checked and set before the first await: a second press in the same task finds it set.
      if (!context || !deckId || get().starting) return;
      set({ starting: true });
      try {
        const start = { id: newId(), deckId, host, tabId: context.tabId, ...choice };
        const session = rehearse ? rehearsalAsSession(await call('rehearsal.start', start)) : await call('session.start', start);
        // The language chosen at go-live is where the show starts; L switches from there.
        set({ session, rehearsal: rehearse, rehearsalEnded: undefined, marks: {}, skipped: {}, corrections: {}, resumable: [], actionError: undefined, selected: 0, gate: null, viewerChoice: undefined });
        set({ selected: landingItem(get(), get().index) });
        get().rememberOnScreen();
      } catch (err) {
        // Another view of this tab went live first: show that show rather than an error.
        if (['session-already-live', 'rehearsal-open'].includes(errorCode(err))) await get().bootstrap(context.tabId).catch(() => undefined);
        if (!get().session) set({ actionError: errorCode(err) });
      } finally {
        set({ starting: false });
      }
    },

    async endSession() {
      const { session } = get();
      if (!session) return;
      try {
        await call('session.end', { sessionId: session.id });
        set({ session: null, rehearsal: false, rehearsalEnded: get().rehearsal ? session.id : undefined, marks: {}, skipped: {}, corrections: {}, actionError: undefined, recapOpen: false, gate: null });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },

    /** Issue 5: carries on a session this console left open (closed tab, crash) in this tab. */
    async resume(sessionId) {
      const { context } = get();
      if (!context || get().starting) return;
      set({ starting: true });
      try {
        await call('session.resume', { sessionId, tabId: context.tabId });
        // The tab's session now: read as on opening, so the show goes on at the card it was on.
        await get().bootstrap(context.tabId);
        set({ actionError: undefined });
      } catch (err) {
        set({ actionError: errorCode(err) });
      } finally {
        set({ starting: false });
      }
    },

    /** Issue 5: ends a left-open session without resuming it. */
    async endResumable(sessionId) {
      try {
        await call('session.end', { sessionId });
        set({ resumable: get().resumable.filter((s) => s.id !== sessionId), actionError: undefined });
      } catch (err) {
        set({ actionError: errorCode(err) });
      }
    },
  });
