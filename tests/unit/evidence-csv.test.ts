import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { LOG_CSV_COLUMNS } from '../../lib/export/log-csv';
import { collect, logChunks, repositorySource } from '../../lib/export/stream';
import type { Card } from '../../lib/schema/card';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { NOW, freshRepo } from './helpers';

/** Caveat texts a spreadsheet or a naive CSV writer gets wrong. */
const NASTY: Record<string, string> = {
  chinese: '不适合深度超过 60 厘米的靠垫，请先量好尺寸。',
  comma: 'Not for cushions deeper than 60 cm, or thinner than 5 cm',
  quotes: 'Say "runs large" and "take one size down"',
  newline: 'First line\r\nsecond line\nthird line',
  formulaEq: '=HYPERLINK("http://evil.example","click")',
  formulaPlus: '+1+cmd|\' /C calc\'!A0',
  formulaMinus: '-2+3',
  formulaAt: '@SUM(A1:A9)',
  formulaTab: '\t=1+1',
  formulaCr: '\r=1+1',
  formulaMultiline: '=1+1\nlooks harmless below',
};

let repo: Repository;
let events: DisclosureEvent[];
let sessions: Session[];
let csv: string;

beforeAll(async () => {
  ({ repo } = freshRepo());
  const bundle = demoBundle(NOW);
  const nasty: Card = {
    ...bundle.cards[1],
    id: 'card-nasty',
    sku: '=SKU,"1"',
    name: { en: 'Cushion, "deluxe"\nedition', 'zh-CN': '靠垫套，"豪华"版' },
    caveats: Object.entries(NASTY).map(([id, en]) => ({ id, mustSay: true, text: { en, 'zh-CN': `${en}（中文）` } })),
  };
  await repo.putDeckBundle({ ...bundle, cards: [...bundle.cards, nasty], deck: { ...bundle.deck, cardIds: [...bundle.deck.cardIds, nasty.id] } });
  await repo.startSession({ id: 's1', deckId: bundle.deck.id, host: '=Lina, "the host"', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
  let n = 0;
  for (const [id] of Object.entries(NASTY)) {
    for (const language of ['en', 'zh-CN']) {
      n += 1;
      await repo.recordEvent({ id: `e${n}`, sessionId: 's1', cardId: nasty.id, item: { kind: 'caveat', id }, language, action: 'said', now: NOW + n * 1000 });
    }
  }
  events = await repo.listEvents('s1');
  sessions = await repo.listSessions();
  csv = await collect(logChunks(repositorySource(repo), { format: 'csv', sessions, exportedAt: NOW, pageSize: 5, pause: async () => undefined }));
});

const parse = () => {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result;
};

/** What a spreadsheet user reads back: the text with the neutralising apostrophe. */
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('CSV export parsed back with papaparse', () => {
  it('has the documented columns and one row per event, in order', () => {
    const { data, meta } = parse();
    expect(meta.fields).toEqual([...LOG_CSV_COLUMNS]);
    expect(data.map((r) => r.event_id)).toEqual(events.map((e) => e.id));
    expect(data.map((r) => Number(r.seq))).toEqual(events.map((e) => e.seq));
  });

  it('ends every line with CRLF (RFC 4180) and the file with one', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${LOG_CSV_COLUMNS.join(',')}`);
  });

  it.each(Object.entries(NASTY))('round-trips the %s caveat text in both languages', (id, text) => {
    const rows = parse().data.filter((r) => r.item_id === id);
    expect(rows.map((r) => r.language)).toEqual(['en', 'zh-CN']);
    expect(rows[0].item_text).toBe(neutralised(text));
    expect(rows[1].item_text).toBe(neutralised(`${text}（中文）`));
  });

  it('neutralises formula cells everywhere, including the host and the SKU', () => {
    const row = parse().data[0];
    expect(row.host).toBe(`'=Lina, "the host"`);
    expect(row.sku).toBe(`'=SKU,"1"`);
    expect(row.product).toBe('Cushion, "deluxe"\nedition');
    // No cell in the file starts with a formula character once parsed.
    for (const r of parse().data) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps the chain fields exactly, so a row can be matched to the JSON log', () => {
    const { data } = parse();
    expect(data.map((r) => [r.prev, r.hash, r.card_hash])).toEqual(events.map((e) => [e.prev, e.hash, e.cardHash]));
    expect(data[3]).toMatchObject({ at: new Date(events[3].at).toISOString(), offset: '00:00:04', offset_ms: '4000' });
  });

  it('keeps only the filtered product’s rows when a product filter is set', async () => {
    await repo.recordEvent({ id: 'other', sessionId: 's1', cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said', now: NOW + 99_000 });
    const all = await repo.listSessions();
    const filtered = await collect(logChunks(repositorySource(repo), { format: 'csv', sessions: all, exportedAt: NOW, filter: { cardId: 'demo-card-hoodie' }, pause: async () => undefined }));
    const rows = Papa.parse<Record<string, string>>(filtered.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.event_id)).toEqual(['other']);
  });
});
