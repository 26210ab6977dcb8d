// Test data written straight into the extension's database from its service worker, in the
// shapes lib/schema defines: products copied from the seeded demo deck, and finished sessions
// whose events form a valid SHA-256 chain (so an exported file from them also verifies).
import { countStore, demoRecords, putRecords } from '../browser.mjs';

/**
 * `count` products cloned from the demo cards (each keeps its size chart, caveats, notes and
 * picture), in a deck with the demo EU policy as default. `demo`: the demo's cards and policies,
 * when the database has none seeded (a database written before Upfront first runs). Returns what
 * was written.
 */
export async function seedProducts(worker, { count, deckId = 'bench-deck', prefix = 'bench', demo }) {
  demo ??= await demoRecords(worker);
  const policy = demo.policies.find((p) => p.id === 'demo-policy-eu') ?? demo.policies[0];
  const now = Date.now();
  const cards = Array.from({ length: count }, (_, i) => {
    const base = demo.cards[i % demo.cards.length];
    const { demo: _demo, policyId: _p, ...rest } = base;
    return {
      ...rest,
      id: `${prefix}-card-${i}`,
      sku: `${prefix.toUpperCase()}-${String(i).padStart(4, '0')}`,
      name: Object.fromEntries(Object.entries(base.name).map(([lang, text]) => [lang, `${text} #${i + 1}`])),
      updatedAt: now,
    };
  });
  const policies = [{ ...policy, demo: false }];
  const deck = { id: deckId, name: `AAA ${prefix} deck (${count})`, cardIds: cards.map((c) => c.id), market: 'EU', languages: ['en', 'zh-CN'], defaultPolicyId: policy.id, updatedAt: now };
  await putRecords(worker, 'policies', policies);
  await putRecords(worker, 'cards', cards);
  await putRecords(worker, 'decks', [deck]);
  return { cards, policies, deck };
}

/**
 * `sessions` sessions of `perSession` events each over the given products, with their snapshots,
 * built and hashed inside the service worker (nothing this size crosses CDP). They are written as
 * a live session's events are, one record each, and left open: end them through the background
 * (endSessions) so its own code seals them as a host's End session does. With `sealed`, they are
 * written as the background leaves them once ended and sealed (ended by the host, the events in
 * pages of 250, lib/db/event-pages.ts), for a database no Upfront has opened yet.
 */
export async function seedLog(worker, { sessions, perSession, cards, policy, deck, sealed = false }) {
  return worker.evaluate(
    async ({ sessions, perSession, cards, policy, deck, sealed }) => {
      // A small synchronous SHA-256 (FIPS 180-4): crypto.subtle's round trip per call would make
      // chaining 100,000 events take half a minute.
      const K = new Uint32Array([
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
      ]);
      const enc = new TextEncoder();
      const W = new Uint32Array(64);
      const sha = (text) => {
        const msg = enc.encode(text);
        const len = ((msg.length + 9 + 63) >> 6) << 6;
        const buf = new Uint8Array(len);
        buf.set(msg);
        buf[msg.length] = 0x80;
        const view = new DataView(buf.buffer);
        view.setUint32(len - 4, msg.length * 8);
        view.setUint32(len - 8, Math.floor((msg.length * 8) / 2 ** 32));
        const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
        const rotr = (x, n) => (x >>> n) | (x << (32 - n));
        for (let off = 0; off < len; off += 64) {
          for (let i = 0; i < 16; i++) W[i] = view.getUint32(off + i * 4);
          for (let i = 16; i < 64; i++) {
            const s0 = rotr(W[i - 15], 7) ^ rotr(W[i - 15], 18) ^ (W[i - 15] >>> 3);
            const s1 = rotr(W[i - 2], 17) ^ rotr(W[i - 2], 19) ^ (W[i - 2] >>> 10);
            W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
          }
          let [a, b, c, d, e, f, g, h] = H;
          for (let i = 0; i < 64; i++) {
            const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
            const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
            h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
          }
          H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
        }
        return [...H].map((x) => x.toString(16).padStart(8, '0')).join('');
      };
      if (sha('abc') !== 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad') throw new Error('bench sha256 is wrong');
      // RFC 8785 for these values (strings, integers, booleans, nested objects): sorted keys.
      const canon = (v) =>
        Array.isArray(v)
          ? `[${v.map(canon).join(',')}]`
          : v && typeof v === 'object'
            ? `{${Object.keys(v)
                .filter((k) => v[k] !== undefined)
                .sort()
                .map((k) => `${JSON.stringify(k)}:${canon(v[k])}`)
                .join(',')}}`
            : JSON.stringify(v);
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('upfront');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const write = (store, records) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
          for (const r of records) tx.objectStore(store).put(r);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      const { updatedAt: _pu, demo: _pd, ...policyContent } = policy;
      const snaps = [];
      const items = [];
      for (const card of cards) {
        const { updatedAt: _u, demo: _d, ...cardContent } = card;
        const content = { card: cardContent, policy: policyContent };
        const hash = sha(canon(content));
        snaps.push({ hash, content });
        const own = [
          ...card.caveats.map((c) => ({ kind: 'caveat', id: c.id })),
          ...(card.sizeChart ? [{ kind: 'size', id: 'size' }] : []),
          { kind: 'policy', id: policy.id },
          ...card.notes.map((n) => ({ kind: 'note', id: n.id })),
        ];
        items.push({ card, hash, own });
      }
      await write('snapshots', snaps);
      const start = Date.now() - sessions * 4 * 3_600_000;
      const ids = [];
      for (let s = 0; s < sessions; s++) {
        const id = `bench-session-${String(s).padStart(3, '0')}`;
        const startedAt = start + s * 4 * 3_600_000;
        let prev = sha(`upfront:session:${id}`);
        let batch = [];
        // A sealed session's pages: 250 events each, with their products and event ids.
        const page = (events) => ({ sessionId: id, page: Math.floor((events[0].seq - 1) / 250), events, cardIds: [...new Set(events.map((e) => e.cardId))], eventIds: events.map((e) => e.id) });
        const flush = async () => {
          if (!sealed) await write('events', batch);
          else await write('eventPages', Array.from({ length: Math.ceil(batch.length / 250) }, (_, k) => page(batch.slice(k * 250, (k + 1) * 250))));
          batch = [];
        };
        for (let seq = 1; seq <= perSession; seq++) {
          const { card, hash, own } = items[Math.floor((seq - 1) / 8) % items.length];
          const item = own[(seq - 1) % own.length];
          const at = startedAt + seq * 5_000;
          const e = { id: `${id}-e${seq}`, sessionId: id, seq, at, offsetMs: at - startedAt, cardId: card.id, cardHash: hash, item, language: seq % 3 ? 'en' : 'zh-CN', action: 'said', prev };
          const full = { ...e, hash: sha(canon(e)) };
          prev = full.hash;
          batch.push(full);
          if (batch.length === 5000) await flush();
        }
        if (batch.length) await flush();
        const ended = sealed ? { endedAt: startedAt + perSession * 5_000 + 60_000, endReason: 'host' } : {};
        await write('sessions', [
          { id, deckId: deck.id, deckName: deck.name, host: `Host ${s % 7}`, platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', market: 'EU', language: 'en', startedAt, lastSeq: perSession, head: prev, ...ended },
        ]);
        ids.push(id);
      }
      db.close();
      return ids;
    },
    { sessions, perSession, cards, policy, deck, sealed },
  );
}

/**
 * Ends sessions as their hosts would, through the background's own session.end, and waits until
 * the background has sealed their events into pages (it does so after replying).
 */
export async function endSessions(page, worker, ids) {
  await page.evaluate(async (ids) => {
    for (const sessionId of ids) {
      const reply = await chrome.runtime.sendMessage({ type: 'session.end', payload: { sessionId } });
      if (!reply?.ok) throw new Error(`session.end ${sessionId}: ${JSON.stringify(reply)}`);
    }
  }, ids);
  for (;;) {
    const loose = await countStore(worker, 'events');
    if (loose === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
