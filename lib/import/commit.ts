import type { ImportCommit } from '../schema/library';
import type { Client } from '../messaging/client';

/** Photos sent at once while an import is committed. */
const IMAGES_IN_FLIGHT = 6;

/**
 * Writes a previewed import. The photos go first, each in a message of its own: runtime
 * messaging carries JSON, and a deck's photos in the one commit message would be tens of
 * megabytes of base64 (Chromium refuses a message over 64 MB). Stored images are
 * content-addressed and nothing shows one until a product points at it, so photos stored before
 * a refused commit change nothing; the products, policies and deck are still written all at
 * once or not at all.
 */
export async function commitImport(call: Client, commit: ImportCommit): Promise<{ added: number; updated: number }> {
  const queue = [...commit.images];
  const worker = async () => {
    for (let image = queue.shift(); image; image = queue.shift()) await call('image.put', { image });
  };
  await Promise.all(Array.from({ length: Math.min(IMAGES_IN_FLIGHT, queue.length) }, worker));
  return call('import.commit', { ...commit, images: [] });
}
