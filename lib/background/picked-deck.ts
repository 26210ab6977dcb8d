import type { KeyValue } from './kv';

/**
 * The deck a host picked in the sidebar of a console while no show was live, remembered per
 * console site, so a reloaded console (or the next visit) opens on it instead of on the first
 * deck. A live show's own deck always wins; a deck deleted since falls back to the first.
 * One key per site: two consoles picking at once cannot overwrite each other's choice.
 */
export class PickedDeckStore {
  constructor(private readonly store: KeyValue) {}

  async get(origin: string): Promise<string | null> {
    return (await this.store.get<string>(key(origin))) ?? null;
  }

  set(origin: string, deckId: string): Promise<void> {
    return this.store.set(key(origin), deckId);
  }
}

const key = (origin: string) => `pickedDeck:${origin}`;
