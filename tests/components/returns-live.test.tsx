import 'fake-indexeddb/auto';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { changeListeners } from '../../components/studio/changes';
import { analysisPlan, ReturnsSection } from '../../components/studio/returns/ReturnsSection';
import { SidebarHub, type HubPort } from '../../lib/background/hub';
import { memoryKeyValue } from '../../lib/background/kv';
import type { Sender } from '../../lib/background/service';
import { testService } from '../helpers/service';
import { UpfrontDb } from '../../lib/db/database';
import { Library } from '../../lib/db/library';
import { Repository } from '../../lib/db/repository';
import { createI18n } from '../../lib/i18n';
import { createClient, type Send } from '../../lib/messaging/client';
import { readSidebarPush } from '../../lib/messaging/push-protocol';
import { sampleOrders } from '../../lib/returns/sample';
import { ReturnsLoopStore } from '../../lib/returns/store';
import { recordSampleShow, SAMPLE_START } from '../../lib/sessions/sample';
import { orderLinesOf, returnLinesOf } from '../unit/stored-lines';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };
const tab: Sender = { id: EXT, url: 'https://shop.tiktok.com/streamer/live/product/dashboard', tab: { id: 5 }, frameId: 0 };
const overlay: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { id: 5 }, frameId: 3 };

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

/**
 * The Returns section over the real service and fake-indexeddb, its pushes through the real hub
 * and the port's schema check as the studio's entrypoint wires them; the sample show's orders
 * imported, and a show live the next day.
 */
async function setUp() {
  const db = new UpfrontDb(`returns-live-${Math.random().toString(36).slice(2)}`);
  const repo = new Repository(db);
  await recordSampleShow(repo);
  const { orders, returns } = sampleOrders();
  await orderLinesOf(db).bulkPut(orders);
  await returnLinesOf(db).bulkPut(returns);
  const changes = changeListeners();
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
  const clock = { now: SAMPLE_START + 86_400_000 };
  const local = memoryKeyValue();
  const handle = testService({ repo, library: new Library(db), returnsLoop: new ReturnsLoopStore(db), local, now: () => clock.now, notifyChanged: (change) => hub.changed(change) });
  const deck = (await db.decks.toArray())[0];
  const hoodie = (await db.cards.bulkGet(deck.cardIds))[0]!;
  await handle({ type: 'console.hello', payload: {} }, tab);
  expect(await handle({ type: 'session.start', payload: { id: 'live-1', deckId: deck.id, host: 'Ana' } }, overlay)).toMatchObject({ ok: true });
  let n = 0;
  const click = async () => {
    clock.now += 15_000;
    n += 1;
    const reply = await handle({ type: 'event.record', payload: { id: `e${n}`, sessionId: 'live-1', cardId: hoodie.id, item: { kind: 'size', id: 'size' }, language: 'en', action: 'said' } }, overlay);
    expect(reply).toMatchObject({ ok: true });
  };
  const send = vi.fn<Send>((message) => handle(message, studio));
  render(
    <I18nextProvider i18n={i18n}>
      <ReturnsSection call={createClient(send)} onChanged={changes.subscribe} />
    </I18nextProvider>,
  );
  const asked = (type: string) => send.mock.calls.filter((c) => c[0].type === type).length;
  return { handle, click, asked };
}

describe('the Returns analysis during a live show', () => {
  it('is not asked again at each disclosure: it says a show is live and offers a refresh; ending the show reads it again', async () => {
    const s = await setUp();
    await userEvent.click(screen.getByText('Returns analysis', { selector: 'summary' }));
    await screen.findByTestId('returns-summary', undefined, { timeout: 10_000 });
    expect(s.asked('returns.analysis')).toBe(1);
    expect(s.asked('returns.unmatched')).toBe(1);
    const note = () => document.querySelector('p.returns-live')!;
    expect(note()).toBeEmptyDOMElement();

    // Three clicks of the host, each pushed to the studio with its committed event.
    for (let i = 0; i < 3; i++) await act(s.click);
    await waitFor(() => expect(note()).toHaveTextContent('A show is live'));
    expect(note()).toHaveAttribute('role', 'status');
    expect(s.asked('returns.analysis')).toBe(1);
    expect(s.asked('returns.unmatched')).toBe(1);

    // Refresh: read again once, and the note goes.
    await userEvent.click(screen.getByRole('button', { name: 'Refresh analysis' }));
    await waitFor(() => expect(s.asked('returns.analysis')).toBe(2));
    await waitFor(() => expect(note()).toBeEmptyDOMElement());

    // The show ends: read again without being asked.
    await act(async () => void expect(await s.handle({ type: 'session.end', payload: { sessionId: 'live-1' } }, overlay)).toMatchObject({ ok: true }));
    await waitFor(() => expect(s.asked('returns.analysis')).toBe(3));
    expect(s.asked('returns.unmatched')).toBe(3);
  });

  it('reads again for imports, sessions and the library; not for disclosures, rehearsals or settings', () => {
    const event = { id: 'e', sessionId: 's', seq: 1 } as never;
    expect(analysisPlan({ scope: 'orders' })).toBe('read');
    expect(analysisPlan({ scope: 'session', sessionId: 's' })).toBe('read');
    expect(analysisPlan({ scope: 'library', deckIds: ['d'] })).toBe('read');
    expect(analysisPlan(undefined)).toBe('read');
    // An event push without its event is a change the view cannot narrow.
    expect(analysisPlan({ scope: 'event', sessionId: 's' })).toBe('read');
    expect(analysisPlan({ scope: 'event', sessionId: 's', event })).toBe('live');
    expect(analysisPlan({ scope: 'rehearsal', sessionId: 'r' })).toBe('none');
    expect(analysisPlan({ scope: 'settings' })).toBe('none');
  });
});
