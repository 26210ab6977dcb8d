import * as Plot from '@observablehq/plot';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { returnRate, type Analysis } from '../../../lib/returns/analysis';
import { ReasonKey } from '../../../lib/returns/types';

/**
 * The analysis's three charts (loaded on demand, ReturnsAnalysis.tsx): reason mix per product,
 * return rate by must-say status, weekly trend. Observable Plot draws SVG, which screen readers
 * read; each figure also names the table below it that holds the same numbers.
 */
/** Products in the reason-mix chart, those with the most units returned. */
export const MIX_PRODUCTS = 20;

// Drawn again only for a new analysis (or language): not on every change of the view around them.
export default memo(Charts);

function Charts({ analysis }: { analysis: Analysis }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const reasonLabel = (r: string) => t(`returnsLoop.reason.${r}`);

  // The products that came back most: a bar per product of a 300-product deck would be a chart
  // nobody reads (and slow to draw); every product is in the table.
  const returnedProducts = analysis.groups.product.filter((g) => g.returned > 0);
  const top = returnedProducts
    .slice()
    .sort((a, b) => b.returned - a.returned || a.key.localeCompare(b.key))
    .slice(0, MIX_PRODUCTS);
  const mix = top.flatMap((g) => ReasonKey.options.filter((r) => (g.reasons[r] ?? 0) > 0).map((r) => ({ sku: g.key, reason: reasonLabel(r), units: g.reasons[r]! })));
  const statuses = analysis.groups.mustSay
    .filter((g) => g.ordered > 0)
    .map((g) => ({ status: t(`returnsLoop.mustSay.${g.key}`), rate: returnRate(g) ?? 0, label: `${g.returned}/${g.ordered}`, small: g.small }));
  const weeks = analysis.weekly.map((w) => ({ week: new Date(`${w.week}T00:00:00Z`), rate: returnRate(w) ?? 0, label: `${w.returned}/${w.ordered}` }));

  return (
    <div className="returns-charts">
      <Figure
        id="chart-mix"
        caption={returnedProducts.length > top.length ? t('returnsLoop.chartMixTop', { count: top.length, total: returnedProducts.length }) : t('returnsLoop.chartMix')}
        table="product"
        empty={mix.length === 0}
        plot={() =>
          Plot.plot({
            ariaLabel: t('returnsLoop.chartMix'),
            ariaDescription: t('returnsLoop.chartAlt'),
            marginLeft: 120,
            height: 40 + 28 * top.length,
            x: { label: t('returnsLoop.unitsReturned'), grid: true },
            y: { label: null, domain: top.map((g) => g.key) },
            color: { legend: true, domain: ReasonKey.options.map(reasonLabel), scheme: 'tableau10' },
            marks: [Plot.barX(mix, Plot.stackX({ y: 'sku', x: 'units', fill: 'reason', tip: true })), Plot.ruleX([0])],
          })
        }
      />
      <Figure
        id="chart-must-say"
        caption={t('returnsLoop.chartMustSay')}
        table="mustSay"
        empty={statuses.length === 0}
        plot={() =>
          Plot.plot({
            ariaLabel: t('returnsLoop.chartMustSay'),
            ariaDescription: t('returnsLoop.chartAlt'),
            y: { label: t('returnsLoop.returnRate'), tickFormat: (v: number) => percent.format(v), grid: true },
            x: { label: null },
            marks: [
              // Small samples are drawn faint: their bar is noise, their label gives the counts.
              Plot.barY(statuses, { x: 'status', y: 'rate', fill: 'steelblue', fillOpacity: (d: { small: boolean }) => (d.small ? 0.35 : 1) }),
              Plot.text(statuses, { x: 'status', y: 'rate', text: 'label', dy: -8 }),
              Plot.ruleY([0]),
            ],
          })
        }
      />
      <Figure
        id="chart-weekly"
        caption={t('returnsLoop.chartWeekly')}
        table="week"
        empty={weeks.length === 0}
        plot={() =>
          Plot.plot({
            ariaLabel: t('returnsLoop.chartWeekly'),
            ariaDescription: t('returnsLoop.chartAlt'),
            y: { label: t('returnsLoop.returnRate'), tickFormat: (v: number) => percent.format(v), grid: true },
            x: { label: t('returnsLoop.weekOf'), type: 'utc' },
            marks: [Plot.lineY(weeks, { x: 'week', y: 'rate' }), Plot.dot(weeks, { x: 'week', y: 'rate', tip: true }), Plot.text(weeks, { x: 'week', y: 'rate', text: 'label', dy: -10 }), Plot.ruleY([0])],
          })
        }
      />
    </div>
  );
}

function Figure({ id, caption, table, empty, plot }: { id: string; caption: string; table: string; empty: boolean; plot: () => Element }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    box.current.replaceChildren(...(empty ? [] : [asImage(plot())]));
  });
  return (
    <figure className="returns-chart" id={id} aria-labelledby={`${id}-caption`} aria-describedby={`${id}-alt`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div ref={box} />
      <p id={`${id}-alt`} className="muted">
        {empty ? t('returnsLoop.noOrders') : t('returnsLoop.seeTable', { table: t(`returnsLoop.dim.${table}`) })}
      </p>
    </figure>
  );
}

/**
 * Plot labels its inner groups ("rule", "tip", "bar") with aria-label on plain <g> elements,
 * which ARIA does not allow there (axe: aria-prohibited-attr) and which say nothing to a
 * listener. The chart is read as one image with its label and description; its numbers are in
 * the table below. The legend's colour swatches are decoration beside their text.
 */
export function asImage(el: Element): Element {
  const charts = el.tagName.toLowerCase() === 'svg' ? [el] : [...el.querySelectorAll('svg[aria-label]')];
  for (const svg of charts) {
    svg.setAttribute('role', 'img');
    for (const g of svg.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
  }
  for (const swatch of el.querySelectorAll('svg:not([role])')) swatch.setAttribute('aria-hidden', 'true');
  return el;
}
