import { describe, expect, it } from 'vitest';
import { demoBundle } from '../../lib/demo/deck';
import { productGroups } from '../../lib/export/timeline';
import type { RecordInput } from '../../lib/db/repository';
import type { Action, DisclosureEvent, Item } from '../../lib/schema/session';
import { groupSignature } from '../../lib/sessions/group-signature';
import { onScreenSpans } from '../../lib/stage/on-screen';
import { NOW, freshRepo } from './helpers';

// The studio draws a product's part of a live timeline again only when its signature changed:
// whatever that part shows must change the signature, and a click on another product must not.

const HOODIE = 'demo-card-hoodie';
const COVER = 'demo-card-cushion-cover';

async function show() {
  const { repo } = freshRepo();
  const bundle = demoBundle(NOW);
  await repo.putDeckBundle(bundle);
  await repo.startSession({ id: 's', deckId: 'demo-deck', host: 'Ana', platform: 'tiktok-shop', consoleOrigin: 'https://shop.tiktok.com', now: NOW });
  let n = 0;
  const record = (cardId: string, item: Item, action: Action, extra: Partial<RecordInput> = {}) =>
    repo.recordEvent({ id: `e${++n}`, sessionId: 's', cardId, item, language: 'en', action, now: NOW + n * 1000, ...extra });
  const signatures = async () => {
    const events = await repo.listEvents('s');
    const snapshots = await repo.getSnapshots([...new Set(events.map((e: DisclosureEvent) => e.cardHash))]);
    const session = (await repo.getSession('s'))!;
    const onScreen = new Map(onScreenSpans(events).map((s) => [s.shown.id, s]));
    const known = new Set(snapshots.map((s) => s.hash));
    const groups = productGroups(session, events, snapshots, await repo.getDeckBundle('demo-deck'));
    return new Map(groups.map((g) => [g.cardId, groupSignature(g, onScreen, (h) => known.has(h))]));
  };
  return { record, signatures };
}

describe("a product's signature in the timeline", () => {
  it('changes with what that product shows, not with a click on another product', async () => {
    const t = await show();
    await t.record(HOODIE, { kind: 'caveat', id: 'demo-caveat-wash' }, 'said');
    const a = await t.signatures();
    await t.record(COVER, { kind: 'caveat', id: 'demo-caveat-depth' }, 'said');
    const b = await t.signatures();
    expect(b.get(HOODIE)).toBe(a.get(HOODIE));
    expect(b.get(COVER)).not.toBe(a.get(COVER));
    // A correction of the hoodie's event changes the hoodie (its row says "corrected by").
    await t.record(HOODIE, { kind: 'caveat', id: 'demo-caveat-wash' }, 'correction', { corrects: 'e1' });
    const c = await t.signatures();
    expect(c.get(HOODIE)).not.toBe(b.get(HOODIE));
    expect(c.get(COVER)).toBe(b.get(COVER));
  });

  it('changes while an item of that product is on stage, as its time on screen grows', async () => {
    const t = await show();
    await t.record(HOODIE, { kind: 'size', id: 'size' }, 'shown', { stage: { layout: 'full' } });
    const a = await t.signatures();
    await t.record(COVER, { kind: 'caveat', id: 'demo-caveat-depth' }, 'said');
    const b = await t.signatures();
    expect(b.get(HOODIE)).not.toBe(a.get(HOODIE)); // "on screen from 00:00:00" still open: its end moved
    await t.record(HOODIE, { kind: 'size', id: 'size' }, 'hidden', { stage: { layout: 'full' } });
    const c = await t.signatures();
    await t.record(COVER, { kind: 'caveat', id: 'demo-caveat-depth' }, 'said');
    expect((await t.signatures()).get(HOODIE)).toBe(c.get(HOODIE)); // closed: nothing of it moves
  });
});
