import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { base64ToBytes, bytesToBase64, imageIdFor, MAX_STORED_IMAGE_BYTES, sniffImageType, STORED_IMAGE_TYPES, type StoredImageType } from '../images';
import { Card } from '../schema/card';
import { Deck } from '../schema/deck';
import { ReturnPolicy } from '../schema/policy';
import { z } from '../zod';
import { checkSelfContained, DECK_FILE_FORMAT, DECK_FILE_VERSION, stableStringify, type DeckFile, type DeckFileImage } from './format';

/**
 * The deck package: a deck with photos as one zip (fflate), for moving it between machines.
 * The deck file (./format.ts) carries images as base64 inside its JSON, which a deck with a
 * photo per product outgrows (300 photos: 18 MB of text). The package holds `deck.json` (the
 * deck file's records, images listed by id and file name) and each image as a file of its own,
 * `images/<sha-256>.<ext>`, stored as is (photos are compressed already). Written the same way
 * every time (entries in a fixed order, a fixed time stamp), so the same deck gives the same
 * bytes. Documented in docs/deck-file.md; JSON Schema generated from DeckPackageManifest.
 */
export const DECK_PACKAGE_FORMAT = 'upfront-deck-package';
export const DECK_PACKAGE_VERSION = 1;
export const DECK_PACKAGE_MANIFEST = 'deck.json';
/** A package is read whole into memory: 2,000 photos of 100 KB fit. */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;
/** deck.json: 2,000 products of about 5 KB each. */
const MAX_MANIFEST_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Record<StoredImageType, string> = { 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png' };
const IMAGE_ENTRY = /^images\/([0-9a-f]{64})\.(webp|jpg|png)$/;
/** The zip's time stamp for every entry (local time, as zip stores it): none of the deck's business. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export const imageFileName = (image: { id: string; type: StoredImageType }) => `images/${image.id}.${EXTENSIONS[image.type]}`;

export const PackageImage = z
  .object({
    /** SHA-256 of the file's bytes, hex. */
    id: z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest'),
    type: z.enum(STORED_IMAGE_TYPES),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** The image's entry in the zip: images/<id>.webp, .jpg or .png. */
    file: z.string().regex(IMAGE_ENTRY, 'not images/<id>.<webp|jpg|png>'),
  })
  .strict();

export const DeckPackageManifest = z
  .object({
    format: z.literal(DECK_PACKAGE_FORMAT),
    version: z.literal(DECK_PACKAGE_VERSION),
    deck: Deck,
    /** In run-sheet order. */
    cards: z.array(Card).max(2000),
    policies: z.array(ReturnPolicy).max(200),
    images: z.array(PackageImage).max(2000),
  })
  .superRefine((m, ctx) => {
    checkSelfContained(m, ctx);
    m.images.forEach((img, i) => {
      if (img.file !== imageFileName(img)) ctx.addIssue({ code: 'custom', path: ['images', i, 'file'], message: 'file name does not match id and type' });
    });
  });
export type DeckPackageManifest = z.infer<typeof DeckPackageManifest>;

/** The package's bytes for a deck and what it uses (as the studio's deck export gives it). */
export function buildDeckPackage(input: Omit<DeckFile, 'format' | 'version'>): Uint8Array {
  const images = [...input.images].sort((a, b) => a.id.localeCompare(b.id));
  const manifest = DeckPackageManifest.parse({
    format: DECK_PACKAGE_FORMAT,
    version: DECK_PACKAGE_VERSION,
    deck: input.deck,
    cards: input.cards,
    policies: input.policies,
    images: images.map(({ id, type, width, height }) => ({ id, type, width, height, file: imageFileName({ id, type }) })),
  });
  const files: Zippable = { [DECK_PACKAGE_MANIFEST]: [strToU8(stableStringify(manifest)), { level: 6 }] };
  for (const image of images) files[imageFileName(image)] = [base64ToBytes(image.data), { level: 0 }];
  return zipSync(files, { mtime: FIXED_TIME });
}

export interface PackageProblem {
  field?: string;
  code: string;
  params?: Record<string, string | number>;
}

export type PackageRead =
  | { kind: 'not-a-package' }
  | { kind: 'invalid'; issues: PackageProblem[] }
  /** The deck file the package stands for, to plan like one (lib/import/plan.ts). */
  | { kind: 'package'; file: unknown };

/**
 * Reads a zip as a deck package. A zip without deck.json (an Excel workbook, say) is not one.
 * Entries are checked by name and declared size before anything is inflated, and every image
 * by its bytes: its SHA-256 must be its id and its first bytes its type. Never throws.
 */
export function readDeckPackage(bytes: Uint8Array): PackageRead {
  const entries: { name: string; originalSize: number }[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (entries.push({ name: f.name, originalSize: f.originalSize }), false) });
  } catch (err) {
    return entries.some((e) => e.name === DECK_PACKAGE_MANIFEST) ? { kind: 'invalid', issues: [{ code: 'package.corrupt', params: { detail: String(err) } }] } : { kind: 'not-a-package' };
  }
  if (!entries.some((e) => e.name === DECK_PACKAGE_MANIFEST)) return { kind: 'not-a-package' };
  const issues: PackageProblem[] = [];
  for (const e of entries) {
    if (e.name.endsWith('/')) continue; // a folder entry
    const max = e.name === DECK_PACKAGE_MANIFEST ? MAX_MANIFEST_BYTES : IMAGE_ENTRY.test(e.name) ? MAX_STORED_IMAGE_BYTES : undefined;
    if (max === undefined) issues.push({ field: e.name, code: 'package.unexpectedEntry' });
    else if (e.originalSize > max) issues.push({ field: e.name, code: 'package.entryTooBig', params: { max: Math.round(max / 1024) } });
  }
  if (issues.length > 0) return { kind: 'invalid', issues };

  let files: Record<string, Uint8Array>;
  let raw: unknown;
  try {
    files = unzipSync(bytes);
    raw = JSON.parse(strFromU8(files[DECK_PACKAGE_MANIFEST]));
  } catch (err) {
    return { kind: 'invalid', issues: [{ field: DECK_PACKAGE_MANIFEST, code: 'package.corrupt', params: { detail: err instanceof Error ? err.message : String(err) } }] };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (head?.format !== DECK_PACKAGE_FORMAT) return { kind: 'invalid', issues: [{ field: `${DECK_PACKAGE_MANIFEST}: format`, code: 'notDeckFile' }] };
  if (typeof head.version === 'number' && head.version > DECK_PACKAGE_VERSION) {
    return { kind: 'invalid', issues: [{ field: `${DECK_PACKAGE_MANIFEST}: version`, code: 'newerVersion', params: { version: head.version, supported: DECK_PACKAGE_VERSION } }] };
  }
  const parsed = DeckPackageManifest.safeParse(raw);
  if (!parsed.success) {
    const path = (p: PropertyKey[]) => p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
    return { kind: 'invalid', issues: parsed.error.issues.map((i) => ({ field: `${DECK_PACKAGE_MANIFEST}: ${path(i.path)}`, code: 'package.manifest', params: { detail: i.message } })) };
  }
  const manifest = parsed.data;
  const listed = new Set(manifest.images.map((i) => i.file));
  for (const name of Object.keys(files)) if (IMAGE_ENTRY.test(name) && !listed.has(name)) issues.push({ field: name, code: 'package.unlistedImage' });
  const images: DeckFileImage[] = [];
  for (const img of manifest.images) {
    const data = files[img.file];
    if (!data) issues.push({ field: img.file, code: 'package.missingImage' });
    else if (imageIdFor(data) !== img.id) issues.push({ field: img.file, code: 'package.imageHash' });
    else if (sniffImageType(data.subarray(0, 16)) !== img.type) issues.push({ field: img.file, code: 'package.imageType', params: { type: img.type } });
    else images.push({ id: img.id, type: img.type, width: img.width, height: img.height, data: bytesToBase64(data) });
  }
  if (issues.length > 0) return { kind: 'invalid', issues };
  return { kind: 'package', file: { format: DECK_FILE_FORMAT, version: DECK_FILE_VERSION, deck: manifest.deck, cards: manifest.cards, policies: manifest.policies, images } };
}
