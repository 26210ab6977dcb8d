import { describe, expect, it, vi } from 'vitest';
import { SidebarHub, type HubPort } from '../../lib/background/hub';
import type { Sender } from '../../lib/background/service';
import { testService } from '../helpers/service';
import { demoBundle } from '../../lib/demo/deck';
import { createClient } from '../../lib/messaging/client';
import { readSidebarPush } from '../../lib/messaging/push-protocol';
import type { SidebarPush } from '../../lib/messaging/types';
import { RehearsalStore } from '../../lib/rehearsal/store';
import { createSidebarStore, markKey } from '../../lib/sidebar/store';
import { freshRepo, NOW } from './helpers';
import { contentScript, EXT, overlay } from './sessions-helpers';

const panel: Sender = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html` };

/**
 * One background (the real service, rehearsal log and hub over fake-indexeddb) and two sidebars
 * of console tab 1: the overlay frame and the side panel bound to the tab, each on its own port,
 * each push checked by the port's schema as the sidebar's entrypoint checks it.
 */
async function twoViews() {
  const { db, repo } = freshRepo();
  await repo.putDeckBundle(demoBundle(NOW));
  const hub = new SidebarHub();
  const handle = testService({ repo, rehearsals: new RehearsalStore(db), now: () => NOW, notifyChanged: (change) => hub.changed(change) });
  await handle({ type: 'console.hello', payload: {} }, contentScript(1));
  let n = 0;
  const view = (sender: Sender, name: string) => {
    const client = createClient((message) => handle(message, sender));
    const asked: string[] = [];
    const call = ((type: string, payload: unknown) => (asked.push(type), client(type as never, payload as never))) as typeof client;
    const sidebar = createSidebarStore({ call, newId: () => `${name}-${++n}` });
    const pushes: SidebarPush[] = [];
    const applied: Promise<void>[] = [];
    let bind: ((message: unknown) => void) | undefined;
    const port: HubPort = {
      sender: sender.tab ? { url: sender.url, tab: { id: sender.tab.id }, frameId: sender.frameId } : { url: sender.url },
      postMessage: (message) => {
        const push = readSidebarPush(message);
        if (push?.type !== 'changed') return;
        pushes.push(push);
        applied.push(sidebar.actions.changed(push));
      },
      onMessage: { addListener: (l) => void (bind = l) },
      onDisconnect: { addListener: () => undefined },
    };
    hub.connect(port);
    // The side panel says which tab it serves, as it does once it knows.
    if (!sender.tab) bind?.({ type: 'bind', tabId: 1 });
    return { ...sidebar, pushes, settled: () => Promise.all(applied), types: () => asked, forget: () => void asked.splice(0) };
  };
  return { handle, frame: view(overlay(1), 'frame'), side: view(panel, 'panel') };
}

describe('a rehearsal in two views of one tab', () => {
  it("each mark recorded in one view shows in the other from the push, with no re-read", async () => {
    const { frame, side } = await twoViews();
    await Promise.all([frame.actions.init(), side.actions.init(1)]);
    await frame.actions.goLive('Lina', {}, true);
    await Promise.all([frame.settled(), side.settled()]);
    // The start is a change the panel re-reads: it is in the rehearsal too.
    expect(side.store.getState()).toMatchObject({ rehearsal: true, session: { id: frame.store.getState().session!.id } });
    side.forget();
    frame.forget();

    // The overlay marks the selected must-say item practised.
    const card = frame.store.getState().bundle!.cards[0];
    const caveat = { kind: 'caveat' as const, id: card.caveats[0].id };
    await frame.actions.markSaid(caveat);
    const key = markKey(card.id, caveat);
    expect(frame.store.getState().marks[key]).toMatchObject({ state: 'recorded' });
    await side.settled();
    expect(side.store.getState().marks[key]).toEqual(frame.store.getState().marks[key]);
    expect(side.pushes.at(-1)).toMatchObject({ scope: 'rehearsal', mark: { id: frame.store.getState().marks[key].eventId, action: 'said', item: caveat } });

    // And the other way: the panel moves past the next product's must-say caveat (skipped).
    side.actions.next();
    side.actions.next();
    expect(side.store.getState().gate).not.toBeNull();
    side.actions.next();
    await vi.waitFor(() => expect(Object.keys(side.store.getState().skipped)).toHaveLength(1));
    await frame.settled();
    await vi.waitFor(() => expect(frame.store.getState().skipped).toEqual(side.store.getState().skipped));
    // Marks came by push alone: neither view asked to read the rehearsal again.
    expect(side.types().filter((t) => t !== 'rehearsal.record')).toEqual([]);
    expect(frame.types().filter((t) => t !== 'rehearsal.record')).toEqual([]);
  });

  it("the card a view settles on is not pushed (each view keeps its own), and another tab's sidebar ignores the marks", async () => {
    const { handle, frame, side } = await twoViews();
    await Promise.all([frame.actions.init(), side.actions.init(1)]);
    await frame.actions.goLive('Lina', {}, true);
    await Promise.all([frame.settled(), side.settled()]);
    const id = frame.store.getState().session!.id;
    const before = side.pushes.length;
    const card = frame.store.getState().bundle!.cards[1];
    expect(await handle({ type: 'rehearsal.record', payload: { id: 'viewed-1', rehearsalId: id, cardId: card.id, action: 'viewed' } }, overlay(1))).toMatchObject({ ok: true });
    expect(side.pushes.length).toBe(before);

    // A live show's sidebar on another tab gets the push and leaves it alone.
    const other = createSidebarStore({ call: createClient((m) => handle(m, overlay(2))), newId: () => 'x' });
    await handle({ type: 'console.hello', payload: {} }, contentScript(2));
    await other.actions.init();
    await other.actions.goLive('Ana');
    const marksBefore = other.store.getState().marks;
    await other.actions.changed({ scope: 'rehearsal', sessionId: id, mark: { id: 'm', action: 'said', cardId: card.id, item: { kind: 'size', id: 'size' } } });
    expect(other.store.getState().marks).toBe(marksBefore);
  });
});
