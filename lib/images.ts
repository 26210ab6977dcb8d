/**
 * Product images: chosen from disk in the studio, checked, scaled down in the page and stored as
 * a blob in the background's database. A card points at a stored image with an "upfront-image:"
 * reference (or at a shop's https URL, as a Shopify import gives).
 */

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Files above this are refused before they are decoded: a phone photo is 2–8 MB. */
export const MAX_IMAGE_INPUT_BYTES = 15 * 1024 * 1024;
/** The stored image: long side in CSS pixels, enough for a sidebar card and a printed hand card. */
export const IMAGE_MAX_SIDE = 800;
/** What we keep per image after resizing; a larger result is refused rather than stored. */
export const MAX_STORED_IMAGE_BYTES = 600 * 1024;
export const STORED_IMAGE_TYPES = ['image/webp', 'image/jpeg', 'image/png'] as const;
export type StoredImageType = (typeof STORED_IMAGE_TYPES)[number];

export const IMAGE_REF_PREFIX = 'upfront-image:';
export const imageRef = (id: string) => `${IMAGE_REF_PREFIX}${id}`;
export function imageIdOf(ref: string | undefined): string | undefined {
  return ref?.startsWith(IMAGE_REF_PREFIX) ? ref.slice(IMAGE_REF_PREFIX.length) : undefined;
}

export type ImageProblem = 'too-big' | 'not-an-image' | 'unreadable' | 'too-big-after-resize';

/** What the first bytes say the file is (the name and the browser's MIME guess can lie). */
export function sniffImageType(head: Uint8Array): 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | undefined {
  const at = (i: number, bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (at(0, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return undefined;
}

/** Checks a file before any decoding: size first, then its magic bytes. */
export async function checkImageFile(file: Blob): Promise<ImageProblem | undefined> {
  if (file.size > MAX_IMAGE_INPUT_BYTES) return 'too-big';
  if (file.size === 0) return 'not-an-image';
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return sniffImageType(head) ? undefined : 'not-an-image';
}

/** The size that fits in IMAGE_MAX_SIDE, keeping the aspect ratio; never scales up. */
export function fitWithin(width: number, height: number, maxSide = IMAGE_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface PreparedImage {
  id: string;
  type: StoredImageType;
  data: string; // base64: runtime messaging carries JSON only, not Blobs
  width: number;
  height: number;
  bytes: number;
}

/**
 * Decodes, scales down and re-encodes an image in the page (createImageBitmap + canvas), so the
 * background never decodes untrusted image data and the database holds small blobs only.
 */
export async function prepareImage(file: Blob): Promise<{ ok: true; image: PreparedImage } | { ok: false; problem: ImageProblem }> {
  const problem = await checkImageFile(file);
  if (problem) return { ok: false, problem };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const size = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return { ok: false, problem: 'unreadable' };
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/webp', 0.85));
  if (!blob) return { ok: false, problem: 'unreadable' };
  if (blob.size > MAX_STORED_IMAGE_BYTES) return { ok: false, problem: 'too-big-after-resize' };
  const type = (STORED_IMAGE_TYPES as readonly string[]).includes(blob.type) ? (blob.type as StoredImageType) : 'image/png';
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { ok: true, image: { id: imageIdFor(bytes), type, data: bytesToBase64(bytes), ...size, bytes: blob.size } };
}

/**
 * An image's id is the SHA-256 of its stored bytes: the same picture is stored once, and a
 * card's snapshot in the evidence log pins exactly which picture the host saw.
 */
export function imageIdFor(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const dataUrl = (image: { type: string; data: string }) => `data:${image.type};base64,${image.data}`;

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
