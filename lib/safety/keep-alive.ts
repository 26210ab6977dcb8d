import type { KeyValue } from '../background/kv';

/** How often an extension API is called while a long open runs: under Chromium's 30 s idle limit. */
export const KEEP_ALIVE_MS = 20_000;

/**
 * `work`, with a read of extension storage every KEEP_ALIVE_MS until it settles. Chromium stops an
 * extension's service worker after 30 s without an event or an extension API call, even in the
 * middle of an IndexedDB upgrade, which then aborts and starts over at the next start, every
 * time it takes longer (bench/README.md, "The version 8 upgrade at first start"). An API call
 * resets that clock.
 */
export function keptAlive<T>(local: KeyValue, work: Promise<T>): Promise<T> {
  const timer = setInterval(() => void local.get('keepAlive').catch(() => undefined), KEEP_ALIVE_MS);
  return work.finally(() => clearInterval(timer));
}
