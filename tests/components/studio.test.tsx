import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { StudioApp } from '../../components/studio/StudioApp';
import type { DeckSummary } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { UpfrontError } from '../../lib/errors';
import { createI18n } from '../../lib/i18n';
import type { Client } from '../../lib/messaging/client';
import type { Session } from '../../lib/schema/session';

const NOW = Date.UTC(2026, 10, 20, 12);
const demo = demoBundle(NOW);
const demoSummary: DeckSummary = {
  id: demo.deck.id,
  name: demo.deck.name,
  market: 'EU',
  languages: ['en', 'zh-CN'],
  cardCount: 3,
  demo: true,
};
const session: Session = {
  id: 'a1b2c3d4-session',
  deckId: demo.deck.id,
  deckName: demo.deck.name,
  host: 'Ana Host',
  platform: 'tiktok-shop',
  consoleOrigin: 'https://shop.tiktok.com',
  market: 'EU',
  language: 'en',
  startedAt: NOW,
  lastSeq: 4,
  head: '0'.repeat(64),
};

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

interface Options {
  confirmAnswer?: boolean;
  sessions?: Session[];
  /** Every call fails with this. */
  fail?: Error;
}

function renderStudio({ confirmAnswer = true, sessions = [session], fail }: Options = {}) {
  let hasDemo = true;
  const call = vi.fn(async (type: string) => {
    if (fail) throw fail;
    switch (type) {
      case 'deck.list':
        return hasDemo ? [demoSummary] : [];
      case 'card.list':
        return hasDemo ? demo.cards : [];
      case 'session.list':
        return sessions;
      case 'demo.remove':
        hasDemo = false;
        return { decks: 1, cards: 3, policies: 2 };
      default:
        throw new Error(`unexpected call ${type}`);
    }
  });
  const listeners = new Set<() => void>();
  const onChanged = vi.fn((l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  });
  const confirm = vi.fn(() => confirmAnswer);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <StudioApp call={call as unknown as Client} onChanged={onChanged} confirm={confirm} />
    </I18nextProvider>,
  );
  return { call, confirm, listeners, view };
}

const section = (name: string) => screen.getByRole('heading', { name }).closest('section') as HTMLElement;

describe('StudioApp', () => {
  it('lists decks, products and sessions', async () => {
    renderStudio();
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    await screen.findByRole('heading', { name: 'Decks' });

    const decks = section('Decks');
    expect(within(decks).getByText(demo.deck.name)).toBeInTheDocument();
    expect(within(decks).getByText('Demo')).toBeInTheDocument();
    expect(decks).toHaveTextContent('3 products');

    const rows = within(section('Products')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['DEMO-HOODIE-01', 'DEMO-COVER-60', 'DEMO-SERUM-30']);
    expect(rows[0]).toHaveTextContent('Oversized cotton hoodie');
    expect(rows[0]).toHaveTextContent('Apparel');

    const sessionRow = within(section('Sessions')).getAllByRole('row')[1];
    expect(sessionRow).toHaveTextContent('Ana Host');
    expect(sessionRow).toHaveTextContent('tiktok-shop');
    expect(sessionRow).toHaveTextContent('live');
    expect(within(sessionRow).getByRole('cell', { name: '4' })).toBeInTheDocument();
    expect(within(sessionRow).getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
    expect(within(sessionRow).getByRole('button', { name: 'Download JSON' })).toBeInTheDocument();
  });

  it('says when there are no sessions yet', async () => {
    renderStudio({ sessions: [] });
    expect(await screen.findByText(/No sessions yet/)).toBeInTheDocument();
  });

  it('asks before removing the demo, and keeps it when the answer is no', async () => {
    const { call, confirm } = renderStudio({ confirmAnswer: false });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove demo data' }));
    expect(confirm).toHaveBeenCalledWith('Remove the demo deck, products and policies? Recorded sessions stay.');
    expect(call).not.toHaveBeenCalledWith('demo.remove', expect.anything());
    expect(within(section('Decks')).getByText(demo.deck.name)).toBeInTheDocument();
  });

  it('removes the demo after confirmation and shows the result', async () => {
    const { call, confirm } = renderStudio();
    await userEvent.click(await screen.findByRole('button', { name: 'Remove demo data' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('demo.remove', {});
    expect(await screen.findByText('Demo data removed.')).toBeInTheDocument();
    expect(within(section('Decks')).queryByText(demo.deck.name)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove demo data' })).not.toBeInTheDocument();
    expect(screen.getByText('No products yet.')).toBeInTheDocument();
    // Logs stay: the session recorded on the demo is still listed.
    expect(section('Sessions')).toHaveTextContent('Ana Host');
  });

  it('reloads when the background says data changed', async () => {
    const { call, listeners } = renderStudio();
    await screen.findByRole('heading', { name: 'Decks' });
    const before = call.mock.calls.filter((c) => c[0] === 'session.list').length;
    await act(async () => listeners.forEach((l) => l()));
    expect(call.mock.calls.filter((c) => c[0] === 'session.list').length).toBe(before + 1);
  });

  it('stops listening when closed', async () => {
    const { listeners, view } = renderStudio();
    await screen.findByRole('heading', { name: 'Decks' });
    expect(listeners.size).toBe(1);
    view.unmount();
    expect(listeners.size).toBe(0);
  });

  it('shows why loading failed', async () => {
    renderStudio({ fail: new UpfrontError('background-unreachable') });
    expect(await screen.findByRole('alert')).toHaveTextContent("Upfront's background service did not answer.");
    expect(screen.queryByRole('heading', { name: 'Decks' })).not.toBeInTheDocument();
  });
});
