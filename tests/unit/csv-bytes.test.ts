import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvBytes, UNPARSE, unparseCell } from '../../lib/export/csv-bytes';
import { CsvRowWriter, type SnapshotParts } from '../../lib/export/log-csv';
import { policyText } from '../../lib/export/policy-text';
import { formatOffset } from '../../lib/export/offset';
import type { Card } from '../../lib/schema/card';
import type { ReturnPolicy } from '../../lib/schema/policy';
import type { DisclosureEvent, Session } from '../../lib/schema/session';

/** Values a CSV writer gets wrong, and values on the fast path's edges. */
const VALUES = [
  '',
  'plain',
  'a/b:c.d_e',
  'x-y+z@w',
  '-',
  '-5',
  '+x',
  '=1+2',
  '@SUM(A1)',
  '\tTab',
  '\rCR',
  'a,b',
  'a"b',
  '"',
  'line\nbreak',
  'crlf\r\nend',
  ' lead',
  'trail ',
  '中文，逗号',
  'é',
  '\uFEFFbom',
  '=HYPERLINK("http://evil.example","x")\nsecond',
  '2026-11-20T12:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
];

const utf8 = new TextDecoder();

describe('CSV bytes', () => {
  it('writes each cell as papaparse does with the log options', () => {
    for (const v of VALUES) expect(unparseCell(v), JSON.stringify(v)).toBe(Papa.unparse([[v]], UNPARSE));
  });

  it('writes a row of them, numbers included, byte for byte as papaparse', () => {
    const row: (string | number)[] = [...VALUES, 0, 42, 3_723_000, -5, 1.5];
    const out = new CsvBytes(16); // small, so the buffer has to grow
    row.forEach((v, i) => out.cell(v, i === row.length - 1));
    out.cell('second row', true);
    expect(utf8.decode(out.take())).toBe(`${Papa.unparse([row, ['second row']], UNPARSE)}\r\n`);
    // take() starts afresh: a cached non-plain cell is written again correctly.
    out.cell('a,b').cell('中文，逗号', true);
    expect(utf8.decode(out.take())).toBe(`${Papa.unparse([['a,b', '中文，逗号']], UNPARSE)}\r\n`);
  });
});

const hex = (n: number) => n.toString(16).padStart(64, '0');
const card = (sku: string, name: string): Card =>
  ({ id: sku, sku, name: { en: name, 'zh-CN': `${name}（中）` }, category: 'apparel', scaleRefs: [], caveats: [{ id: 'k', text: { en: '"Runs large",\nsize down' }, mustSay: true }], notes: [{ id: 'n', kind: 'care', text: { en: '=cmd' } }], updatedAt: 0 }) as unknown as Card;

describe('CSV row writer', () => {
  it('writes the rows the column list describes, across pages and languages, as papaparse would', () => {
    const sessions = new Map<string, Session>([
      ['s1', { id: 's1', deckName: 'Deck, "autumn"', host: '=Lina', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', market: 'EU' } as Session],
      ['-s2', { id: '-s2', deckName: '秋季', host: 'Wei', platform: 'douyin-buyin', consoleOrigin: 'https://buyin.jinritemai.com', market: 'CN' } as Session],
    ]);
    const policy = { id: 'p', name: 'EU', markets: ['EU'], windowDays: 14, returnShippingPaidBy: 'buyer', exchanges: false, updatedAt: 1 } as ReturnPolicy;
    const cards = new Map<string, SnapshotParts | undefined>([
      [hex(1), { card: card('@SKU-1', 'Hoodie, "oversized"'), policy }],
      [hex(2), { card: card('SKU-2', 'Mug'), policy: null }],
      [hex(3), undefined], // a snapshot that is missing: its cells are empty
    ]);
    const events: DisclosureEvent[] = Array.from({ length: 40 }, (_, i) => ({
      id: i === 3 ? '-odd,id' : `e${i}`,
      sessionId: i < 20 ? 's1' : '-s2',
      seq: (i % 20) + 1,
      at: Date.UTC(2026, 10, 20, 12) + i * 1000,
      offsetMs: i * 61_000,
      cardId: `c${i % 3}`,
      cardHash: hex((i % 3) + 1),
      item: i % 4 === 0 ? { kind: 'policy', id: 'p' } : i % 4 === 1 ? { kind: 'caveat', id: 'k' } : { kind: 'note', id: 'n' },
      language: i % 2 ? 'en' : 'zh-CN',
      action: i % 5 === 0 ? 'corrected' : 'said',
      ...(i % 5 === 0 && { corrects: `e${i - 1}` }),
      prev: hex(100 + i),
      hash: hex(200 + i),
    })) as DisclosureEvent[];

    // The reference: every cell through papaparse, in LOG_CSV_COLUMNS order.
    const text = (e: DisclosureEvent) => {
      const snap = cards.get(e.cardHash);
      const c = snap?.card as { caveats: { text: { en: string } }[]; notes: { text: { en: string } }[] } | undefined;
      if (!c) return ''; // English only, so every language falls back to it
      if (e.item.kind === 'policy') return snap?.policy ? policyText(snap.policy, e.language) : '';
      return e.item.kind === 'caveat' ? c.caveats[0].text.en : e.item.kind === 'note' ? c.notes[0].text.en : '';
    };
    const reference = (list: DisclosureEvent[]) =>
      `${Papa.unparse(
        list.map((e) => {
          const s = sessions.get(e.sessionId)!;
          const c = cards.get(e.cardHash)?.card;
          const name = c ? (c.name as Record<string, string>)[e.language] : '';
          return [e.sessionId, s.deckName, s.host, s.platform, s.consoleOrigin, s.market, e.seq, e.id, new Date(e.at).toISOString(), formatOffset(e.offsetMs), e.offsetMs, e.cardId, c?.sku ?? '', name, e.cardHash, e.item.kind, e.item.id, text(e), e.language, e.action, e.corrects ?? '', e.prev, e.hash];
        }),
        UNPARSE,
      )}\r\n`;

    const writer = new CsvRowWriter();
    const pages = [events.slice(0, 15), events.slice(15, 30), events.slice(30)];
    for (const page of pages) expect(utf8.decode(writer.rows(page, sessions, cards))).toBe(reference(page));
    expect(writer.rows([], sessions, cards)).toHaveLength(0);
  });
});
