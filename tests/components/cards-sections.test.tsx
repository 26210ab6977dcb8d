import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CardImage } from '../../components/sidebar/CardImage';
import { ScaleView } from '../../components/sidebar/ScaleView';
import { SizeChartView } from '../../components/sidebar/SizeChartView';
import { demoBundle } from '../../lib/demo/deck';
import type { Card, SizeChart } from '../../lib/schema/card';
import { NOW, renderWithI18n } from './cards-render';

const demo = demoBundle(NOW);
const hoodieChart = demo.cards[0].sizeChart!;
const lang = { language: 'en', fallbacks: ['en', 'zh-CN'] };
const GERMAN = 'Rindsledernackenrollenkantenverstärkungen'; // 40 characters, one word
const CHINESE = '超'.repeat(40);
const rowOf = (size: string) => screen.getByRole('button', { name: `Size ${size}` }).closest('tr')!;

describe('SizeChartView', () => {
  it('converts to inches exactly, with the unit in every header', async () => {
    await renderWithI18n(<SizeChartView chart={hoodieChart} unit="in" row={undefined} {...lang} />);
    const headers = screen.getAllByRole('columnheader').slice(1);
    expect(headers.map((h) => h.textContent)).toEqual(['Chest (in)', 'Length (in)', 'Sleeve (in)']);
    const s = rowOf('S');
    expect(within(s).getAllByRole('cell').map((c) => c.textContent)).toEqual(['44.1', '26.8', '22.8']);
  });

  it('shows centimetres as given and highlights the row being talked about', async () => {
    const rows: number[] = [];
    await renderWithI18n(<SizeChartView chart={hoodieChart} unit="cm" row={1} onRow={(r) => rows.push(r)} {...lang} />);
    expect(screen.getAllByRole('columnheader')[1].textContent).toBe('Chest (cm)');
    const m = rowOf('M');
    expect(m).toHaveAttribute('aria-current', 'true');
    expect(m).toHaveClass('highlight');
    expect(within(m).getAllByRole('cell')[0].textContent).toBe('118');
    await userEvent.click(screen.getByRole('button', { name: 'Size XL' }));
    expect(rows).toEqual([3]);
  });

  it('shows fit advice, brand equivalents, feedback and the model in the host’s unit', async () => {
    await renderWithI18n(<SizeChartView chart={hoodieChart} unit="in" row={undefined} {...lang} />);
    expect(screen.getByText('Runs large: if you usually wear L, take M.')).toBeInTheDocument();
    expect(screen.getByText('Your usual Uniqlo L → our M')).toBeInTheDocument();
    expect(screen.getByText('58% true to size, 7% small, 35% large (240 orders)')).toBeInTheDocument();
    expect(screen.getByText(/Model is 5 ft 7 in and wears S/)).toBeInTheDocument();
  });

  it('hides fit feedback below the minimum sample, saying why', async () => {
    const chart: SizeChart = { ...hoodieChart, fitFeedback: { trueToSize: 90, runsSmall: 5, runsLarge: 5, sampleSize: 12 } };
    await renderWithI18n(<SizeChartView chart={chart} unit="cm" row={undefined} {...lang} />);
    expect(screen.queryByText(/90% true to size/)).toBeNull();
    expect(screen.getByText('Fit feedback hidden: 12 orders, fewer than 20.')).toBeInTheDocument();
  });

  it('copes with zero sizes, one measurement, missing values and 40-character words', async () => {
    const chart: SizeChart = {
      unit: 'cm',
      measurements: [{ id: 'w', label: { en: GERMAN, 'zh-CN': CHINESE } }],
      rows: [
        { size: '0', values: { w: 0 } },
        { size: 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', values: { w: null } },
      ],
    };
    await renderWithI18n(<SizeChartView chart={chart} unit="in" row={0} {...lang} />);
    expect(screen.getAllByRole('columnheader')[1].textContent).toBe(`${GERMAN} (in)`);
    expect(within(rowOf('0')).getByRole('cell').textContent).toBe('0');
    expect(screen.getByText('missing')).toBeInTheDocument();
  });

  it('renders Chinese labels and says when there are no rows', async () => {
    const chart = { ...hoodieChart, measurements: [{ id: 'w', label: { 'zh-CN': CHINESE } }], rows: [] } as SizeChart;
    await renderWithI18n(<SizeChartView chart={chart} unit="cm" row={undefined} language="zh-CN" fallbacks={['zh-CN']} />, 'zh-CN');
    expect(screen.getByText('尺码表中没有尺码。')).toBeInTheDocument();
  });
});

const card = (over: Partial<Card>): Card => ({ ...demo.cards[1], ...over });

describe('ScaleView', () => {
  it('draws the product beside the chosen reference, to scale, on one baseline', async () => {
    const { container } = await renderWithI18n(<ScaleView card={demo.cards[1]} unit="cm" refIndex={0} />);
    expect(screen.getByText('60 × 10 × 60 cm · Weight 180 g')).toBeInTheDocument();
    expect(screen.getByText('About as tall as two A4 sheets, about as wide as three A4 sheets.')).toBeInTheDocument();
    const product = container.querySelector('rect.product-shape')!;
    const ref = container.querySelector('.ref-shape')!;
    const h = (el: Element) => Number(el.getAttribute('height'));
    const bottom = (el: Element) => Number(el.getAttribute('y')) + h(el);
    expect(h(product) / h(ref)).toBeCloseTo(600 / 297, 6);
    expect(bottom(product)).toBeCloseTo(bottom(ref), 6);
    expect(screen.getByRole('img', { name: 'This product beside A4 sheet, drawn to scale' })).toBeInTheDocument();
    // The markup is React elements: no script, no foreign markup injected.
    expect(container.querySelector('svg script, svg foreignObject')).toBeNull();
  });

  it('switches between the card’s references, custom ones included', async () => {
    const { container } = await renderWithI18n(<ScaleView card={demo.cards[1]} unit="in" refIndex={1} />);
    expect(screen.getByRole('button', { name: 'a 45 cm cushion' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('23.6 × 3.9 × 23.6 in · Weight 6.3 oz')).toBeInTheDocument();
    expect(container.querySelector('.ref-shape')?.tagName.toLowerCase()).toBe('rect');
  });

  it('suggests the closest reference when none was chosen', async () => {
    await renderWithI18n(<ScaleView card={card({ scaleRefs: [], dimensions: { lengthMm: 70, widthMm: 8, heightMm: 150 } })} unit="cm" refIndex={0} />);
    expect(screen.getByText('Suggested (closest in size)')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /beside Smartphone/ })).toBeInTheDocument();
  });

  it('keeps huge products drawable and points at a reference too small to see', async () => {
    await renderWithI18n(<ScaleView card={card({ scaleRefs: [{ catalogueId: 'bank-card' }], dimensions: { lengthMm: 40_000, heightMm: 12_000 } })} unit="cm" refIndex={0} />);
    expect(screen.getByText('40 × 12 m')).toBeInTheDocument();
    expect(screen.getByText('Bank card is too small to see at this scale.')).toBeInTheDocument();
  });

  it('says what is missing with one dimension or none', async () => {
    const { unmount } = await renderWithI18n(<ScaleView card={card({ dimensions: { heightMm: 300 } })} unit="cm" refIndex={0} />);
    expect(screen.getByText('Drawing needs two dimensions.')).toBeInTheDocument();
    expect(screen.getByText('About as tall as an A4 sheet.')).toBeInTheDocument();
    unmount();
    await renderWithI18n(<ScaleView card={card({ dimensions: {}, scaleRefs: [] })} unit="cm" refIndex={0} />);
    expect(screen.getByText('No dimensions given.')).toBeInTheDocument();
  });

  it('hides a custom reference’s broken photo', async () => {
    const c = card({ scaleRefs: [{ custom: { name: 'a mug', widthMm: 80, heightMm: 95, photo: 'https://example.invalid/mug.png' } }] });
    const { container } = await renderWithI18n(<ScaleView card={c} unit="cm" refIndex={0} />);
    const img = container.querySelector('img.ref-photo') as HTMLImageElement;
    act(() => void fireEvent.error(img));
    expect(img.hidden).toBe(true);
  });

  it('speaks Chinese', async () => {
    await renderWithI18n(<ScaleView card={demo.cards[1]} unit="cm" refIndex={0} />, 'zh-CN');
    expect(screen.getByText('大约有两张 A4 纸那么高，大约有三张 A4 纸那么宽。')).toBeInTheDocument();
  });
});

describe('CardImage', () => {
  it('falls back when the photo breaks, and when there is none', async () => {
    const { container, unmount } = await renderWithI18n(<CardImage src="https://cdn.invalid/x.jpg" alt="Hoodie" />);
    act(() => void fireEvent.error(screen.getByRole('img', { name: 'Hoodie' })));
    expect(screen.getByRole('img', { name: 'Photo did not load' })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    unmount();
    await renderWithI18n(<CardImage src={undefined} alt="Hoodie" />);
    expect(screen.getByRole('img', { name: 'No photo' })).toBeInTheDocument();
  });
});
