import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudioApp } from '../../components/studio/StudioApp';
import { SECTIONS, sectionOf } from '../../components/studio/shell/sections';
import { sortRows } from '../../components/studio/shell/sortable';
import { demoBundle } from '../../lib/demo/deck';
import { createI18n } from '../../lib/i18n';
import { NOW, setupStudio } from './studio-harness';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

const demo = demoBundle(NOW);
const LABELS = ['Products', 'Decks', 'Import', 'Translations', 'Sessions & logs', 'Rehearsals', 'Trash (0)', 'Returns', 'Settings'];

async function openStudio(hash: string) {
  const s = setupStudio();
  await s.repo.putDeckBundle(demo);
  history.replaceState(null, '', `${location.pathname}${hash}`);
  render(
    <I18nextProvider i18n={i18n}>
      <StudioApp call={s.call} onChanged={s.onChanged} confirm={() => true} />
    </I18nextProvider>,
  );
  await screen.findByRole('navigation', { name: 'Studio sections' });
  return s;
}

const nav = () => screen.getByRole('navigation', { name: 'Studio sections' });
const current = () => within(nav()).getAllByRole('link').filter((a) => a.getAttribute('aria-current') === 'page');
const main = () => screen.getByRole('main');

describe('the studio shell', () => {
  it('has a navigation landmark with one link per section, the current one marked', async () => {
    await openStudio('#/products');
    expect(within(nav()).getAllByRole('link').map((a) => a.textContent)).toEqual(LABELS);
    expect(current().map((a) => a.textContent)).toEqual(['Products']);
    expect(await within(main()).findByRole('heading', { level: 2, name: 'Products' })).toBeInTheDocument();
  });

  it('gives each section its own route, a heading, and focus on that heading when moved to', async () => {
    await openStudio('#/products');
    const user = userEvent.setup();
    for (const section of SECTIONS.slice(1)) {
      const link = within(nav()).getByRole('link', { name: new RegExp(`^${i18n.t(`nav.${section.id}`, { count: 0 }).replace(/[()]/g, '\\$&')}$`) });
      await user.click(link);
      await waitFor(() => expect(location.hash).toBe(`#/${section.id}`));
      await waitFor(() => expect(link).toHaveAttribute('aria-current', 'page'));
      expect(current()).toHaveLength(1);
      const heading = await waitFor(() => {
        const h = main().querySelector('h2');
        expect(h).not.toBeNull();
        return h!;
      });
      await waitFor(() => expect(document.activeElement).toBe(heading));
    }
  });

  it('opens deep links inside their section', async () => {
    await openStudio(`#/deck/${encodeURIComponent(demo.deck.id)}`);
    expect(await within(main()).findByRole('heading', { level: 2, name: demo.deck.name })).toBeInTheDocument();
    expect(current().map((a) => a.textContent)).toEqual(['Decks']);
  });

  it('sends an address that names nothing to a section, without adding to history', async () => {
    const before = history.length;
    await openStudio('#/no-such-place');
    await waitFor(() => expect(location.hash).toBe('#/products'));
    expect(history.length).toBe(before);
    expect(current().map((a) => a.textContent)).toEqual(['Products']);
    expect(await within(main()).findByRole('heading', { level: 2, name: 'Products' })).toBeInTheDocument();
  });

  it('sends an editor address without its id to the list it belongs to', async () => {
    await openStudio('#/deck');
    await waitFor(() => expect(location.hash).toBe('#/decks'));
    expect(await within(main()).findByRole('heading', { level: 2, name: 'Decks' })).toBeInTheDocument();
  });

  it('sorts the products table by a header, both ways, and says so with aria-sort', async () => {
    await openStudio('#/products');
    const table = await screen.findByRole('table');
    const skus = () => within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-sku'));
    const sorted = [...demo.cards.map((c) => c.sku)].sort();
    const header = within(table).getByRole('columnheader', { name: /SKU/ });
    expect(header).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(within(header).getByRole('button', { name: /SKU/ }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(skus()).toEqual(sorted);
    await userEvent.click(within(header).getByRole('button', { name: /SKU/ }));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(skus()).toEqual([...sorted].reverse());
  });
});

describe('sections and sorting', () => {
  it('finds the section of a route by its id or by a view inside it', () => {
    expect(sectionOf('card')?.id).toBe('products');
    expect(sectionOf('print')?.id).toBe('decks');
    expect(sectionOf('sessions')?.id).toBe('sessions');
    expect(sectionOf('nowhere')).toBeUndefined();
    expect(new Set(SECTIONS.map((s) => s.id)).size).toBe(SECTIONS.length);
  });

  it('sorts numbers inside text by value and puts rows without a value last, both ways', () => {
    const rows = [{ v: 'TEE-10' }, { v: undefined }, { v: 'TEE-9' }, { v: 'tee-1' }];
    expect(sortRows(rows, (r) => r.v, 'ascending', 'en').map((r) => r.v)).toEqual(['tee-1', 'TEE-9', 'TEE-10', undefined]);
    expect(sortRows(rows, (r) => r.v, 'descending', 'en').map((r) => r.v)).toEqual(['TEE-10', 'TEE-9', 'tee-1', undefined]);
    expect(sortRows([{ v: 10 }, { v: 9 }], (r) => r.v, 'ascending', 'en').map((r) => r.v)).toEqual([9, 10]);
  });
});
