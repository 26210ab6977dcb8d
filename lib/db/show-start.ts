import type { Deck } from '../schema/deck';

/** What starting a show or a rehearsal takes: the host's choices and the console it runs on. */
export interface ShowStartInput {
  id: string;
  deckId: string;
  host: string;
  market?: string;
  language?: string;
  platform: string;
  consoleOrigin: string;
  now: number;
}

/**
 * The header a live session and a rehearsal share: the deck as named now, the host, the
 * console, and the market and language chosen at the start (else the deck's).
 */
export function showHeader(input: ShowStartInput, deck: Pick<Deck, 'id' | 'name' | 'market' | 'languages'>) {
  return {
    id: input.id,
    deckId: deck.id,
    deckName: deck.name,
    host: input.host.trim(),
    platform: input.platform,
    consoleOrigin: input.consoleOrigin,
    market: input.market ?? deck.market,
    language: input.language ?? deck.languages[0],
    startedAt: input.now,
    lastSeq: 0,
  };
}
