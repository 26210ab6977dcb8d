import type { Repository } from '../db/repository';
import { demoBundle } from '../demo/deck';
import type { Action, Item } from '../schema/session';

/** The fixed start of the sample show, so the sample log is the same each time it is made. */
export const SAMPLE_START = Date.UTC(2026, 10, 20, 12, 0, 0);
export const SAMPLE_INSTALLATION = '00000000-0000-4000-8000-000000000001';

/**
 * Records a short demo show with the real repository: two hosts, English and Chinese, a
 * correction, a must-say item skipped by choice, one session ended by the host and one ended
 * automatically. Used for docs/examples/ (scripts/make-sample-log.ts) and by tests.
 */
export async function recordSampleShow(repo: Repository): Promise<string[]> {
  const bundle = demoBundle(SAMPLE_START - 86_400_000);
  await repo.putDeckBundle(bundle);
  const [hoodie, cover, serum] = bundle.cards;
  const policy = (cardId: string): Item => ({ kind: 'policy', id: bundle.cards.find((c) => c.id === cardId)?.policyId ?? bundle.deck.defaultPolicyId ?? 'policy' });
  const caveat = (card: typeof hoodie): Item => ({ kind: 'caveat', id: card.caveats[0].id });

  let n = 0;
  const record = async (sessionId: string, at: number, cardId: string, item: Item, action: Action, language: string, corrects?: string) => {
    n += 1;
    const id = `sample-event-${String(n).padStart(3, '0')}`;
    await repo.recordEvent({ id, sessionId, cardId, item, language, action, corrects, now: at });
    return id;
  };

  const a = 'sample-session-lina';
  await repo.startSession({ id: a, deckId: bundle.deck.id, host: 'Lina', market: 'EU', language: 'en', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: SAMPLE_START });
  const min = 60_000;
  await record(a, SAMPLE_START + 2 * min, hoodie.id, { kind: 'size', id: 'size' }, 'shown', 'en');
  const wash = await record(a, SAMPLE_START + 3 * min, hoodie.id, caveat(hoodie), 'said', 'en');
  await record(a, SAMPLE_START + 4 * min, hoodie.id, caveat(hoodie), 'correction', 'en', wash);
  await record(a, SAMPLE_START + 6 * min, hoodie.id, policy(hoodie.id), 'said', 'en');
  await record(a, SAMPLE_START + 11 * min, cover.id, caveat(cover), 'said', 'en');
  await record(a, SAMPLE_START + 19 * min, serum.id, caveat(serum), 'skipped', 'en');
  await repo.endSession(a, SAMPLE_START + 25 * min, 'host');

  const b = 'sample-session-xiaomei';
  const bStart = SAMPLE_START + 2 * 3_600_000;
  await repo.startSession({ id: b, deckId: bundle.deck.id, host: '小美', market: 'CN', language: 'zh-CN', platform: 'douyin-buyin', consoleOrigin: 'https://buyin.jinritemai.com', now: bStart });
  await record(b, bStart + 1 * min, cover.id, caveat(cover), 'said', 'zh-CN');
  await record(b, bStart + 5 * min, serum.id, caveat(serum), 'said', 'zh-CN');
  // Left open (the browser closed) and found 13 hours later.
  await repo.autoEndStale(bStart + 5 * min + 13 * 3_600_000);
  return [a, b];
}
