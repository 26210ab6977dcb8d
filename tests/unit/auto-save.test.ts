import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../lib/background/kv';
import { demoBundle } from '../../lib/demo/deck';
import { verifyLogText } from '../../lib/evidence/verify';
import { AUTO_SAVE_KEY, saveEndedShow } from '../../lib/safety/auto-save';
import { NOW, freshRepo } from './helpers';

async function endedShow() {
  const { repo } = freshRepo();
  await repo.putDeckBundle(demoBundle(NOW));
  await repo.startSession({ id: 'show-1', deckId: 'demo-deck', host: 'Ana', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
  for (let i = 1; i <= 3; i++) {
    await repo.recordEvent({ id: `e${i}`, sessionId: 'show-1', cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said', now: NOW + i });
  }
  return { repo, session: await repo.endSession('show-1', NOW + 10) };
}

describe('automatic copy of an ended show in Downloads', () => {
  it('saves the show as a JSON log that verifies, under Downloads/Upfront', async () => {
    const { repo, session } = await endedShow();
    const saved: { url: string; filename: string }[] = [];
    const local = memoryKeyValue();
    const result = await saveEndedShow({ repo, local, now: () => NOW + 20, granted: async () => true, download: async (url, filename) => void saved.push({ url, filename }) }, session);
    expect(result).toBe('saved');
    expect(saved).toHaveLength(1);
    expect(saved[0].filename).toMatch(/^Upfront\/upfront-log-.*-Ana-show-1\.json$/);
    const [, b64] = saved[0].url.split(',');
    const text = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    const report = await verifyLogText(text);
    expect(report.ok).toBe(true);
    expect(report.events).toBe(3);
  });

  it('saves nothing when the option is off or the permission missing', async () => {
    const { repo, session } = await endedShow();
    const local = memoryKeyValue();
    const download = async () => {
      throw new Error('must not download');
    };
    expect(await saveEndedShow({ repo, local, now: () => NOW, granted: async () => false, download }, session)).toBe('no-permission');
    await local.set(AUTO_SAVE_KEY, { enabled: false, asked: true });
    expect(await saveEndedShow({ repo, local, now: () => NOW, granted: async () => true, download }, session)).toBe('off');
  });
});
