import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { Sender, ServiceDeps } from '../../lib/background/service';
import { Library } from '../../lib/db/library';
import type { DeckBundle } from '../../lib/schema/deck';
import { buildDeckPackage, readDeckPackage } from '../../lib/deckfile/package';
import { createImageUrls } from '../../lib/image-urls';
import { imageIdOf } from '../../lib/images';
import { commitImport } from '../../lib/import/commit';
import { prepareImport } from '../../lib/import/plan';
import { createClient, type Send } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/types';
import { photo, photoDeck } from './photo-fixtures';
import { ctx, file, freshLibrary, NOW, ROOT } from './studio-helpers';
import { EXT, testService } from '../helpers/service';

const TIKTOK = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const contentScript = (tabId: number): Sender => ({ id: EXT, url: TIKTOK, tab: { id: tabId }, frameId: 0 });
const overlay = (tabId: number): Sender => ({ id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { id: tabId }, frameId: 3 });
const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };

/** The real service over fake-indexeddb, with a 300-product deck, a photo each, imported as the studio imports it. */
async function machine(count = 300, photoBytes?: number) {
  const m = freshLibrary();
  const notifyChanged: Mock<ServiceDeps['notifyChanged']> = vi.fn();
  const handle = testService({ repo: m.repo, library: m.library, now: () => NOW, notifyChanged });
  const asStudio = vi.fn<Send>((message) => handle(message, studio));
  const call = createClient(asStudio);
  const deck = photoDeck(count, NOW, photoBytes);
  await m.repo.putDeckBundle({ deck: deck.deck, cards: deck.cards, policies: [] });
  // One transaction for the photos (the library's own putImage is tested by the import below).
  await m.db.table('images').bulkPut(deck.images.map((i) => ({ id: i.id, type: i.type, width: i.width, height: i.height, bytes: 0, createdAt: NOW, blob: new Blob([Buffer.from(i.data, 'base64')], { type: i.type }) })));
  const ask = async <T>(type: string, payload: unknown, sender: Sender): Promise<T> => {
    const r = (await handle({ type, payload }, sender)) as Reply<T>;
    if (!r.ok) throw new Error(`${type}: ${r.code} ${r.detail}`);
    return r.data;
  };
  return { ...m, handle, call, asStudio, notifyChanged, deck, ask };
}

describe('photos by reference', () => {
  it('deck.get names each stored photo by its hash and carries no image bytes', async () => {
    const m = await machine(300, 4_000);
    const bundle = await m.ask<DeckBundle>('deck.get', { deckId: 'photo-deck' }, overlay(5));
    expect(bundle.cards).toHaveLength(300);
    expect(bundle.cards.map((c) => imageIdOf(c.image))).toEqual(m.deck.images.map((i) => i.id));
    // The photos' base64 (1.6 MB here; 18 MB for 45 KB photos) was in every read; now only records.
    expect(JSON.stringify(bundle).length).toBeLessThan(200_000);
  });

  it('the sidebar asks for each photo once, however often and however many cards show it', async () => {
    const m = await machine(3);
    const get = vi.fn((id: string) => m.ask<{ type: string; data: string } | null>('image.get', { id }, overlay(5)));
    const made: Blob[] = [];
    const urls = createImageUrls(get, (blob) => (made.push(blob), `blob:test/${made.length}`));
    const id = m.deck.images[0].id;
    const [a, b] = await Promise.all([urls.url(id), urls.url(id)]);
    expect(a).toBe('blob:test/1');
    expect(b).toBe(a);
    expect(await urls.url(id)).toBe(a);
    expect(urls.known(id)).toBe(a);
    expect(get).toHaveBeenCalledTimes(1);
    expect(made[0].type).toBe('image/webp');
    expect(new Uint8Array(await made[0].arrayBuffer())).toEqual(new Uint8Array(await new Blob([Buffer.from(m.deck.images[0].data, 'base64')]).arrayBuffer()));
    // A photo that is not stored: remembered as missing, asked once.
    expect(await urls.url('f'.repeat(64))).toBeUndefined();
    expect(urls.known('f'.repeat(64))).toBeNull();
  });

  it('a failed request is not remembered: the next showing asks again', async () => {
    let fail = true;
    const get = vi.fn(async () => {
      if (fail) throw new Error('worker stopped');
      return { type: 'image/webp', data: photo(1, 100).data };
    });
    const urls = createImageUrls(get, () => 'blob:x');
    await expect(urls.url('a')).rejects.toThrow('worker stopped');
    expect(urls.known('a')).toBeUndefined();
    fail = false;
    expect(await urls.url('a')).toBe('blob:x');
    expect(get).toHaveBeenCalledTimes(2);
  });
});

describe('pushes say what changed', () => {
  it('a studio save names the product; a disclosure names its session and carries the event', async () => {
    const m = await machine(2);
    await m.ask('console.hello', {}, contentScript(5));
    const card = m.deck.cards[0];
    await m.call('card.save', { card: { ...card, name: { en: 'Renamed' } } });
    expect(m.notifyChanged).toHaveBeenLastCalledWith({ scope: 'library', cardIds: [card.id] });
    await m.call('deck.save', { deck: m.deck.deck });
    expect(m.notifyChanged).toHaveBeenLastCalledWith({ scope: 'library', deckIds: ['photo-deck'] });
    await m.ask('session.start', { id: 's1', deckId: 'photo-deck', host: 'Ana' }, overlay(5));
    expect(m.notifyChanged).toHaveBeenLastCalledWith({ scope: 'session', sessionId: 's1' });
    m.notifyChanged.mockClear();
    // No push for a stored photo: nothing shows it until a product saved afterwards points at it.
    await m.call('image.put', { image: photo(99, 500) });
    expect(m.notifyChanged).not.toHaveBeenCalled();
  });

  it('cards.get answers the saved products with the policies they use, and only those', async () => {
    const m = await machine(3);
    const policy = { id: 'p1', name: 'EU', template: 'eu', markets: ['EU'], windowDays: 14, returnShippingPaidBy: 'buyer', dutiesPaidBy: 'seller', exchanges: true, updatedAt: NOW };
    await m.call('policy.save', { policy: policy as never });
    await m.call('card.save', { card: { ...m.deck.cards[1], policyId: 'p1' } });
    const got = await m.ask<{ cards: { id: string }[]; policies: { id: string }[] }>('cards.get', { cardIds: [m.deck.cards[1].id, 'gone'] }, overlay(5));
    expect(got.cards.map((c) => c.id)).toEqual([m.deck.cards[1].id]);
    expect(got.policies.map((p) => p.id)).toEqual(['p1']);
  });
});

describe('the deck picked on a console', () => {
  it('is kept per console site for its next opening, and picks from two consoles at once both land', async () => {
    const m = await machine(1);
    await m.repo.putDeckBundle({ deck: { ...m.deck.deck, id: 'other', name: 'Other' }, cards: [], policies: [] });
    await m.ask('console.hello', {}, contentScript(5));
    await m.ask('console.hello', {}, { ...contentScript(6), url: 'https://studio.youtube.com/channel/UC0000000000000000000000/livestreaming' });
    await Promise.all([m.ask('deck.pick', { deckId: 'photo-deck' }, overlay(5)), m.ask('deck.pick', { deckId: 'other' }, overlay(6))]);
    // The console reloads: a new frame in the same tab, showing nothing yet.
    const boot = await m.ask<{ bundle: DeckBundle }>('sidebar.bootstrap', {}, overlay(5));
    expect(boot.bundle.deck.id).toBe('photo-deck');
    expect((await m.ask<{ bundle: DeckBundle }>('sidebar.bootstrap', {}, overlay(6))).bundle.deck.id).toBe('other');
    expect(await m.ask('deck.picked', {}, overlay(5))).toBe('photo-deck');
  });
});

describe('the deck package', () => {
  async function exportPackage(m: Awaited<ReturnType<typeof machine>> | ReturnType<typeof freshLibrary>, deckId: string) {
    return buildDeckPackage(await m.library.exportDeck(deckId));
  }

  it('a 300-product deck with a photo each: export → import on another machine → export gives the same bytes', async () => {
    const a = await machine(300);
    const bytes = await exportPackage(a, 'photo-deck');
    expect(bytes.byteLength).toBeGreaterThan(300 * 45_000);
    // deck.json first, then each photo once, by id, stored as is.
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual(['deck.json', ...[...a.deck.images].sort((x, y) => x.id.localeCompare(y.id)).map((i) => `images/${i.id}.webp`)]);
    expect(Buffer.from(entries[`images/${a.deck.images[7].id}.webp`]).toString('base64')).toBe(a.deck.images[7].data);
    const b = freshLibrary();
    const result = await prepareImport(new File([bytes as BlobPart], 'photo.upfront-deck.zip'), ctx());
    if (!result.ok) throw new Error(JSON.stringify(result.failure.issues));
    expect(result.plan.entries.filter((e) => e.action === 'add')).toHaveLength(300);
    // The studio's own commit path: photos one message each, then the records at once.
    const send = vi.fn<Send>(async (message) => {
      const handle = testService({ repo: b.repo, library: b.library, now: () => NOW });
      return handle(message, studio);
    });
    expect(await commitImport(createClient(send), result.plan.commit)).toEqual({ added: 300, updated: 0 });
    const sizes = send.mock.calls.map((c) => JSON.stringify(c[0]).length);
    expect(Math.max(...sizes)).toBeLessThan(2_000_000);
    expect(await b.db.table('images').count()).toBe(300);
    const again = await exportPackage(b, 'photo-deck');
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);

  it('the example package (docs/examples) imports on a fresh machine and exports to the same bytes', async () => {
    const zip = new Uint8Array(readFileSync(path.join(ROOT, 'docs/examples/autumn-show.upfront-deck.zip')));
    const b = freshLibrary();
    const result = await prepareImport(new File([zip as BlobPart], 'autumn-show.upfront-deck.zip'), ctx());
    if (!result.ok) throw new Error(JSON.stringify(result.failure.issues));
    await b.library.commitImport(result.plan.commit, NOW);
    expect(Buffer.from(await exportPackage(b, result.plan.deck!.id)).equals(Buffer.from(zip))).toBe(true);
  });

  it('refuses a package whose photo was changed, or that lists a photo it lacks, naming each file', async () => {
    const a = await machine(3);
    const files = unzipSync(await exportPackage(a, 'photo-deck'));
    const names = Object.keys(files);
    expect(names[0]).toBe('deck.json');
    const [first, second] = names.slice(1);
    const tampered = { ...files, [first]: files[first].map((v, i) => (i === 100 ? v ^ 1 : v)) };
    delete (tampered as Record<string, Uint8Array>)[second];
    const read = readDeckPackage(zipSync(tampered));
    expect(read).toEqual({
      kind: 'invalid',
      issues: expect.arrayContaining([
        { field: first, code: 'package.imageHash' },
        { field: second, code: 'package.missingImage' },
      ]),
    });
    // And nothing is written: the plan fails before any commit.
    const result = await prepareImport(new File([zipSync(tampered) as BlobPart], 'x.upfront-deck.zip'), ctx());
    expect(result.ok).toBe(false);
  });

  it('refuses unexpected files and oversized entries before inflating anything', async () => {
    const a = await machine(1);
    const files = unzipSync(await exportPackage(a, 'photo-deck'));
    const read = readDeckPackage(zipSync({ ...files, 'run.sh': strToU8('rm -rf /'), [`images/${'a'.repeat(64)}.webp`]: new Uint8Array(700 * 1024) }));
    expect(read).toEqual({
      kind: 'invalid',
      issues: [
        { field: 'run.sh', code: 'package.unexpectedEntry' },
        { field: `images/${'a'.repeat(64)}.webp`, code: 'package.entryTooBig', params: { max: 600 } },
      ],
    });
  });

  it('a zip without deck.json (an Excel workbook) is still turned away as one', async () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    const result = await prepareImport(file(xlsx), ctx());
    expect(result).toEqual({ ok: false, failure: { issues: [{ code: 'binary.zip' }] } });
  });

  it('never throws, whatever the bytes: arbitrary ones, or a real package with bytes flipped', async () => {
    const a = await machine(2, 2_000);
    const good = await exportPackage(a, 'photo-deck');
    const kinds = new Set(['not-a-package', 'invalid', 'package']);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => kinds.has(readDeckPackage(bytes).kind)));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const bytes = good.slice();
        for (const [at, mask] of flips) bytes[at] ^= mask;
        const read = readDeckPackage(bytes);
        // Whatever survives is still checked: a package read back has every photo's hash right.
        return kinds.has(read.kind) && (read.kind !== 'package' || (read.file as { images: { id: string }[] }).images.length === 2);
      }),
      { numRuns: 150 },
    );
  });

  it('a damaged deck.json is reported with where it broke', async () => {
    const a = await machine(1);
    const files = unzipSync(await exportPackage(a, 'photo-deck'));
    const manifest = JSON.parse(new TextDecoder().decode(files['deck.json']));
    manifest.cards[0].sku = '';
    const read = readDeckPackage(zipSync({ ...files, 'deck.json': strToU8(JSON.stringify(manifest)) }));
    expect(read.kind).toBe('invalid');
    expect(read.kind === 'invalid' && read.issues[0].field).toBe('deck.json: cards[0].sku');
  });
});

describe('Library', () => {
  it('keeps the deck export of a photo deck in SKU-independent run-sheet order with each photo once', async () => {
    const m = await machine(3);
    await m.repo.putDeckBundle({ deck: { ...m.deck.deck, cardIds: [...m.deck.deck.cardIds].reverse() }, cards: m.deck.cards, policies: [] });
    const exported = await new Library(m.db).exportDeck('photo-deck');
    expect(exported.cards.map((c) => c.id)).toEqual([...m.deck.deck.cardIds].reverse());
    expect(new Set(exported.images.map((i) => i.id)).size).toBe(3);
  });
});
