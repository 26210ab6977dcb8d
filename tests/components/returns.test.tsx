import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReturnsArea } from '../../components/studio/returns/ReturnsArea';
import { parseOrderIds } from '../../components/studio/returns/OrderLookup';
import { verifyLogText } from '../../lib/evidence/verify';
import { createI18n } from '../../lib/i18n';
import { sampleOrders } from '../../lib/returns/sample';
import type { Analysis } from '../../lib/returns/analysis';
import type { OrderLine, ReturnLine } from '../../lib/returns/types';
import { recordSampleShow } from '../../lib/sessions/sample';
import { setupStudio } from './studio-harness';
import { orderLinesOf, returnLinesOf } from '../unit/stored-lines';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});
afterEach(() => vi.restoreAllMocks());

async function withSample() {
  const s = setupStudio();
  await recordSampleShow(s.repo);
  const { orders, returns } = sampleOrders();
  await orderLinesOf(s.db).bulkPut(orders);
  await returnLinesOf(s.db).bulkPut(returns);
  return s;
}

function renderReturns(s: ReturnType<typeof setupStudio>) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ReturnsArea call={s.call} revision={0} decks={[{ id: 'demo-deck', name: 'Demo' }]} />
    </I18nextProvider>,
  );
}

/** The analysis is asked for only once its section is opened. */
async function openAnalysis(s: ReturnType<typeof setupStudio>) {
  expect(s.send.mock.calls.map((c) => c[0].type)).not.toContain('returns.analysis');
  await userEvent.click(screen.getByText('Returns analysis', { selector: 'summary' }));
}

describe('order lookup', () => {
  it('splits pasted ids on spaces, commas and line breaks', () => {
    expect(parseOrderIds(' 577001,577002\n577003；577001 ')).toEqual(['577001', '577002', '577003']);
    expect(parseOrderIds(Array.from({ length: 250 }, (_, i) => i).join(' '))).toHaveLength(250);
  });

  it('shows the show, host, time into the stream and the disclosures before and after; prints one page; downloads a pack that verifies', async () => {
    const s = await withSample();
    renderReturns(s);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Order ids/), '577001 NOPE');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    const page = await screen.findByRole('article', { name: 'Order 577001 · DEMO-HOODIE-01-M' });
    expect(within(page).getByTestId('show')).toHaveTextContent('Lina');
    expect(within(page).getByTestId('offset')).toHaveTextContent('00:05:00');
    const [before, after] = within(page).getAllByRole('table');
    expect(within(before).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-seq'))).toEqual(['1', '2', '3']);
    expect(before).toHaveTextContent('Dark colours bleed in the first washes');
    expect(within(after).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-seq'))).toEqual(['4']);
    expect(screen.getByText('No imported order line has the id NOPE.')).toBeInTheDocument();

    // happy-dom has no print(); the browser's is a dialog.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    await user.click(within(page).getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.body).toHaveClass('printing-evidence');
    expect(document.querySelectorAll('.print-target')).toHaveLength(1);
    act(() => void window.dispatchEvent(new Event('afterprint')));
    await waitFor(() => expect(document.body).not.toHaveClass('printing-evidence'));

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:pack';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await user.click(within(page).getByRole('button', { name: 'Download evidence pack (JSON)' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const report = await verifyLogText(await blobs[0].text());
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(3);
  });

  it('looks up at most 200 pasted ids and says so', async () => {
    const s = await withSample();
    renderReturns(s);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/Order ids/));
    await user.paste(Array.from({ length: 201 }, (_, i) => `A${i}`).join('\n'));
    expect(screen.getByRole('status')).toHaveTextContent('You pasted 201 ids: the first 200 are looked up.');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await screen.findByText('No imported order line has the id A199.');
    const lookups = s.send.mock.calls.map((c) => c[0]).filter((m) => m.type === 'returns.lookup');
    expect((lookups[0].payload as { orderIds: string[] }).orderIds).toHaveLength(200);
  });

  it('says why a line is not attached', async () => {
    const s = await withSample();
    renderReturns(s);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Order ids/), '577004');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    const page = await screen.findByRole('article', { name: /Order 577004/ });
    expect(page).toHaveTextContent('no show on this platform was live at the order time');
    expect(within(page).queryByRole('button', { name: 'Print' })).toBeNull();
  });
});

describe('returns analysis', () => {
  it('shows counts with a small-sample warning instead of a rate, a table per dimension, charts with their alternative, and unmatched lines', async () => {
    const s = await withSample();
    renderReturns(s);
    await openAnalysis(s);
    // The analysis reads the whole log and every order line first.
    const summary = await screen.findByTestId('returns-summary', undefined, { timeout: 10_000 });
    expect(summary).toHaveTextContent('1 of 5 units returned');
    expect(summary).toHaveTextContent('only 4 orders: too few for a rate');
    expect(summary.textContent).not.toMatch(/%/);
    const product = screen.getByRole('table', { name: 'Product' });
    expect(within(product).getByRole('row', { name: /DEMO-HOODIE-01/ })).toHaveTextContent('size / fit 1');
    expect(screen.getByRole('table', { name: 'Host' })).toHaveTextContent('小美');
    const mustSay = screen.getByRole('table', { name: 'Must-say items before the order' });
    expect(within(mustSay).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-key'))).toEqual(['said', 'skipped', 'not-reached']);
    // The charts' code loads on demand (a chunk of its own in the build).
    const chart = await screen.findByRole('figure', { name: 'Reason mix by product' }, { timeout: 10_000 });
    expect(chart).toHaveAccessibleDescription('The same numbers: table “Product” below.');
    // Drawn by Plot right after the figure mounts; slow when the machine is busy.
    await waitFor(() => expect(chart.querySelector('svg[aria-label="Reason mix by product"]')).not.toBeNull(), { timeout: 10_000 });
    expect(screen.getByRole('heading', { name: '1 order line not attached to a show' })).toBeInTheDocument();
  });

  it('a rate appears from 30 orders on', async () => {
    const s = await withSample();
    const base = sampleOrders().orders[0];
    const more: OrderLine[] = Array.from({ length: 40 }, (_, i) => ({ ...base, key: `tiktok:M${i}:X`, orderId: `M${i}`, quantity: 1 }));
    const back: ReturnLine[] = more.slice(0, 4).map((o) => ({ ...sampleOrders().returns[0], key: `${o.key}:R`, orderId: o.orderId, lineKey: o.lineKey }));
    await orderLinesOf(s.db).bulkPut(more);
    await returnLinesOf(s.db).bulkPut(back);
    renderReturns(s);
    await openAnalysis(s);
    // The analysis reads the whole log and every order line first.
    const summary = await screen.findByTestId('returns-summary', undefined, { timeout: 10_000 });
    await waitFor(() => expect(summary).toHaveTextContent('5 of 45 units returned (11.1%)'));
    expect(summary).not.toHaveTextContent('too few');
  });
});

describe('readiness feedback from returns', () => {
  it('asks for fit advice on a product returned for size far above the deck, linking to its size chart; colour returns ask for a note', async () => {
    const s = await withSample();
    const deckId = (await s.db.decks.toArray())[0].id;
    const line = (orderId: string, sku: string): OrderLine => ({ ...sampleOrders().orders[0], key: `tiktok:${orderId}:${sku}`, orderId, sku, lineKey: sku, quantity: 1 });
    const ret = (o: OrderLine, reason: ReturnLine['reason']): ReturnLine => ({ ...sampleOrders().returns[0], key: `${o.key}:R`, orderId: o.orderId, lineKey: o.lineKey, sku: o.sku, reason });
    const hoodies = Array.from({ length: 20 }, (_, i) => line(`H${i}`, 'DEMO-HOODIE-01-M'));
    const covers = Array.from({ length: 40 }, (_, i) => line(`C${i}`, 'DEMO-COVER-60'));
    await orderLinesOf(s.db).bulkPut([...hoodies, ...covers]);
    await returnLinesOf(s.db).bulkPut([...hoodies.slice(0, 12).map((o) => ret(o, 'size_fit')), ...covers.slice(0, 10).map((o, i) => ret(o, i < 3 ? 'colour_look' : 'changed_mind'))]);
    s.renderAt(`#/deck/${deckId}`, i18n);
    const region = await screen.findByRole('region', { name: 'Ready to go live?' });
    const size = await within(region).findByText(/size\/fit returns .*× the deck’s average: add fit advice or check the size chart/);
    expect(size.closest('li')).toHaveAttribute('data-code', 'returns-size-fit');
    expect(within(size.closest('li')!).getByRole('link', { name: /^Fix/ })).toHaveAttribute('href', '#/card/demo-card-hoodie?field=sizeChart');
    const colour = within(region).getByText(/often for colour or look: add a note on colour accuracy/);
    expect(within(colour.closest('li')!).getByRole('link', { name: /^Fix/ })).toHaveAttribute('href', '#/card/demo-card-cushion-cover?field=notes');
  });
});

describe('charts', () => {
  it('are one labelled image each, with no ARIA labels left on plain groups', async () => {
    const { asImage } = await import('../../components/studio/returns/Charts');
    const Plot = await import('@observablehq/plot');
    const el = asImage(Plot.plot({ ariaLabel: 'Rates', color: { legend: true }, marks: [Plot.barY([{ x: 'a', y: 1 }], { x: 'x', y: 'y', fill: 'x' }), Plot.ruleY([0])] }));
    const svg = el.querySelector('svg[aria-label="Rates"]')!;
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg.querySelectorAll('g[aria-label]')).toHaveLength(0);
    const swatches = [...el.querySelectorAll('svg')].filter((s) => s !== svg);
    expect(swatches.length).toBeGreaterThan(0);
    for (const s of swatches) expect(s).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('reason mix chart', () => {
  it('draws the products with the most units returned, says how many of how many, and leaves the rest to the table', async () => {
    const { default: Charts, MIX_PRODUCTS } = await import('../../components/studio/returns/Charts');
    const tally = (ordered: number, returned: number) => ({ orders: ordered, lines: ordered, ordered, returned, reasons: returned ? { size_fit: returned } : {}, small: false });
    // 25 products returned 1…25 times, and one never returned.
    const product = [...Array.from({ length: 25 }, (_, i) => ({ key: `P-${String(i + 1).padStart(2, '0')}`, ...tally(40, i + 1) })), { key: 'P-NONE', ...tally(40, 0) }];
    const analysis = { groups: { product, mustSay: [], host: [], show: [], category: [], market: [] }, weekly: [], total: tally(1040, 325) } as unknown as Analysis;
    render(
      <I18nextProvider i18n={i18n}>
        <Charts analysis={analysis} />
      </I18nextProvider>,
    );
    const figure = screen.getByRole('figure', { name: `Reason mix of the ${MIX_PRODUCTS} products with the most units returned (of 25)` });
    const svg = await waitFor(() => within(figure).getByRole('img'));
    const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain('P-25');
    expect(labels).toContain('P-06');
    expect(labels).not.toContain('P-05');
    expect(labels).not.toContain('P-NONE');
  });
});
