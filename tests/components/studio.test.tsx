import 'fake-indexeddb/auto';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioApp } from '../../components/studio/StudioApp';
import type { Sender, Service } from '../../lib/background/service';
import { Library } from '../../lib/db/library';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { createI18n } from '../../lib/i18n';
import { createClient, type Send } from '../../lib/messaging/client';
import { EXT, testService } from '../helpers/service';

const NOW = Date.UTC(2026, 10, 20, 12);
const demo = demoBundle(NOW);
const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };
const SKUS = demo.cards.map((c) => c.sku);

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

/**
 * The studio talks to the real background service over a fake-indexeddb database, so it is
 * tested against the answers it will really get rather than a hand-written imitation.
 */
let handle: Service;
let listeners: Set<() => void>;

beforeEach(async () => {
  const db = new UpfrontDb(`studio-${Math.random().toString(36).slice(2)}`);
  const repo = new Repository(db);
  await repo.putDeckBundle(demo);
  listeners = new Set();
  handle = testService({ repo, library: new Library(db), now: () => NOW, notifyChanged: () => listeners.forEach((l) => l()) });
  // A host went live on a console and said one thing.
  const tab: Sender = { id: EXT, url: 'https://shop.tiktok.com/streamer/live/product/dashboard', tab: { id: 5 }, frameId: 0 };
  const overlay: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { id: 5 }, frameId: 3 };
  const ok = async (r: Promise<{ ok: boolean }>) => expect(await r).toMatchObject({ ok: true });
  await ok(handle({ type: 'console.hello', payload: {} }, tab));
  await ok(handle({ type: 'session.start', payload: { id: 'session-1', deckId: demo.deck.id, host: 'Ana Host' } }, overlay));
  await ok(
    handle(
      {
        type: 'event.record',
        payload: { id: 'e1', sessionId: 'session-1', cardId: demo.cards[0].id, item: { kind: 'caveat', id: 'demo-caveat-wash' }, language: 'en', action: 'said' },
      },
      overlay,
    ),
  );
});

function renderStudio(confirmAnswer = true, hash = '') {
  history.replaceState(null, '', `${location.pathname}${hash}`);
  const send = vi.fn<Send>((message) => handle(message, studio));
  const confirm = vi.fn(() => confirmAnswer);
  const onChanged = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const view = render(
    <I18nextProvider i18n={i18n}>
      <StudioApp call={createClient(send)} onChanged={onChanged} confirm={confirm} />
    </I18nextProvider>,
  );
  const sentTypes = () => send.mock.calls.map((c) => c[0].type);
  return { send, sentTypes, confirm, view };
}

const findText = async (text: string) => (await screen.findAllByText(text, { exact: false })).length;
const nav = () => screen.getByRole('navigation', { name: 'Studio sections' });
const openSection = async (name: string | RegExp) => {
  await userEvent.click(within(nav()).getByRole('link', { name }));
  await waitFor(() => expect(within(nav()).getByRole('link', { name })).toHaveAttribute('aria-current', 'page'));
};

describe('StudioApp', () => {
  it('lists the decks, the products and the recorded session, each in its section', async () => {
    renderStudio();
    for (const sku of SKUS) expect(await findText(sku)).toBeGreaterThan(0);
    expect(await findText('Oversized cotton hoodie')).toBeGreaterThan(0);
    await openSection('Decks');
    expect(await findText(demo.deck.name)).toBeGreaterThan(0);
    await openSection('Sessions & logs');
    expect(await screen.findByRole('heading', { name: 'Sessions' })).toBeInTheDocument();
    expect(await findText('Ana Host')).toBeGreaterThan(0);
  });

  it('labels demo data as Demo', async () => {
    renderStudio();
    await screen.findByRole('button', { name: 'Remove demo data' });
    // One badge for each demo product, and one for the demo deck.
    await waitFor(() => expect(screen.getAllByText('Demo').length).toBeGreaterThanOrEqual(demo.cards.length));
    await openSection('Decks');
    await waitFor(() => expect(within(screen.getByRole('row', { name: (n) => n.includes(demo.deck.name) })).getByText('Demo')).toBeInTheDocument());
  });

  it('asks before removing the demo, and keeps it when the answer is no', async () => {
    const { confirm, sentTypes } = renderStudio(false);
    await userEvent.click(await screen.findByRole('button', { name: 'Remove demo data' }));
    expect(confirm).toHaveBeenCalledWith('Remove the demo deck, products and policies? Recorded sessions stay.');
    expect(sentTypes()).not.toContain('demo.remove');
    expect(screen.getByRole('button', { name: 'Remove demo data' })).toBeInTheDocument();
    expect(await findText(SKUS[0])).toBeGreaterThan(0);
  });

  it('removes the demo after confirmation and keeps the recorded session', async () => {
    const { confirm, sentTypes } = renderStudio();
    await userEvent.click(await screen.findByRole('button', { name: 'Remove demo data' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(sentTypes().filter((t) => t === 'demo.remove')).toHaveLength(1);
    expect(await screen.findByText('Demo data removed.')).toBeInTheDocument();
    await waitFor(() => {
      for (const sku of SKUS) expect(screen.queryAllByText(sku, { exact: false })).toHaveLength(0);
    });
    expect(screen.queryByRole('button', { name: 'Remove demo data' })).not.toBeInTheDocument();
    await openSection('Sessions & logs');
    expect(await findText('Ana Host')).toBeGreaterThan(0);
  });

  it('reloads when the background says data changed, and stops listening when closed', async () => {
    const { sentTypes, view } = renderStudio(true, '#/sessions');
    await screen.findByRole('heading', { name: 'Sessions' });
    await waitFor(() => expect(sentTypes()).toContain('session.list'));
    await waitFor(() => expect(sentTypes()).toContain('deck.all'));
    const count = (type: string) => sentTypes().filter((t) => t === type).length;
    const before = { decks: count('deck.all'), sessions: count('session.list') };
    // A change that does not say what (a reconnection): everything is read again, once.
    await act(async () => listeners.forEach((l) => l()));
    await waitFor(() => expect(count('deck.all')).toBe(before.decks + 1));
    await waitFor(() => expect(count('session.list')).toBe(before.sessions + 1));
    view.unmount();
    expect(listeners.size).toBe(0);
  });

  it('opens a session\'s timeline from its address, and its Timeline button puts it in the address', async () => {
    renderStudio(true, '#/sessions/session-1');
    expect(await screen.findByRole('heading', { name: /Ana Host/, level: 2 })).toBeInTheDocument();
    const timeline = await screen.findByRole('button', { name: 'Timeline' });
    expect(timeline).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(timeline);
    await waitFor(() => expect(location.hash).toBe('#/sessions'));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Ana Host/, level: 2 })).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Timeline' }));
    await waitFor(() => expect(location.hash).toBe('#/sessions/session-1'));
    expect(await screen.findByRole('heading', { name: /Ana Host/, level: 2 })).toBeInTheDocument();
  });

  it('says why when the background does not answer', async () => {
    const send = vi.fn<Send>(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(
      <I18nextProvider i18n={i18n}>
        <StudioApp call={createClient(send)} onChanged={() => () => undefined} confirm={() => false} />
      </I18nextProvider>,
    );
    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent("Upfront's background service did not answer.");
  });
});
