import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { demoBundle } from '../../lib/demo/deck';
import { host, NOW, renderIn, sidebarFor } from './cards-render';

const demo = demoBundle(NOW);

// Issue 21, point 1: M while "Not said yet" is open records what the prompt lists.
describe('M on the "Not said yet" prompt', () => {
  it('on the demo hoodie: item 4 (Returns), J, then M records the unsaid caveat, not the policy', async () => {
    const { sidebar, recorded } = await sidebarFor(demo);
    await renderIn(<SidebarApp sidebar={sidebar} host={host} />, sidebar);
    await userEvent.keyboard('4');
    expect(screen.getByRole('button', { name: /Mark said: 4 Returns/ })).toBeInTheDocument();
    await userEvent.keyboard('j');
    const gate = screen.getByRole('alert', { name: /Not said yet/ });
    // The prompt says which item M will record: the caveat it lists.
    expect(within(gate).getByText(/M records: Dark colours bleed/)).toBeInTheDocument();
    await userEvent.keyboard('m');
    expect(recorded).toEqual([expect.objectContaining({ action: 'said', cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' } })]);
    // Nothing is left unsaid: the prompt closes, and J now moves on without a skip.
    expect(screen.queryByRole('alert', { name: /Not said yet/ })).toBeNull();
    await userEvent.keyboard('j');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/Stretch cushion cover/);
    expect(recorded.filter((r) => r.action === 'skipped')).toEqual([]);
  });

  it('with two items listed, M records the first, then the next', async () => {
    const hoodie = demo.cards[0];
    const two = { ...hoodie, caveats: [...hoodie.caveats, { id: 'extra', text: { en: 'Not for tumble drying' }, mustSay: true }] };
    const bundle = { ...demo, cards: [two, ...demo.cards.slice(1)] };
    const { sidebar, recorded } = await sidebarFor(bundle);
    await renderIn(<SidebarApp sidebar={sidebar} host={host} />, sidebar);
    await userEvent.keyboard('j');
    const gate = screen.getByRole('alert', { name: /Not said yet/ });
    expect(within(gate).getByText(/M records: Dark colours bleed/)).toBeInTheDocument();
    await userEvent.keyboard('m');
    expect(within(gate).getByText(/M records: Not for tumble drying/)).toBeInTheDocument();
    await userEvent.keyboard('m');
    expect(recorded.map((r) => (r.item as { id: string }).id)).toEqual(['demo-caveat-wash', 'extra']);

    await userEvent.keyboard('k'); // back on the hoodie: nothing unsaid, no prompt
    expect(screen.queryByRole('alert', { name: /Not said yet/ })).toBeNull();
  });

  it('a digit on an item the prompt does not list closes it, and M then records that item', async () => {
    const { sidebar, recorded } = await sidebarFor(demo);
    await renderIn(<SidebarApp sidebar={sidebar} host={host} />, sidebar);
    await userEvent.keyboard('j');
    expect(screen.getByRole('alert', { name: /Not said yet/ })).toBeInTheDocument();
    await userEvent.keyboard('2');
    expect(screen.queryByRole('alert', { name: /Not said yet/ })).toBeNull();
    await userEvent.keyboard('m');
    expect(recorded).toEqual([expect.objectContaining({ item: { kind: 'size', id: 'size' } })]);
  });
});

// Issue 21, point 3: ending a show with must-say items never said says so first, listing them.
describe('ending a show with must-say items never said', () => {
  it('the recap lists each unsaid must-say item, skipped or not said, before anything is ended', async () => {
    const { sidebar, call, recorded } = await sidebarFor(demo);
    await renderIn(<SidebarApp sidebar={sidebar} host={host} />, sidebar);
    await userEvent.keyboard('jj'); // the hoodie's caveat skipped by choice
    await userEvent.keyboard('e');
    const dialog = screen.getByRole('dialog', { name: 'Before you end: recap the returns' });
    const warning = within(dialog).getByRole('region', { name: /3 must-say items never said/ });
    const hoodie = within(warning).getByText('Oversized cotton hoodie').closest('li')!;
    expect(within(hoodie).getByText(/Dark colours bleed.*· skipped/)).toHaveAttribute('data-status', 'skipped');
    const cover = warning.querySelector('[data-card-id="demo-card-cushion-cover"]')!;
    expect(within(cover as HTMLElement).getByText(/· not said/)).toHaveAttribute('data-status', 'not-said');
    expect(warning.querySelector('[data-card-id="demo-card-serum"] [data-status="not-said"]')).not.toBeNull();
    // Only the prompt so far: nothing was ended.
    expect(call).not.toHaveBeenCalledWith('session.end', expect.anything());
    expect(recorded.filter((r) => r.action === 'said')).toEqual([]);
  });

  it('says nothing of the kind when every must-say item was said', async () => {
    const { sidebar } = await sidebarFor(demo);
    await renderIn(<SidebarApp sidebar={sidebar} host={host} />, sidebar);
    await userEvent.keyboard('mjmjm'); // each product's must-say caveat, said
    await userEvent.keyboard('e');
    const dialog = screen.getByRole('dialog', { name: 'Before you end: recap the returns' });
    expect(within(dialog).queryByRole('region', { name: /never said/ })).toBeNull();
  });
});
