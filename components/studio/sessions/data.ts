import { useCallback, useEffect, useRef, useState } from 'react';
import { UpfrontError } from '../../../lib/errors';
import type { LogFilter } from '../../../lib/export/filter';
import type { Client } from '../../../lib/messaging/client';
import type { SessionDetail, FilterOptions } from '../../../lib/contracts/logs';
import type { DisclosureEvent, Session } from '../../../lib/schema/session';
import { touchesLibrary, touchesSessions, type OnChanged } from '../changes';

export const codeOf = (err: unknown) => (err instanceof UpfrontError ? err.code : 'internal');

/** The listed sessions with one more recorded event counted, without asking the background. */
export function countEvent(list: Session[] | null, e: DisclosureEvent): Session[] | null {
  if (!list?.some((s) => s.id === e.sessionId && s.lastSeq < e.seq)) return list;
  return list.map((s) => (s.id === e.sessionId && s.lastSeq < e.seq ? { ...s, lastSeq: e.seq, head: e.hash } : s));
}

/**
 * The sessions the filter lists and the filter's choices. Read again when sessions change
 * (started, ended, imported, exported); a disclosure only counts one more event in its row, from
 * the event the push carries: a live show's clicks cost the studio no request.
 */
export function useSessionList(call: Client, onChanged: OnChanged, filter: LogFilter) {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      setSessions(await call('session.list', Object.keys(filter).length > 0 ? { filter } : {}));
      setError(undefined);
    } catch (err) {
      setError(codeOf(err));
    }
    // The filter choices are a convenience: without them the list still works.
    setOptions(await call('session.filters', {}).catch(() => null));
  }, [call, filter]);
  useEffect(() => {
    void load();
    return onChanged((change) => {
      if (touchesSessions(change)) void load();
      else if (change?.event) setSessions((list) => countEvent(list, change.event!));
    });
  }, [load, onChanged]);
  return { sessions, options, error, setError };
}

/**
 * One session's timeline. A disclosure recorded in it is appended from the push (asking only for
 * the card snapshot it cites, when that one is new); a gap in the sequence, the session ending
 * or a library change reads the whole session again.
 */
export function useSessionDetail(call: Client, sessionId: string, onChanged: OnChanged) {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<string>();
  const shown = useRef<SessionDetail | null>(null);
  useEffect(() => {
    let live = true;
    let queue = Promise.resolve();
    const show = (d: SessionDetail) => {
      if (!live) return;
      shown.current = d;
      setDetail(d);
    };
    const load = () =>
      call('session.detail', { sessionId }).then(show, (err) => live && setError(codeOf(err)));
    const append = async (e: DisclosureEvent) => {
      const d = shown.current;
      if (!d || d.events.some((x) => x.id === e.id)) return;
      if (e.seq !== (d.events.at(-1)?.seq ?? 0) + 1) return load();
      const known = d.snapshots.some((s) => s.hash === e.cardHash);
      const snapshots = known ? [] : await call('log.snapshots', { hashes: [e.cardHash] });
      const now = shown.current ?? d;
      show({ ...now, session: { ...now.session, lastSeq: e.seq, head: e.hash }, events: [...now.events, e], snapshots: [...now.snapshots, ...snapshots] });
    };
    // Reads and appends in the order the pushes came, so events land in sequence.
    const next = (step: () => Promise<unknown>) => {
      queue = queue.then(step).then(
        () => undefined,
        () => undefined,
      );
    };
    shown.current = null;
    next(load);
    const off = onChanged((change) => {
      if (change?.event) {
        // A snapshot that could not be read: the whole session instead, never a missing event.
        if (change.event.sessionId === sessionId) next(() => append(change.event!).catch(load));
      } else if ((touchesSessions(change) && (change?.sessionId ?? sessionId) === sessionId) || (touchesLibrary(change) && !change?.cardIds)) {
        next(load);
      }
    });
    return () => {
      live = false;
      off();
    };
  }, [call, sessionId, onChanged]);
  return { detail, error };
}
