import type { Change } from '../../lib/messaging/types';

/**
 * What the background says changed (a 'changed' push, lib/messaging/types.ts), as the studio's
 * views receive it. Undefined (or {}) means anything may have changed: the port was cut and
 * pushes may have been lost meanwhile.
 */
export type StudioChange = Partial<Change> | undefined;

/** Subscribes to changes; returns the unsubscribe function. */
export type OnChanged = (listener: (change?: StudioChange) => void) => () => void;

const anything = (c: StudioChange) => c?.scope === undefined;

/** Products, decks, policies or the trash may have changed. */
export const touchesLibrary = (c: StudioChange) => anything(c) || c?.scope === 'library';

/** The list of sessions may have changed (a disclosure alone is applied from its event instead). */
export const touchesSessions = (c: StudioChange) => anything(c) || c?.scope === 'session' || (c?.scope === 'event' && !c.event);

/** Order lines or returns may have changed (an import). */
export const touchesOrders = (c: StudioChange) => anything(c) || c?.scope === 'orders';

/** Listeners for the studio's entrypoint: `notify` passes each push on to every view. */
export function changeListeners() {
  const listeners = new Set<(change?: StudioChange) => void>();
  const subscribe: OnChanged = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { subscribe, notify: (change?: StudioChange) => listeners.forEach((l) => l(change)) };
}
