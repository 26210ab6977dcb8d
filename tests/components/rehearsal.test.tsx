import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { RehearsalsSection } from '../../components/studio/rehearsals/RehearsalsSection';
import { createI18n } from '../../lib/i18n';
import type { Client } from '../../lib/messaging/client';
import type { Rehearsal, RehearsalReview, RehearsalSummary } from '../../lib/rehearsal/types';
import { consoleContext, demo, fakeSidebar, NOW } from '../helpers/fake-background';

// Issue 20, Rehearsal: the sidebar's Rehearse, banner and keep/discard, and the studio's review
// list, over fake backgrounds that record which requests were made.

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

function renderSidebar() {
  let open: Rehearsal | null = null;
  const { sidebar, call, types } = fakeSidebar({
    'rehearsal.start': (p) => {
      open = { id: p.id as string, deckId: p.deckId as string, deckName: demo.deck.name, host: p.host as string, platform: 'tiktok-shop', consoleOrigin: consoleContext.origin, market: 'EU', language: 'en', startedAt: NOW, lastSeq: 0 };
      return open;
    },
    'rehearsal.current': () => (open ? { rehearsal: open, events: [] } : null),
    'rehearsal.record': (p) => ({ ...p, seq: 1, at: NOW }),
    'rehearsal.end': () => {
      const ended = { ...open!, endedAt: NOW + 60_000, endReason: 'host' };
      open = null;
      return ended;
    },
    'rehearsal.keep': () => ({ kept: true }),
    'rehearsal.discard': () => null,
  });
  render(
    <I18nextProvider i18n={i18n}>
      <SidebarApp sidebar={sidebar} host={{ mode: 'overlay', openStudio: vi.fn() }} />
    </I18nextProvider>,
  );
  void sidebar.actions.init();
  return { call, types, sidebar };
}

async function rehearse(user = userEvent.setup()) {
  await user.type(await screen.findByLabelText('Host name'), 'Ana');
  await user.click(screen.getByRole('button', { name: 'Rehearse' }));
  await screen.findByTestId('rehearsal-banner');
  return user;
}

describe('the sidebar in a rehearsal', () => {
  it('Rehearse sits beside Go live, reached by keyboard, and says what it does', async () => {
    renderSidebar();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Host name'), 'Ana');
    const button = screen.getByRole('button', { name: 'Rehearse' });
    expect(button).toHaveAccessibleDescription(/Nothing is recorded as evidence/);
    screen.getByRole('button', { name: 'Go live' }).focus();
    await user.tab();
    expect(button).toHaveFocus();
  });

  it('shows a REHEARSAL banner in words, in a live region, and records marks in the rehearsal log as practice', async () => {
    const { call, types } = renderSidebar();
    const user = await rehearse();
    const banner = screen.getByTestId('rehearsal-banner');
    expect(banner).toHaveTextContent('REHEARSAL');
    expect(banner).toHaveTextContent(/nothing here goes into a session/);
    expect(banner.parentElement).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('Rehearsal · Ana')).toBeInTheDocument();
    expect(screen.queryByText(/● Live/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'End rehearsal' })).toBeInTheDocument();
    expect(types()).toContain('rehearsal.start');
    expect(types()).not.toContain('session.start');

    await user.click(screen.getByRole('button', { name: 'Mark said: Not suitable if' }));
    const mark = await screen.findByRole('button', { name: /Not suitable if: practised in the rehearsal, not evidence/ });
    expect(mark).toHaveTextContent('✓ Practised');
    expect(screen.queryByText(/Recorded/)).not.toBeInTheDocument();
    expect(call).toHaveBeenCalledWith('rehearsal.record', expect.objectContaining({ rehearsalId: 'id-1', cardId: demo.cards[0].id, action: 'said' }));
    expect(types()).not.toContain('event.record');
  });

  it('ends through the recap, then asks to keep or discard; Keep sends rehearsal.keep and closes the prompt', async () => {
    const { call, types } = renderSidebar();
    const user = await rehearse();
    await user.keyboard('e');
    await user.keyboard('e');
    const prompt = await screen.findByRole('region', { name: 'Rehearsal ended' });
    expect(call).toHaveBeenCalledWith('rehearsal.end', { rehearsalId: 'id-1' });
    expect(types()).not.toContain('session.end');
    expect(screen.queryByTestId('rehearsal-banner')).not.toBeInTheDocument();
    // The recap's policy events went to the rehearsal log too.
    expect(types().filter((t) => t === 'rehearsal.record').length).toBeGreaterThan(0);
    await user.click(within(prompt).getByRole('button', { name: 'Keep for review' }));
    expect(call).toHaveBeenCalledWith('rehearsal.keep', { rehearsalId: 'id-1' });
    expect(screen.queryByRole('region', { name: 'Rehearsal ended' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go live' })).toBeInTheDocument();
  });

  it('Discard sends rehearsal.discard for the rehearsal just ended', async () => {
    const { call, types } = renderSidebar();
    const user = await rehearse();
    await user.click(screen.getByRole('button', { name: 'End rehearsal' }));
    await user.keyboard('e');
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(call).toHaveBeenCalledWith('rehearsal.discard', { rehearsalId: 'id-1' });
    expect(types()).not.toContain('rehearsal.keep');
    expect(screen.queryByRole('region', { name: 'Rehearsal ended' })).not.toBeInTheDocument();
  });
});

const rehearsal = (id: string, host: string, startedAt: number, extra: Partial<RehearsalSummary> = {}): RehearsalSummary => ({
  id,
  deckId: 'demo-deck',
  deckName: demo.deck.name,
  host,
  platform: 'tiktok-shop',
  consoleOrigin: consoleContext.origin,
  market: 'EU',
  language: 'en',
  startedAt,
  endedAt: startedAt + 5 * 60_000,
  endReason: 'host',
  lastSeq: 4,
  productsReached: 2,
  skippedCount: 0,
  ...extra,
});

function renderStudio(list: RehearsalSummary[], confirm = () => true) {
  const rows = [...list];
  const review: RehearsalReview = {
    rehearsal: rows[0],
    products: [
      { cardId: 'demo-card-hoodie', sku: 'DEMO-HOODIE-01', name: 'Oversized hoodie', firstAt: NOW, durationMs: 95_000, said: 2, skipped: [] },
      { cardId: 'demo-card-serum', sku: 'DEMO-SERUM-30', name: 'Serum', firstAt: NOW + 95_000, durationMs: 20_000, said: 0, skipped: [{ kind: 'caveat', text: 'Patch test first.' }] },
    ],
  };
  const call = vi.fn(async (type: string, payload: Record<string, unknown>) => {
    if (type === 'rehearsal.list') return [...rows];
    if (type === 'rehearsal.review') return review;
    if (type === 'rehearsal.discard') {
      rows.splice(rows.findIndex((r) => r.id === payload.rehearsalId), 1);
      return null;
    }
    throw new Error(`unexpected call ${type}`);
  });
  render(
    <I18nextProvider i18n={i18n}>
      <RehearsalsSection call={call as unknown as Client} onChanged={() => () => undefined} confirm={confirm} />
    </I18nextProvider>,
  );
  return { call };
}

describe("the studio's Rehearsals", () => {
  it('says how a rehearsal is made when there is none', async () => {
    renderStudio([]);
    expect(await screen.findByTestId('rehearsals-empty')).toHaveTextContent('A host presses Rehearse beside Go live');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists rehearsals, sorts by a header, and reviews one product by product (time on it, what was skipped)', async () => {
    const { call } = renderStudio([rehearsal('r1', 'Lina', NOW, { kept: true, skippedCount: 1 }), rehearsal('r2', 'Ana', NOW - 86_400_000, { endReason: 'auto' })]);
    const table = await screen.findByRole('table');
    const hosts = () => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1].textContent);
    expect(hosts()).toEqual(['Lina', 'Ana']);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('00:05:00');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Kept');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('Not decided (ended automatically)');
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: /Host/ }));
    expect(hosts()).toEqual(['Ana', 'Lina']);
    expect(within(table).getByRole('columnheader', { name: /Host/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(table).getAllByRole('button', { name: 'Review' })[1]);
    expect(call).toHaveBeenCalledWith('rehearsal.review', { rehearsalId: 'r1' });
    const review = await screen.findByTestId('rehearsal-review');
    const rows = within(review).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Oversized hoodie DEMO-HOODIE-01', 'Serum DEMO-SERUM-30']);
    expect(rows[0]).toHaveTextContent('00:01:35');
    expect(rows[0]).toHaveTextContent('None');
    expect(rows[1]).toHaveTextContent('Patch test first.');
  });

  it('discards a rehearsal only once confirmed', async () => {
    let answer = false;
    const { call } = renderStudio([rehearsal('r1', 'Lina', NOW)], () => answer);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(call).not.toHaveBeenCalledWith('rehearsal.discard', expect.anything());
    answer = true;
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(call).toHaveBeenCalledWith('rehearsal.discard', { rehearsalId: 'r1' });
    expect(await screen.findByTestId('rehearsals-empty')).toBeInTheDocument();
  });
});
