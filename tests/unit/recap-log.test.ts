import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../lib/evidence/chain';
import { logToCsv } from '../../lib/export/log-csv';
import { productGroups } from '../../lib/export/timeline';
import type { DisclosureEvent } from '../../lib/schema/session';
import { createSidebarStore } from '../../lib/sidebar/store';
import { background, overlay } from './sessions-helpers';

// Issue 21, point 2: the end-of-show recap is recorded for every product it covers, through the
// sidebar's store and the real service over fake-indexeddb, and the log says so everywhere.
describe('the end-of-show recap in the log', () => {
  it('records the policy said for each covered product: coverage, CSV item_text, and the chain verifies', async () => {
    const bg = await background();
    await bg.openConsole(1);
    let n = 0;
    const { store, actions } = createSidebarStore({ call: bg.client(overlay(1)), newId: () => `id-${++n}` });
    await actions.init();
    await actions.goLive('Lina');
    // The host says the hoodie's caveat, moves on to the cover (skipping nothing), then ends.
    await actions.markSelected();
    actions.next();
    actions.requestEnd();
    expect(store.getState().recapOpen).toBe(true);
    actions.requestEnd(); // E again: said it, end
    await vi.waitFor(() => expect(store.getState().session).toBeNull());

    const [session] = await bg.repo.listSessions();
    expect(session.endedAt).toBeDefined();
    const events = await bg.repo.listEvents(session.id);
    const log = { sessions: [session], events, snapshots: await bg.repo.getSnapshots([...new Set(events.map((e) => e.cardHash))]) };
    expect(verifyChain(session, log.events, session.head)).toBeNull();
    const policySaid = log.events.filter((e) => e.item.kind === 'policy' && e.action === 'said');
    expect(policySaid.map((e) => `${e.cardId}:${e.item.id}`).sort()).toEqual(['demo-card-cushion-cover:demo-policy-eu', 'demo-card-hoodie:demo-policy-eu', 'demo-card-serum:demo-policy-eu-sealed']);

    // Every product's coverage shows its return policy said, at the recap.
    const deck = await bg.repo.getDeckBundle(session.deckId);
    const groups = productGroups(session, log.events, log.snapshots, deck);
    expect(groups.map((g) => [g.cardId, g.policy?.status])).toEqual(expect.arrayContaining([
      ['demo-card-hoodie', 'said'],
      ['demo-card-cushion-cover', 'said'],
      ['demo-card-serum', 'said'],
    ]));
    expect(groups.find((g) => g.cardId === 'demo-card-serum')?.policy?.at?.id).toBe(policySaid.find((e) => e.cardId === 'demo-card-serum')?.id);

    // The CSV's policy rows carry the paragraph read out; none is blank.
    const rows = Papa.parse<Record<string, string>>(logToCsv(log).slice(1), { header: true, skipEmptyLines: true }).data;
    const policyRows = rows.filter((r) => r.item_kind === 'policy');
    expect(policyRows).toHaveLength(3);
    for (const r of policyRows) expect(r.item_text).toMatch(/return it within \d+ days/);
    expect(policyRows.find((r) => r.card_id === 'demo-card-serum')?.item_text).toMatch(/seal/i);
  });

  it('a recap event that fails is kept with its id: ending is refused, and the retry records nothing twice', async () => {
    const bg = await background();
    await bg.openConsole(1);
    let n = 0;
    let failOnce = true;
    const client = bg.client(overlay(1));
    const call = (async (type: string, payload: unknown) => {
      if (type === 'event.record' && (payload as DisclosureEvent).cardId === 'demo-card-serum' && failOnce) {
        failOnce = false;
        await client(type as 'event.record', payload as never); // committed, but the answer is lost
        throw new Error('port closed');
      }
      return client(type as never, payload as never);
    }) as typeof client;
    const { store, actions } = createSidebarStore({ call, newId: () => `id-${++n}` });
    await actions.init();
    await actions.goLive('Lina');
    await actions.endWithRecap();
    expect(store.getState().session).not.toBeNull();
    expect(store.getState().actionError).toBe('internal');
    await actions.endWithRecap();
    expect(store.getState().session).toBeNull();
    const events = await bg.repo.listEvents((await bg.repo.listSessions())[0].id);
    expect(events.filter((e) => e.cardId === 'demo-card-serum')).toHaveLength(1);
    expect(events.filter((e) => e.item.kind === 'policy')).toHaveLength(3);
  });
});

describe('E pressed again while the recap is being recorded', () => {
  it('sends each product’s event once and ends once', async () => {
    const bg = await background();
    await bg.openConsole(1);
    let n = 0;
    const client = bg.client(overlay(1));
    const sent: string[] = [];
    const call = ((type: string, payload: unknown) => {
      sent.push(type);
      return client(type as never, payload as never);
    }) as typeof client;
    const { store, actions } = createSidebarStore({ call, newId: () => `id-${++n}` });
    await actions.init();
    await actions.goLive('Lina');
    actions.requestEnd();
    await Promise.all([actions.endWithRecap(), actions.endWithRecap(), actions.endWithRecap()]);
    expect(store.getState().session).toBeNull();
    expect(sent.filter((t) => t === 'event.record')).toHaveLength(3);
    expect(sent.filter((t) => t === 'session.end')).toHaveLength(1);
  });
});
