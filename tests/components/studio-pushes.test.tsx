import 'fake-indexeddb/auto';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageUrlsContext } from '../../components/common/image-src';
import { CardImage } from '../../components/sidebar/CardImage';
import { changeListeners } from '../../components/studio/changes';
import { StudioApp } from '../../components/studio/StudioApp';
import { SidebarHub, type HubPort } from '../../lib/background/hub';
import type { Sender, Service } from '../../lib/background/service';
import { Library } from '../../lib/db/library';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';
import { demoBundle } from '../../lib/demo/deck';
import { createI18n } from '../../lib/i18n';
import { createImageUrls } from '../../lib/image-urls';
import { imageRef } from '../../lib/images';
import { createClient, type Send } from '../../lib/messaging/client';
import { readSidebarPush } from '../../lib/messaging/push-protocol';
import { EXT, testService } from '../helpers/service';

const NOW = Date.UTC(2026, 10, 20, 12);
const demo = demoBundle(NOW);
const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };
const tab: Sender = { id: EXT, url: 'https://shop.tiktok.com/streamer/live/product/dashboard', tab: { id: 5 }, frameId: 0 };
const overlay: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { id: 5 }, frameId: 3 };

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

let handle: Service;
let changes: ReturnType<typeof changeListeners>;

/**
 * The studio over the real service and fake-indexeddb, wired to the real hub as the entrypoint
 * wires it: every push goes through the port's schema check to the studio's listeners.
 */
beforeEach(async () => {
  const db = new UpfrontDb(`studio-pushes-${Math.random().toString(36).slice(2)}`);
  const repo = new Repository(db);
  await repo.putDeckBundle(demo);
  changes = changeListeners();
  const hub = new SidebarHub();
  const port: HubPort = {
    sender: { url: studio.url },
    postMessage: (message) => {
      const push = readSidebarPush(message);
      if (push?.type === 'changed') changes.notify(push);
    },
    onMessage: { addListener: () => undefined },
    onDisconnect: { addListener: () => undefined },
  };
  hub.connect(port);
  handle = testService({ repo, library: new Library(db), now: () => NOW, notifyChanged: (change) => hub.changed(change) });
  await handle({ type: 'console.hello', payload: {} }, tab);
  await handle({ type: 'session.start', payload: { id: 'session-1', deckId: demo.deck.id, host: 'Ana Host' } }, overlay);
});

const record = (id: string, item: { kind: string; id: string }, cardId = demo.cards[0].id) =>
  handle({ type: 'event.record', payload: { id, sessionId: 'session-1', cardId, item, language: 'en', action: 'said' } }, overlay);

function renderStudio() {
  // The team lead's section: the session list (the library's lists load with the shell).
  location.hash = '#/sessions';
  const send = vi.fn<Send>((message) => handle(message, studio));
  render(
    <I18nextProvider i18n={i18n}>
      <StudioApp call={createClient(send)} onChanged={changes.subscribe} confirm={() => true} />
    </I18nextProvider>,
  );
  const sentTypes = () => send.mock.calls.map((c) => c[0].type);
  return { send, sentTypes };
}

describe('the studio during a live show', () => {
  it('one disclosure click costs the studio at most one request, and the open timeline appends it', async () => {
    expect(await record('e1', { kind: 'caveat', id: 'demo-caveat-wash' })).toMatchObject({ ok: true });
    const { sentTypes } = renderStudio();
    const row = () => document.querySelector<HTMLElement>('tr[data-session-id="session-1"]')!;
    await waitFor(() => expect(row()).not.toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(document.querySelector('td.coverage-cell > span')).not.toBeNull(), { timeout: 5000 });
    await userEvent.click(within(row()).getByRole('button', { name: 'Timeline' }));
    const timeline = await screen.findByRole('region', { name: /Ana Host/ });
    await waitFor(() => expect(timeline.querySelectorAll('tr[data-seq]')).toHaveLength(1));
    await waitFor(() => expect(sentTypes()).toContain('session.filters'));
    expect(sentTypes()).toContain('session.coverage');
    const settled = sentTypes().length;

    // The host marks the next item said on the same card (its snapshot is already known here).
    await act(async () => void expect(await record('e2', { kind: 'size', id: 'size' })).toMatchObject({ ok: true }));
    await waitFor(() => expect(timeline.querySelectorAll('tr[data-seq]')).toHaveLength(2));
    expect(sentTypes().slice(settled)).toEqual([]);
    // The list counts it from the push too.
    expect(within(row()).getByText('2')).toBeInTheDocument();

    // A disclosure on a card whose snapshot the timeline has not seen: one request, for it.
    const before = sentTypes().length;
    await act(async () => void expect(await record('e3', { kind: 'policy', id: demo.cards[1].policyId ?? demo.deck.defaultPolicyId! }, demo.cards[1].id)).toMatchObject({ ok: true }));
    await waitFor(() => expect(timeline.querySelectorAll('tr[data-seq]')).toHaveLength(3));
    expect(sentTypes().slice(before)).toEqual(['log.snapshots']);
    // Nothing else (library lists, session list, the timeline's whole session) was read again.
    expect(sentTypes().filter((t) => t === 'session.detail')).toHaveLength(1);
  });

  it('a saved product re-reads that product only; ending the show re-reads the sessions', async () => {
    const { sentTypes } = renderStudio();
    // Loaded: the list, its filters and its must-say coverage.
    await waitFor(() => expect(document.querySelector('td.coverage-cell > span')).not.toBeNull(), { timeout: 5000 });
    expect(sentTypes()).toEqual(expect.arrayContaining(['session.filters', 'session.coverage']));
    const n = sentTypes().length;
    const card = demo.cards[0];
    await act(async () => void (await handle({ type: 'card.save', payload: { card: { ...card, name: { ...card.name, en: 'Renamed hoodie' } } } }, studio)));
    // The studio's one library copy re-reads the product, and the drafts beside it (a save can
    // drop its draft); this section shows sessions, so the new name is not on screen here.
    await waitFor(() => expect(sentTypes().slice(n).sort()).toEqual(['cards.get', 'draft.list']));
    const m = sentTypes().length;
    await act(async () => void (await handle({ type: 'session.end', payload: { sessionId: 'session-1' } }, overlay)));
    await waitFor(() => expect(sentTypes().slice(m).sort()).toEqual(['session.coverage', 'session.filters', 'session.list']));
  });
});

describe('CardImage', () => {
  it('shows a stored photo through its object URL, asked for once, and never puts the reference in an <img>', async () => {
    const get = vi.fn(async () => ({ type: 'image/png', data: 'iVBORw0KGgo=' }));
    const urls = createImageUrls(get, () => 'blob:chrome-extension://x/1');
    const ref = imageRef('a'.repeat(64));
    const view = render(
      <I18nextProvider i18n={i18n}>
        <ImageUrlsContext.Provider value={urls}>
          <CardImage src={ref} alt="Hoodie" />
          <CardImage src={ref} alt="Hoodie again" />
        </ImageUrlsContext.Provider>
      </I18nextProvider>,
    );
    expect(view.container.querySelector(`img[src^="upfront-image:"]`)).toBeNull();
    expect(screen.getAllByRole('img', { name: 'Photo loading' })).toHaveLength(2);
    expect((await screen.findByRole('img', { name: 'Hoodie' })).getAttribute('src')).toBe('blob:chrome-extension://x/1');
    expect(screen.getByRole('img', { name: 'Hoodie again' })).toBeInTheDocument();
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('without a way to fetch stored photos (or for one that is gone), a marked placeholder', async () => {
    render(
      <I18nextProvider i18n={i18n}>
        <CardImage src={imageRef('b'.repeat(64))} alt="Gone" />
      </I18nextProvider>,
    );
    expect(screen.getByRole('img', { name: 'Photo did not load' })).toHaveAttribute('data-broken', 'true');
  });
});
