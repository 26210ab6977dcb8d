import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { SidebarContext, type SidebarHost } from '../../components/sidebar/context';
import type { DeckBundle } from '../../lib/db/repository';
import { createI18n } from '../../lib/i18n';
import { composeSidebarBootstrap } from '../../lib/messaging/bootstrap';
import type { Client } from '../../lib/messaging/client';
import type { Session } from '../../lib/schema/session';
import { createSidebarStore } from '../../lib/sidebar/store';

export const NOW = Date.UTC(2026, 10, 20, 12);

export function liveSession(bundle: DeckBundle, over: Partial<Session> = {}): Session {
  return {
    id: 's1',
    deckId: bundle.deck.id,
    deckName: bundle.deck.name,
    host: 'Ana',
    platform: 'tiktok-shop',
    consoleOrigin: 'https://shop.tiktok.com',
    market: bundle.deck.market,
    language: bundle.deck.languages[0],
    startedAt: NOW,
    lastSeq: 0,
    head: '0'.repeat(64),
    ...over,
  };
}

/** A sidebar store over a fake background holding one deck, ready (init done). */
export async function sidebarFor(bundle: DeckBundle, { live = true, session }: { live?: boolean; session?: Session } = {}) {
  const recorded: Record<string, unknown>[] = [];
  let current: Session | null = live ? (session ?? liveSession(bundle)) : null;
  const answer = async (type: string, p: Record<string, unknown>): Promise<unknown> => {
    switch (type) {
      case 'tab.context':
        return { tabId: 1, url: 'https://shop.tiktok.com/streamer/live', origin: 'https://shop.tiktok.com', platform: 'tiktok-shop' };
      case 'deck.list':
        return [{ id: bundle.deck.id, name: bundle.deck.name, market: bundle.deck.market, languages: bundle.deck.languages, cardCount: bundle.cards.length, demo: false }];
      case 'deck.get':
        return bundle;
      case 'session.current':
        return current;
      case 'session.end':
        current = null;
        return {};
      case 'event.list':
        return [];
      case 'event.record':
        recorded.push(p);
        return p;
      default:
        throw new Error(type);
    }
  };
  // The sidebar's opening request, composed from the single answers as the background composes it.
  const call = vi.fn(async (type: string, p: Record<string, unknown>) =>
    type === 'sidebar.bootstrap' ? composeSidebarBootstrap(answer as unknown as Client, p) : answer(type, p),
  );
  let n = 0;
  const sidebar = createSidebarStore({ call: call as unknown as Client, newId: () => `e${++n}` });
  await sidebar.actions.init();
  return { sidebar, call, recorded };
}

export const host: SidebarHost = { mode: 'overlay', openStudio: () => undefined };

export async function renderIn(ui: ReactNode, sidebar: ReturnType<typeof createSidebarStore>, language = 'en') {
  const i18n = await createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <SidebarContext.Provider value={{ sidebar, host }}>{ui}</SidebarContext.Provider>
    </I18nextProvider>,
  );
}

/** Plain i18n wrapper for components that need no store. */
export async function renderWithI18n(ui: ReactNode, language = 'en') {
  const i18n = await createI18n(language);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
