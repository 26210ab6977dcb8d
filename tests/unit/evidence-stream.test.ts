import { describe, expect, it } from 'vitest';
import { eventHash, genesisHash } from '../../lib/evidence/chain';
import { contentHash } from '../../lib/evidence/hash';
import { verifyLogText } from '../../lib/evidence/verify';
import { logToCsv } from '../../lib/export/log-csv';
import { logToJson } from '../../lib/export/log-json';
import { collect, logChunks, readerSource } from '../../lib/export/stream';
import type { DisclosureEvent, Session, Snapshot } from '../../lib/schema/session';

const START = Date.UTC(2026, 10, 20, 12);
const snapshot: Snapshot = { hash: '', content: { card: { id: 'c1', sku: 'SKU-1', name: { en: 'Thing' }, caveats: [], notes: [] }, policy: null } };
snapshot.hash = contentHash(snapshot.content);

/** A session of `count` correctly chained events, made without a database (fast enough for 100,000). */
function bigSession(id: string, count: number): { session: Session; events: DisclosureEvent[] } {
  const events: DisclosureEvent[] = [];
  let prev = genesisHash(id);
  for (let seq = 1; seq <= count; seq++) {
    const e = { id: `${id}-${seq}`, sessionId: id, seq, at: START + seq * 100, offsetMs: seq * 100, cardId: 'c1', cardHash: snapshot.hash, item: { kind: 'caveat' as const, id: 'k' }, language: 'en', action: 'said' as const, prev };
    const hash = eventHash(e);
    events.push({ ...e, hash });
    prev = hash;
  }
  const session: Session = { id, deckId: 'd', deckName: 'Deck', host: 'Lina', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', market: 'EU', language: 'en', startedAt: START, lastSeq: count, head: prev };
  return { session, events };
}

const grouped = new WeakMap<DisclosureEvent[], Map<string, DisclosureEvent[]>>();
function bySession(events: DisclosureEvent[], sessionId: string): DisclosureEvent[] {
  let m = grouped.get(events);
  if (!m) {
    m = new Map();
    for (const e of events) {
      if (!m.has(e.sessionId)) m.set(e.sessionId, []);
      m.get(e.sessionId)!.push(e);
    }
    grouped.set(events, m);
  }
  return m.get(sessionId) ?? [];
}

/** A source over a reader that counts how it is asked, like the background answering page by page. */
function source(events: DisclosureEvent[], sessions: Session[] = []) {
  const calls = { events: 0, maxPage: 0 };
  const src = readerSource({
    async events(sessionId, afterSeq, throughSeq) {
      calls.events += 1;
      // Events of one session are in seq order from 1, so a page is a slice (a real index in the DB).
      const page = bySession(events, sessionId).slice(afterSeq, throughSeq);
      calls.maxPage = Math.max(calls.maxPage, page.length);
      return page;
    },
    async session(id) {
      return sessions.find((s) => s.id === id);
    },
    async snapshots(hashes) {
      return hashes.includes(snapshot.hash) ? [snapshot] : [];
    },
  });
  return { src, calls };
}

// Hashing 100,000 events takes seconds: make the big session once for both tests.
let big: ReturnType<typeof bigSession> | undefined;
const bigOne = () => (big ??= bigSession('big', 100_000));

describe('streaming export', () => {
  it('writes the same bytes as the one-shot exporters (CSV and JSON)', async () => {
    const a = bigSession('a', 7);
    const b = bigSession('b', 3);
    const data = { sessions: [a.session, b.session], events: [...a.events, ...b.events], snapshots: [snapshot] };
    const { src } = source(data.events, data.sessions);
    const opts = { sessions: data.sessions, exportedAt: START, installation: 'inst-1', pageSize: 2, pause: async () => undefined };
    expect(await collect(logChunks(src, { ...opts, format: 'csv' }))).toBe(logToCsv(data));
    const json = await collect(logChunks(src, { ...opts, format: 'json' }));
    expect(json).toBe(logToJson(data, START, 'inst-1'));
    expect((await verifyLogText(json)).ok).toBe(true);
  });

  it('writes valid, verifiable JSON for an empty session and for no sessions', async () => {
    const empty = bigSession('e', 0);
    const { src } = source([]);
    for (const sessions of [[empty.session], []]) {
      const json = await collect(logChunks(src, { format: 'json', sessions, exportedAt: START, pause: async () => undefined }));
      expect((await verifyLogText(json)).ok).toBe(true);
    }
  });

  it('does not include events recorded after the export began (the head stays right)', async () => {
    const s = bigSession('live', 5);
    const { src } = source(s.events, [s.session]);
    const listed = { ...s.session, lastSeq: 3, head: s.events[2].hash };
    const json = await collect(logChunks(src, { format: 'json', sessions: [listed], exportedAt: START, pause: async () => undefined }));
    const r = await verifyLogText(json);
    expect(r.ok).toBe(true);
    expect(r.events).toBe(3);
  });

  it('exports 100,000 events in pages, giving the event loop a turn between pages', async () => {
    const s = bigOne();
    const { src, calls } = source(s.events, [s.session]);
    // A timer that can only fire when the exporter yields to the event loop.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    let chunks = 0;
    let progress = 0;
    const parts: string[] = [];
    try {
      for await (const c of logChunks(src, { format: 'csv', sessions: [s.session], exportedAt: START, onProgress: (done) => (progress = done) })) {
        chunks += 1;
        parts.push(typeof c === 'string' ? c : new TextDecoder().decode(c));
      }
    } finally {
      clearInterval(timer);
    }
    expect(calls.maxPage).toBeLessThanOrEqual(2000);
    expect(calls.events).toBeGreaterThanOrEqual(50);
    expect(chunks).toBeGreaterThanOrEqual(51);
    expect(ticks).toBeGreaterThanOrEqual(25);
    expect(progress).toBe(100_000);
    const text = parts.join('');
    expect(text.split('\r\n').length - 2).toBe(100_000);
  }, 60_000);

  it('streams 100,000 events as JSON that verifies', async () => {
    const s = bigOne();
    const { src } = source(s.events, [s.session]);
    const json = await collect(logChunks(src, { format: 'json', sessions: [s.session], exportedAt: START }));
    const r = await verifyLogText(json);
    expect(r.ok).toBe(true);
    expect(r.events).toBe(100_000);
  }, 60_000);
});
