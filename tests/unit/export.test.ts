import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Repository } from '../../lib/db/repository';
import type { DeckBundle } from '../../lib/schema/deck';
import type { LogData } from '../../lib/schema/session';
import { verifyChain } from '../../lib/evidence/chain';
import { LOG_CSV_COLUMNS, logToCsv } from '../../lib/export/log-csv';
import { LOG_FORMAT, LOG_VERSION, logToJson } from '../../lib/export/log-json';
import { formatOffset } from '../../lib/export/offset';
import { policyText } from '../../lib/export/policy-text';
import { policySummary } from '../../lib/cards/policy-summary';
import { createI18n } from '../../lib/i18n';
import { DisclosureEvent, Session, Snapshot } from '../../lib/schema/session';
import { NOW, freshRepo, logOf } from './helpers';

const TRICKY = 'Runs "large", really,\nsize down;\r\nsecond line';

/** A deck whose texts are everything a CSV writer gets wrong. */
const bundle: DeckBundle = {
  deck: { id: 'deck', name: '+SUM(1,2) autumn', cardIds: ['card'], market: 'CN', languages: ['zh-CN', 'en'], defaultPolicyId: 'policy', updatedAt: NOW },
  cards: [
    {
      id: 'card',
      sku: '@SKU-1',
      name: { 'zh-CN': '宽松纯棉连帽卫衣，偏大', en: 'Hoodie, "oversized"' },
      category: 'apparel',
      scaleRefs: [],
      caveats: [
        { id: 'quotes', text: { en: TRICKY, 'zh-CN': '不适用于超过 60 厘米的靠垫，“加厚”款除外' }, mustSay: true },
        { id: 'minus', text: { en: '-2+3 is not a formula' }, mustSay: false },
        { id: 'multiline-formula', text: { en: '=HYPERLINK("http://evil.example","x")\nsecond line' }, mustSay: false },
      ],
      notes: [{ id: 'tab', kind: 'care', text: { en: '\tTab-led care text' } }],
      updatedAt: NOW,
    },
  ],
  policies: [{ id: 'policy', name: 'P', markets: ['CN'], windowDays: 7, returnShippingPaidBy: 'buyer', exchanges: false, updatedAt: NOW }],
};

let repo: Repository;
let log: LogData;

beforeEach(async () => {
  ({ repo } = freshRepo());
  await repo.putDeckBundle(bundle);
  await repo.startSession({ id: 's1', deckId: 'deck', host: '=cmd|"/c calc"!A1', platform: 'douyin-buyin', consoleOrigin: 'https://buyin.jinritemai.com', now: NOW });
  const base = { sessionId: 's1', cardId: 'card', action: 'said' as const };
  await repo.recordEvent({ ...base, id: 'e1', item: { kind: 'caveat', id: 'quotes' }, language: 'zh-CN', now: NOW + 3_723_000 });
  await repo.recordEvent({ ...base, id: 'e2', item: { kind: 'caveat', id: 'quotes' }, language: 'en', now: NOW + 3_724_000 });
  await repo.recordEvent({ ...base, id: 'e3', item: { kind: 'caveat', id: 'minus' }, language: 'en', now: NOW + 3_725_000 });
  await repo.recordEvent({ ...base, id: 'e4', item: { kind: 'policy', id: 'policy' }, language: 'en', now: NOW + 3_726_000 });
  await repo.recordEvent({ ...base, id: 'e5', item: { kind: 'caveat', id: 'multiline-formula' }, language: 'en', now: NOW + 3_727_000 });
  await repo.recordEvent({ ...base, id: 'e6', item: { kind: 'note', id: 'tab' }, language: 'en', now: NOW + 3_728_000 });
  log = await logOf(repo);
});

function parse(csv: string) {
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result;
}

describe('CSV log', () => {
  it('starts with a byte-order mark so Excel reads UTF-8', () => {
    const csv = logToCsv(log);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.charCodeAt(1)).not.toBe(0xfeff);
  });

  it('has exactly the documented columns, in order', () => {
    const { meta } = parse(logToCsv(log));
    expect(meta.fields).toEqual([...LOG_CSV_COLUMNS]);
  });

  it('ends records with CRLF', () => {
    const csv = logToCsv(log);
    expect(csv.startsWith(`\uFEFF${LOG_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Parsing with CRLF as the only record separator recovers one row per event.
    expect(parse(csv).data).toHaveLength(log.events.length);
  });

  it('round-trips Chinese text, commas, quotes and line breaks', () => {
    const rows = parse(logToCsv(log)).data;
    expect(rows[0].product).toBe('宽松纯棉连帽卫衣，偏大');
    expect(rows[0].item_text).toBe('不适用于超过 60 厘米的靠垫，“加厚”款除外');
    expect(rows[1].product).toBe('Hoodie, "oversized"');
    expect(rows[1].item_text).toBe(TRICKY);
  });

  it('carries each event’s identity, chain and replay offset', () => {
    const rows = parse(logToCsv(log)).data;
    const e = log.events[0];
    expect(rows[0]).toMatchObject({
      session_id: 's1',
      platform: 'douyin-buyin',
      console_origin: 'https://buyin.jinritemai.com',
      market: 'CN',
      seq: '1',
      event_id: 'e1',
      at: new Date(NOW + 3_723_000).toISOString(),
      offset: '01:02:03',
      offset_ms: '3723000',
      card_id: 'card',
      card_hash: e.cardHash,
      item_kind: 'caveat',
      item_id: 'quotes',
      language: 'zh-CN',
      action: 'said',
      corrects: '',
      prev: e.prev,
      hash: e.hash,
    });
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it.each([
    ['=', 'host', '=cmd|"/c calc"!A1'],
    ['+', 'deck', '+SUM(1,2) autumn'],
    ['-', 'item_text', '-2+3 is not a formula'],
    ['@', 'sku', '@SKU-1'],
  ])('neutralises a cell starting with %s', (_c, column, original) => {
    const rows = parse(logToCsv(log)).data;
    const row = column === 'item_text' ? rows[2] : rows[0];
    expect(row[column]).toBe(`'${original}`);
  });

  it('neutralises a cell starting with a tab', () => {
    expect(parse(logToCsv(log)).data[5].item_text).toBe("'\tTab-led care text");
  });

  it('neutralises a formula that spans several lines', () => {
    const rows = parse(logToCsv(log)).data;
    expect(rows[4].item_text).toBe(`'=HYPERLINK("http://evil.example","x")\nsecond line`);
  });

  it('fills the item text of a return-policy row with the paragraph the host read out (issue 21)', async () => {
    // The very words the sidebar shows, made with the real i18next: the CSV must not differ.
    const t = (await createI18n('en')).getFixedT('en');
    const shown = policySummary(bundle.policies[0], 'en', t);
    expect(shown).toMatch(/^You can return it within 7 days of delivery \(China\)\. You pay the return shipping\.$/);
    expect(parse(logToCsv(log)).data[3]).toMatchObject({ item_kind: 'policy', item_id: 'policy', item_text: shown });
  });

  it('writes the policy paragraph in each language Upfront speaks, as the sidebar does', async () => {
    const policy = { ...bundle.policies[0], condition: { en: 'unworn', 'zh-CN': '未穿着', es: 'sin usar', ja: '未着用' }, restockingFee: { percent: 10, changeOfMindOnly: true as const }, exceptions: { en: 'swimwear' } };
    for (const language of ['en', 'zh-CN', 'es', 'ja']) {
      const t = (await createI18n(language)).getFixedT(language);
      expect(policyText(policy, language)).toBe(policySummary(policy, language, t));
    }
  });

  it('writes just the header for an empty log', () => {
    expect(logToCsv({ sessions: [], events: [], snapshots: [] })).toBe(`\uFEFF${LOG_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('JSON log', () => {
  it('carries sessions, events and snapshots unchanged, and the chains still verify', () => {
    const parsed = JSON.parse(logToJson(log, NOW + 86_400_000));
    expect(parsed.format).toBe(LOG_FORMAT);
    expect(parsed.version).toBe(LOG_VERSION);
    expect(parsed.exportedAt).toBe(new Date(NOW + 86_400_000).toISOString());
    expect(parsed.sessions).toEqual(log.sessions);
    expect(parsed.events).toEqual(log.events);
    expect(parsed.snapshots).toEqual(log.snapshots);
    expect(parsed.events).toHaveLength(6);
    for (const s of parsed.sessions) Session.parse(s);
    for (const e of parsed.events) DisclosureEvent.parse(e);
    for (const s of parsed.snapshots) Snapshot.parse(s);
    const session = parsed.sessions[0];
    expect(verifyChain(session, parsed.events, session.head)).toBeNull();
  });
});

describe('formatOffset', () => {
  it.each([
    [0, '00:00:00'],
    [999, '00:00:00'],
    [3_723_000, '01:02:03'],
    [100 * 3_600_000, '100:00:00'],
    [-5, '00:00:00'],
  ])('formats %s ms as %s', (ms, text) => {
    expect(formatOffset(ms)).toBe(text);
  });
});
