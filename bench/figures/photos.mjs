// The photo deck: products like the demo's, each with a distinct 800 × 600 WebP photo drawn in
// Chromium (a canvas encoded by toBlob, as the studio's image picker encodes), 40–120 KB each.
// The photos are drawn once per machine and kept in the system's temporary folder; the deck is
// written into each fresh profile through the background's own image.put request, as the studio's
// picker stores an image, and its cards and deck straight into the database.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSOLE_URL, demoRecords, openExtensionPage, putRecords, sidebarFrame } from '../browser.mjs';

const WIDTH = 800;
const HEIGHT = 600;
// Bump when the drawing changes, so cached photos are drawn again.
const CACHE = path.join(os.tmpdir(), 'upfront-bench-photos-v1');

/**
 * Runs in a page: photo `index` drawn from its own seed (a gradient backdrop, 60 translucent
 * shapes, a label and a grain whose strength sets the file size: 40–120 KB at quality 0.85).
 */
async function drawPhoto({ index, width, height }) {
  let seed = index * 7919 + 1;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  const backdrop = g.createLinearGradient(0, 0, width, height);
  backdrop.addColorStop(0, `hsl(${rnd() * 360},60%,70%)`);
  backdrop.addColorStop(1, `hsl(${rnd() * 360},50%,30%)`);
  g.fillStyle = backdrop;
  g.fillRect(0, 0, width, height);
  for (let k = 0; k < 60; k++) {
    g.fillStyle = `hsla(${rnd() * 360},${40 + rnd() * 50}%,${30 + rnd() * 50}%,${0.3 + rnd() * 0.6})`;
    g.beginPath();
    g.ellipse(rnd() * width, rnd() * height, 10 + rnd() * 120, 10 + rnd() * 120, rnd() * 3, 0, 7);
    g.fill();
  }
  const grain = 9 + rnd() * 13;
  const pixels = g.getImageData(0, 0, width, height);
  const d = pixels.data;
  for (let p = 0; p < d.length; p += 4) {
    const n = (rnd() - 0.5) * grain;
    d[p] += n;
    d[p + 1] += n;
    d[p + 2] += n;
  }
  g.putImageData(pixels, 0, 0);
  g.fillStyle = '#fff';
  g.font = 'bold 48px sans-serif';
  g.fillText(`Photo ${index + 1}`, 40, 80);
  const blob = await new Promise((r) => canvas.toBlob(r, 'image/webp', 0.85));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { type: blob.type, data: btoa(binary) };
}

/** `count` distinct photos as the deck file carries images ({ id, type, width, height, data }). */
export async function photos(page, count, log = () => undefined) {
  mkdirSync(CACHE, { recursive: true });
  const list = [];
  let drawn = 0;
  const t0 = performance.now();
  for (let index = 0; index < count; index++) {
    const file = path.join(CACHE, `${index}.webp`);
    if (!existsSync(file)) {
      const { type, data } = await page.evaluate(drawPhoto, { index, width: WIDTH, height: HEIGHT });
      if (type !== 'image/webp') throw new Error(`this Chromium encodes ${type}, not WebP`);
      writeFileSync(file, Buffer.from(data, 'base64'));
      drawn++;
    }
    const bytes = readFileSync(file);
    list.push({ id: createHash('sha256').update(bytes).digest('hex'), type: 'image/webp', width: WIDTH, height: HEIGHT, data: bytes.toString('base64'), bytes: bytes.length });
  }
  const sizes = list.map((p) => p.bytes).sort((a, b) => a - b);
  log(`  ${count} photos (${drawn} drawn now in ${Math.round(performance.now() - t0)} ms): ${Math.round(sizes[0] / 1024)}–${Math.round(sizes.at(-1) / 1024)} KB, ${(sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB in all`);
  return list;
}

/**
 * Seeds a deck of `count` products with a photo each into a fresh profile. Products are cloned
 * from the demo cards (size chart, scale, policy) with two more caveats and two more notes each,
 * so every card has 7–8 items to disclose (a 3-hour show of 2,000 events fits in 300 cards).
 */
export async function seedPhotoDeck({ context, worker, extensionId }, { count, log, deckId = 'photo-deck', prefix = 'photo' }) {
  // A page of the extension's origin with no interface of its own (its manifest shown as text):
  // it can send requests, and the pushes each stored image causes make nothing there re-read.
  const plain = await openExtensionPage(context, extensionId, 'manifest.json');
  let images;
  try {
    images = await photos(plain, count, log);
    for (let i = 0; i < images.length; i += 20) {
      await plain.evaluate(async (batch) => {
        for (const { bytes: _b, ...image } of batch) {
          const reply = await chrome.runtime.sendMessage({ type: 'image.put', payload: { image } });
          if (!reply?.ok) throw new Error(`image.put: ${JSON.stringify(reply)}`);
        }
      }, images.slice(i, i + 20));
    }
  } finally {
    await plain.close();
  }
  const demo = await demoRecords(worker);
  const policy = demo.policies.find((p) => p.id === 'demo-policy-eu') ?? demo.policies[0];
  const now = Date.now();
  const cards = images.map((image, i) => {
    const base = demo.cards[i % demo.cards.length];
    const { demo: _demo, policyId: _p, image: _i, ...rest } = base;
    const text = (en) => ({ en, 'zh-CN': en });
    return {
      ...rest,
      id: `${prefix}-card-${i}`,
      sku: `${prefix.toUpperCase()}-${String(i).padStart(4, '0')}`,
      name: Object.fromEntries(Object.entries(base.name).map(([lang, t]) => [lang, `${t} #${i + 1}`])),
      image: `upfront-image:${image.id}`,
      caveats: [...base.caveats.map((c) => ({ ...c, id: `${c.id}-${i}` })), ...[1, 2].map((k) => ({ id: `${prefix}-caveat-${i}-${k}`, text: text(`Caveat ${k} of product ${i + 1}`), mustSay: false }))],
      notes: [...base.notes.map((n) => ({ ...n, id: `${n.id}-${i}` })), ...[1, 2].map((k) => ({ id: `${prefix}-note-${i}-${k}`, kind: 'demo', text: text(`Note ${k} on product ${i + 1}`) }))],
      updatedAt: now,
    };
  });
  const deck = { id: deckId, name: `AAA ${prefix} deck (${count})`, cardIds: cards.map((c) => c.id), market: 'EU', languages: ['en', 'zh-CN'], defaultPolicyId: policy.id, updatedAt: now };
  await putRecords(worker, 'policies', [{ ...policy, demo: false }]);
  await putRecords(worker, 'cards', cards);
  await putRecords(worker, 'decks', [deck]);
  return { cards, deck, images };
}

/** Picks a deck in an open sidebar, as a host does, and waits for its first card. */
export async function pickDeck(frame, { deck, cards }) {
  await frame.getByLabel('Deck').selectOption(deck.id);
  await frame.locator(`[data-card="${cards[0].id}"]`).first().waitFor({ timeout: 60_000 });
}

/** Seeds the photo deck, opens a console and picks the deck in its sidebar. */
export async function consoleWithPhotoDeck(browser, { count, log }) {
  const seeded = await seedPhotoDeck(browser, { count, log });
  const page = await browser.context.newPage();
  await page.goto(CONSOLE_URL);
  const frame = await sidebarFrame(page);
  await pickDeck(frame, seeded);
  return { ...seeded, page, frame };
}
