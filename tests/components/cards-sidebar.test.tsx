import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { describe, expect, it } from 'vitest';
import { CardView } from '../../components/sidebar/CardView';
import { HelpOverlay } from '../../components/sidebar/HelpOverlay';
import { RecapDialog } from '../../components/sidebar/RecapDialog';
import { RunSheet } from '../../components/sidebar/RunSheet';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import type { DeckBundle } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { KEYMAP } from '../../lib/hotkeys';
import type { Card } from '../../lib/schema/card';
import { host, NOW, renderIn, sidebarFor } from './cards-render';

const demo = demoBundle(NOW);

function withCards(cards: Card[], over: Partial<DeckBundle['deck']> = {}): DeckBundle {
  return { ...demo, deck: { ...demo.deck, cardIds: cards.map((c) => c.id), ...over }, cards };
}

describe('CardView', () => {
  it('sets must-say caveats apart, first, and opens the selected item only', async () => {
    const { sidebar } = await sidebarFor(demo);
    const { container } = await renderIn(<CardView />, sidebar);
    expect(screen.getByRole('heading', { level: 2, name: 'Oversized cotton hoodie' })).toBeInTheDocument();
    const caveats = screen.getByRole('group', { name: /Not suitable if/ });
    const first = within(caveats).getByRole('listitem');
    expect(first).toHaveClass('must-say', 'selected');
    expect(within(first).getByText('Must say')).toBeInTheDocument();
    expect(within(first).getByText('Dark colours bleed in the first washes: wash separately.')).toBeInTheDocument();
    // The size chart is one line until selected.
    expect(container.querySelector('.size-chart')).toBeNull();
    expect(screen.getByText(/S–XL · cm · Runs large/)).toBeInTheDocument();
    act(() => sidebar.actions.openSizeChart());
    expect(container.querySelector('.size-chart table')).not.toBeNull();
    expect(screen.getByText('1 must-say left')).toBeInTheDocument();
  });

  it('marks the selected item said from the mark bar', async () => {
    const { sidebar, recorded } = await sidebarFor(demo);
    await renderIn(<CardView />, sidebar);
    await userEvent.click(screen.getByRole('button', { name: /Mark said: 1 Not suitable if/ }));
    expect(recorded).toEqual([expect.objectContaining({ action: 'said', item: { kind: 'caveat', id: 'demo-caveat-wash' } })]);
    expect(await screen.findByText('✓ All must-say said')).toBeInTheDocument();
  });

  it('renders a card with missing parts, marking them', async () => {
    const bare: Card = { id: 'bare', sku: 'BARE-1', name: { de: 'Nur Deutsch' }, category: 'footwear', scaleRefs: [{ catalogueId: 'gone' }], caveats: [], notes: [], updatedAt: NOW };
    const { sidebar } = await sidebarFor(withCards([bare], { defaultPolicyId: 'nope' }));
    await renderIn(<CardView />, sidebar);
    expect(screen.getByTestId('missing-parts').textContent).toBe('Missing: size chart, return policy, unknown scale reference');
    expect(screen.getByText('This card has nothing to disclose yet.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveAttribute('data-fallback', 'true');
    expect(screen.getByRole('img', { name: 'No photo' })).toBeInTheDocument();
  });

  it('falls back on a broken photo', async () => {
    const { sidebar } = await sidebarFor(withCards([{ ...demo.cards[0], image: 'https://cdn.invalid/gone.jpg' }]));
    await renderIn(<CardView />, sidebar);
    act(() => void fireEvent.error(screen.getByRole('img', { name: 'Oversized cotton hoodie' })));
    expect(screen.getByRole('img', { name: 'Photo did not load' })).toBeInTheDocument();
  });

  it('keeps the rest of the card when one part breaks', async () => {
    const broken = { ...demo.cards[0], sizeChart: { ...demo.cards[0].sizeChart!, brandEquivalents: 'not a list' } } as unknown as Card;
    const { sidebar } = await sidebarFor(withCards([broken]));
    await renderIn(<CardView />, sidebar);
    act(() => sidebar.actions.openSizeChart());
    expect(screen.getByText('This part could not be shown.')).toBeInTheDocument();
    expect(screen.getByText('Dark colours bleed in the first washes: wash separately.')).toBeInTheDocument();
  });

  it('copes with 40-character words in German and Chinese, and zero sizes', async () => {
    const long: Card = {
      ...demo.cards[1],
      name: { en: 'Donaudampfschifffahrtsgesellschaftskapitän', 'zh-CN': '长'.repeat(40) },
      caveats: [{ id: 'c', text: { en: 'Rindfleischetikettierungsüberwachungsaufgaben', 'zh-CN': '不'.repeat(40) }, mustSay: true }],
      sizeChart: { unit: 'cm', measurements: [{ id: 'x', label: { en: 'X' } }], rows: [{ size: '0', values: { x: 0 } }] },
    };
    const { sidebar } = await sidebarFor(withCards([long]), { live: true });
    await renderIn(<CardView />, sidebar, 'zh-CN');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Donaudampfschifffahrtsgesellschaftskapitän');
    expect(screen.getByText('Rindfleischetikettierungsüberwachungsaufgaben')).toBeInTheDocument();
  });

  it('shows the gate with what is missing, and goes on anyway from it', async () => {
    const { sidebar, recorded } = await sidebarFor(demo);
    await renderIn(<CardView />, sidebar);
    act(() => sidebar.actions.next());
    const gate = screen.getByRole('alert', { name: /Not said yet/ });
    expect(within(within(gate).getByRole('list')).getByText(/Dark colours bleed/)).toBeInTheDocument();
    expect(within(gate).getByText(/Press J again/)).toBeInTheDocument();
    await userEvent.click(within(gate).getByRole('button', { name: /Go on anyway/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/Stretch cushion cover/);
    expect(recorded).toEqual([expect.objectContaining({ action: 'skipped', cardId: 'demo-card-hoodie' })]);
  });

  it('disables marking when not live', async () => {
    const { sidebar } = await sidebarFor(demo, { live: false });
    await renderIn(<CardView />, sidebar);
    for (const b of screen.getAllByRole('button', { name: /Mark said/ })) expect(b).toBeDisabled();
  });
});

describe('RunSheet', () => {
  it('searches by name or SKU, Enter goes to the first match', async () => {
    const { sidebar } = await sidebarFor(demo, { live: false });
    await renderIn(<RunSheet />, sidebar);
    const search = screen.getByRole('searchbox', { name: 'Search name, SKU or link number' });
    await userEvent.type(search, 'DEMO-SERUM');
    expect(within(screen.getByRole('navigation')).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('1 of 3')).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(sidebar.store.getState().index).toBe(2);
    await userEvent.type(search, '抱枕');
    expect(screen.getByRole('button', { name: /Stretch cushion cover/ })).toBeInTheDocument();
    await userEvent.clear(search);
    await userEvent.type(search, 'zzz');
    expect(screen.getByText('No product matches “zzz”.')).toBeInTheDocument();
  });

  it('re-renders only the rows that changed when switching among 300 products', async () => {
    const cards: Card[] = Array.from({ length: 300 }, (_, i) => ({ ...demo.cards[i % 3], id: `c${i}`, sku: `SKU-${i}` }));
    const { sidebar } = await sidebarFor(withCards(cards), { live: false });
    const commits: { phase: string; actual: number; base: number }[] = [];
    const onRender: ProfilerOnRenderCallback = (_id, phase, actual, base) => commits.push({ phase, actual, base });
    await renderIn(
      <Profiler id="run" onRender={onRender}>
        <RunSheet />
      </Profiler>,
      sidebar,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(300);
    commits.length = 0;
    for (let i = 1; i <= 20; i++) act(() => sidebar.actions.select(i));
    expect(screen.getByRole('button', { current: true }).textContent).toContain('SKU-20');
    const updates = commits.filter((c) => c.phase === 'update');
    expect(updates.length).toBeGreaterThan(0);
    // actualDuration counts what rendered; baseDuration what would without memo.
    const actual = updates.reduce((a, c) => a + c.actual, 0);
    const base = updates.reduce((a, c) => a + c.base, 0);
    expect(actual).toBeLessThan(base / 3);
  });
});

describe('overlays', () => {
  it('lists every key of the keymap in the help', async () => {
    const { sidebar } = await sidebarFor(demo);
    await renderIn(<HelpOverlay />, sidebar);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const [k] of KEYMAP) expect(within(dialog).getByText(k)).toBeInTheDocument();
    expect(within(dialog).getByText('Switch cm / in')).toBeInTheDocument();
  });

  it('recaps each policy before ending, records it, then ends', async () => {
    const { sidebar, recorded, call } = await sidebarFor(demo);
    await renderIn(<RecapDialog />, sidebar);
    const dialog = screen.getByRole('dialog', { name: 'Before you end: recap the returns' });
    expect(within(dialog).getByText(/EU 14-day withdrawal \(demo\) · 2 products/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Once the seal is broken/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: /Said it — end session/ }));
    expect(recorded.map((r) => `${r.cardId}:${(r.item as { id: string }).id}`).sort()).toEqual(['demo-card-cushion-cover:demo-policy-eu', 'demo-card-hoodie:demo-policy-eu', 'demo-card-serum:demo-policy-eu-sealed']);
    expect(call).toHaveBeenCalledWith('session.end', { sessionId: 's1' });
  });

  it('drives the card by keys pressed inside the sidebar', async () => {
    const { sidebar, recorded } = await sidebarFor(demo);
    await renderIn(<SidebarApp sidebar={sidebar} host={host} />, sidebar);
    await userEvent.keyboard('2');
    expect(screen.getByRole('table')).toBeInTheDocument();
    await userEvent.keyboard('u]');
    expect(screen.getAllByRole('columnheader')[1].textContent).toBe('Chest (in)');
    expect(screen.getByRole('button', { name: 'Size S' }).closest('tr')).toHaveClass('highlight');
    await userEvent.keyboard('m');
    expect(recorded[0]).toMatchObject({ item: { kind: 'size' }, action: 'said' });
    await userEvent.keyboard('j');
    expect(screen.getByRole('alert', { name: /Not said yet/ })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alert', { name: /Not said yet/ })).toBeNull();
    await userEvent.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}/');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    await userEvent.keyboard('serum{Enter}');
    expect(screen.getByRole('alert', { name: /Not said yet/ })).toBeInTheDocument();
  });
});
