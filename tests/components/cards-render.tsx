import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { SidebarContext, type SidebarHost } from '../../components/sidebar/context';
import type { DeckBundle } from '../../lib/schema/deck';
import { createI18n } from '../../lib/i18n';
import type { Session } from '../../lib/schema/session';
import type { createSidebarStore } from '../../lib/sidebar/store';
import { fakeSidebar } from '../helpers/fake-background';

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

/** A sidebar store over the shared fake background holding one deck, ready (init done). */
export async function sidebarFor(bundle: DeckBundle, { live = true, session }: { live?: boolean; session?: Session } = {}) {
  const recorded: Record<string, unknown>[] = [];
  let current: Session | null = live ? (session ?? liveSession(bundle)) : null;
  const { sidebar, call } = fakeSidebar({
    'deck.list': () => [{ id: bundle.deck.id, name: bundle.deck.name, market: bundle.deck.market, languages: bundle.deck.languages, cardCount: bundle.cards.length, demo: false }],
    'deck.get': () => bundle,
    'session.current': () => current,
    'session.end': () => {
      current = null;
      return {};
    },
    'event.record': (p) => {
      recorded.push(p);
      return p;
    },
  });
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
