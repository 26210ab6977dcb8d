import { UpfrontError } from '../errors';

/** An error of the browser's storage, by what a person can do about it. */
export type StorageFault = 'disk-full' | 'storage-failed';

function chain(err: unknown): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  let e = err as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 5; i++) {
    out.push({ name: String(e.name ?? ''), message: String(e.message ?? '') });
    e = (e.inner ?? e.cause) as typeof e;
  }
  return out;
}

/**
 * Says whether an error came from the disk or the browser's storage, not from Upfront's own
 * rules. Dexie wraps the browser's error (`inner`); Chromium reports a full disk as
 * QuotaExceededError, or as an UnknownError about its backing store once the database has been
 * damaged by a failed write.
 */
export function storageFault(err: unknown): StorageFault | undefined {
  if (err instanceof UpfrontError) return undefined;
  const links = chain(err);
  if (links.some((l) => l.name === 'QuotaExceededError' || /quota|no space|disk is full|disk full|ENOSPC/i.test(l.message))) return 'disk-full';
  if (links.some((l) => /^(UnknownError|OpenFailedError|DatabaseClosedError|InvalidStateError|NotReadableError|AbortError|NoModificationAllowedError)$/.test(l.name) || /backing store|I\/O|IO error/i.test(l.message))) {
    return 'storage-failed';
  }
  return undefined;
}

/** The same error as one the person can act on ("errors.disk-full"), or unchanged. */
export function asStorageError(err: unknown): unknown {
  const fault = storageFault(err);
  if (!fault) return err;
  const detail = chain(err).map((l) => `${l.name}: ${l.message}`).join(' ← ');
  return new UpfrontError(fault, detail);
}
