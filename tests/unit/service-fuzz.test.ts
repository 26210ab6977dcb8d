import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { TabRegistry } from '../../lib/background/tabs';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import en from '../../lib/i18n/locales/en.json';
import { requestSchemas } from '../../lib/contracts';
import { storedEvents } from './helpers';
import { testService } from '../helpers/service';

const EXT = 'fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz';
const senders = [
  { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, frameId: 0 },
  { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, frameId: 3, tab: { id: 1 } },
  { id: EXT, url: 'https://shop.tiktok.com/streamer/live', frameId: 0, tab: { id: 1 } },
  { id: 'someone-else', url: 'https://evil.example/', frameId: 0, tab: { id: 2 } },
  {},
];

async function setup() {
  const db = new UpfrontDb(`fuzz-${Math.random()}`);
  const repo = new Repository(db);
  await repo.putDeckBundle(demoBundle(0));
  const tabs = new TabRegistry(memoryKeyValue());
  await tabs.register(1, 'https://shop.tiktok.com/streamer/live', [], 0);
  const handle = testService({ extensionId: EXT, repo, tabs, now: () => 1_000 });
  const session = await repo.startSession({ id: 's1', deckId: 'demo-deck', host: 'h', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: 0 });
  return { db, handle, session };
}

const types = Object.keys(requestSchemas);
const errorCodes = new Set(Object.keys(en.errors));

/** Messages that look almost right: a real type and a payload of random or near-valid fields. */
const nearMessage = fc.record({
  type: fc.oneof(fc.constantFrom(...types), fc.string()),
  payload: fc.oneof(
    fc.anything(),
    fc.record(
      {
        id: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
        sessionId: fc.constantFrom('s1', 'nope', ''),
        cardId: fc.constantFrom('demo-card-hoodie', 'demo-card-serum', 'x'),
        item: fc.oneof(fc.record({ kind: fc.constantFrom('caveat', 'size', 'scale', 'policy', 'note', 'evil'), id: fc.string() }), fc.anything()),
        language: fc.constantFrom('en', 'zh-CN', '', '<script>'),
        action: fc.constantFrom('said', 'shown', 'correction', 'skipped', 'deleted'),
        deckId: fc.constantFrom('demo-deck', 'missing'),
        host: fc.string(),
        key: fc.string(),
        width: fc.integer(),
        collapsed: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  ),
});

describe('the background request surface under arbitrary input', () => {
  it('never throws, always replies with ok or a known error code, and writes only on ok', async () => {
    const { db, handle } = await setup();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), nearMessage), fc.constantFrom(...senders), async (message, sender) => {
        const eventsBefore = (await storedEvents(db)).length;
        const sessionsBefore = await db.sessions.count();
        const reply = await handle(message, sender);
        expect(typeof reply).toBe('object');
        if (reply.ok) return;
        expect(errorCodes.has(reply.code), reply.code).toBe(true);
        expect(await storedEvents(db)).toHaveLength(eventsBefore);
        expect(await db.sessions.count()).toBe(sessionsBefore);
      }),
      { numRuns: 400 },
    );
  });

  it('rejects every request from a sender that is not Upfront', async () => {
    const { handle } = await setup();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.anything(), async (type, payload) => {
        const reply = await handle({ type, payload }, { id: 'someone-else', url: `chrome-extension://someone-else/x.html` });
        expect(reply).toMatchObject({ ok: false });
      }),
      { numRuns: 100 },
    );
  });
});
