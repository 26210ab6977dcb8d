import type { PreferenceArea } from './preference';

/** The real `browser.storage.local` as a PreferenceArea (pages wire this; tests use a fake). */
export function browserPreferenceArea(): PreferenceArea {
  return {
    get: (key) => browser.storage.local.get(key),
    set: (items) => browser.storage.local.set(items),
    subscribe(listener) {
      const on = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local') listener(changes);
      };
      browser.storage.onChanged.addListener(on);
      return () => browser.storage.onChanged.removeListener(on);
    },
  };
}
