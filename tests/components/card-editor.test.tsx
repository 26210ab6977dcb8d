import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { pasteIntoChart } from '../../components/studio/editor/SizeChartEditor';
import { createI18n } from '../../lib/i18n';
import { Card } from '../../lib/schema/card';
import { NOW, setupStudio } from './studio-harness';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

const tee = Card.parse({
  id: 'tee',
  sku: 'TEE-1',
  name: { en: 'Boxy tee' },
  category: 'apparel',
  sizeChart: { unit: 'cm', measurements: [{ id: 'chest', label: { en: 'Chest' } }], rows: [{ size: 'M', values: { chest: null } }] },
  updatedAt: NOW,
});

describe('card editor', () => {
  it('shows the schema’s message on the field, keeps an invalid card as a draft, and saves it once valid', async () => {
    const s = setupStudio();
    await s.library.saveCard(tee, NOW);
    s.renderAt('#/card/tee', i18n);
    const user = userEvent.setup();
    const sku = await screen.findByLabelText('SKU');
    await user.clear(sku);
    expect(await screen.findByText('Required.')).toBeInTheDocument();
    expect(sku).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByText(/Draft saved: fix 1 problem/)).toBeInTheDocument());
    expect((await s.library.getCard('tee')).draft?.value).toMatchObject({ sku: '' });
    expect((await s.db.cards.get('tee'))!.sku).toBe('TEE-1'); // the card the host sees is untouched

    await user.type(sku, 'TEE-2');
    await waitFor(() => expect(screen.getByText('✓ Saved')).toBeInTheDocument());
    expect((await s.db.cards.get('tee'))!.sku).toBe('TEE-2');
    expect((await s.library.getCard('tee')).draft).toBeNull();
  });

  it('edits the size chart grid: add and remove rows and columns, paste from a spreadsheet', async () => {
    const s = setupStudio();
    await s.library.saveCard(tee, NOW);
    s.renderAt('#/card/tee?field=sizeChart', i18n);
    const user = userEvent.setup();
    const grid = await screen.findByRole('table', { name: 'Size chart grid' });
    await user.click(screen.getByRole('button', { name: '+ Add size' }));
    await user.click(screen.getByRole('button', { name: '+ Add measurement' }));
    expect(within(grid).getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Remove size 2' }));
    expect(within(grid).getAllByRole('row')).toHaveLength(2);

    const firstSize = screen.getByLabelText('Size of row 1');
    fireEvent.paste(firstSize, { clipboardData: { getData: () => 'Size\tChest\tWaist\nS\t96\t70\nM\t100\t74\n' } });
    expect(await screen.findByLabelText('Waist for size M')).toHaveValue('74');
    expect(screen.getByLabelText('Chest for size S')).toHaveValue('96');
    await waitFor(async () => expect((await s.db.cards.get('tee'))!.sizeChart!.rows).toEqual([
      { size: 'S', values: { chest: 96, waist: 70 } },
      { size: 'M', values: { chest: 100, waist: 74 } },
    ]));
    await user.click(screen.getByRole('button', { name: 'Remove measurement Waist' }));
    await waitFor(async () => expect((await s.db.cards.get('tee'))!.sizeChart!.measurements.map((m) => m.id)).toEqual(['chest']));
  });

  it('adds a must-say caveat and shows it in the sidebar preview', async () => {
    const s = setupStudio();
    await s.library.saveCard(tee, NOW);
    s.renderAt('#/card/tee', i18n);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '+ Add caveat' }));
    await user.type(screen.getByLabelText('Caveat 1 (English)'), 'Not for tumble dryers');
    await waitFor(async () => expect((await s.db.cards.get('tee'))!.caveats).toMatchObject([{ text: { en: 'Not for tumble dryers' }, mustSay: true }]));
    // The preview is the sidebar's own CardView.
    const preview = document.querySelector('.preview')! as HTMLElement;
    await waitFor(() => expect(within(preview).getByText('Not for tumble dryers')).toBeInTheDocument());
  });

  it('moves a product to the trash and restores it', async () => {
    const s = setupStudio();
    await s.library.saveCard(tee, NOW);
    s.renderAt('#/card/tee', i18n);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Move to trash' }));
    await waitFor(async () => expect(await s.db.cards.get('tee')).toBeUndefined());
    await act(async () => {
      location.hash = '#/trash';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await user.click(await screen.findByRole('button', { name: 'Restore' }));
    await waitFor(async () => expect(await s.db.cards.get('tee')).toBeTruthy());
  });
});

describe('paste into the chart', () => {
  const chart = tee.sizeChart!;
  it('fills from the cell pasted into, growing the grid', () => {
    const next = pasteIntoChart(chart, '1\t2\n3\t4', { row: 0, col: 0 }, 'en');
    expect(next.measurements).toHaveLength(2);
    expect(next.rows.map((r) => Object.values(r.values))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it('keeps a value that is not a number as empty, never throwing', () => {
    const next = pasteIntoChart(chart, 'Size\tChest\nS\tbig', { row: -1, col: -1 }, 'en');
    expect(next.rows[0]).toEqual({ size: 'S', values: { chest: null } });
  });
});
