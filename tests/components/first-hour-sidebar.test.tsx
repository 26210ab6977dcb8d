import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CardView } from '../../components/sidebar/CardView';
import { PolicyView } from '../../components/sidebar/PolicyView';
import { RecapDialog } from '../../components/sidebar/RecapDialog';
import { RunSheet } from '../../components/sidebar/RunSheet';
import type { DeckBundle } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { liveSession, NOW, renderIn, renderWithI18n, sidebarFor } from './cards-render';

/** The host's first hour (issue 21, points 4 and 6), in the sidebar. */
const demo = demoBundle(NOW);
const [hoodie, cover, serum] = demo.cards;

function withLinks(linkNumbers: Record<string, number>): DeckBundle {
  return { ...demo, deck: { ...demo.deck, linkNumbers } };
}

describe('link numbers', () => {
  it('shows each product’s platform link number on the run sheet and the card', async () => {
    const { sidebar } = await sidebarFor(withLinks({ [cover.id]: 7, [serum.id]: 12 }), { live: false });
    await renderIn(
      <>
        <RunSheet />
        <CardView />
      </>,
      sidebar,
    );
    const rows = within(screen.getByRole('navigation')).getAllByRole('button');
    // The hoodie has none set: it is numbered by its place in the run sheet.
    expect(rows.map((r) => r.querySelector('.run-link .sr-only')?.textContent)).toEqual(['Link 1', 'Link 7', 'Link 12']);
    expect(screen.getByText('Link 1', { selector: '.card-link' })).toBeInTheDocument();
    await userEvent.click(rows[2]);
    expect(screen.getByText('Link 12', { selector: '.card-link' })).toBeInTheDocument();
  });

  it('finds a product by the link number the host says: "12", "7号", "link 7", "12号链接"', async () => {
    const { sidebar } = await sidebarFor(withLinks({ [hoodie.id]: 3, [cover.id]: 7, [serum.id]: 12 }), { live: false });
    await renderIn(<RunSheet />, sidebar);
    const search = screen.getByRole('searchbox', { name: 'Search name, SKU or link number' });
    for (const [query, index] of [['12', 2], ['7号', 1], ['link 3', 0], ['12号链接', 2], ['＃7', 1]] as const) {
      await userEvent.clear(search);
      await userEvent.type(search, query);
      const first = within(screen.getByRole('navigation')).getAllByRole('listitem')[0];
      expect(first).toHaveAttribute('data-index', String(index));
      await userEvent.keyboard('{Enter}');
      expect(sidebar.store.getState().index).toBe(index);
      search.focus();
    }
  });
});

describe('one rule for untranslated text (point 4)', () => {
  const sealed = demo.policies.find((p) => p.exceptions)!;

  it('marks the condition and exceptions shown in the deck’s first language inside a Spanish policy sentence', async () => {
    const { container } = await renderWithI18n(<PolicyView policy={sealed} source="deck" language="es" fallbacks={['en', 'zh-CN']} />);
    const marked = [...container.querySelectorAll('.policy-summary [data-fallback]')];
    expect(marked.map((el) => el.getAttribute('lang'))).toEqual(['en', 'en']);
    for (const el of marked) expect(within(el as HTMLElement).getByText('not translated')).toBeInTheDocument();
    expect(marked[0].textContent).toContain('Seal unbroken');
    // The generated sentences are Spanish: not marked.
    expect(container.querySelector('.policy-summary')!.getAttribute('lang')).toBe('es');
  });

  it('follows the deck’s order of languages: the first one that has the text, never any language', async () => {
    const policy = { ...sealed, condition: { 'zh-CN': '封口未拆', en: 'Seal unbroken' } };
    const { container } = await renderWithI18n(<PolicyView policy={policy} source="deck" language="es" fallbacks={['zh-CN', 'en']} />);
    expect(container.querySelector('.policy-summary [data-fallback]')!.textContent).toContain('封口未拆');
  });

  it('marks them in the end-of-show recap too', async () => {
    const bundle = { ...demo, deck: { ...demo.deck, languages: ['en', 'es'] } };
    const { sidebar } = await sidebarFor(bundle, { session: liveSession(bundle, { language: 'es' }) });
    const { container } = await renderIn(<RecapDialog />, sidebar);
    expect(container.querySelectorAll('.policy-summary [data-fallback="true"]').length).toBeGreaterThan(0);
    expect(screen.getAllByText('not translated').length).toBeGreaterThan(0);
  });
});

describe('the run sheet follows the same rule', () => {
  it('shows names in the viewer language, a missing one in the deck’s first language marked', async () => {
    const bundle: DeckBundle = {
      ...demo,
      deck: { ...demo.deck, languages: ['en', 'es'] },
      cards: [{ ...hoodie, name: { en: 'Hoodie', es: 'Sudadera' } }, cover, serum],
    };
    const { sidebar } = await sidebarFor(bundle, { session: liveSession(bundle, { language: 'es' }) });
    await renderIn(<RunSheet />, sidebar);
    const rows = within(screen.getByRole('navigation')).getAllByRole('button');
    expect(rows[0]).toHaveTextContent('Sudadera');
    expect(within(rows[0]).queryByText('not translated')).toBeNull();
    expect(within(rows[1]).getByText('not translated')).toBeInTheDocument();
    expect(rows[1].querySelector('.run-name')).toHaveAttribute('lang', 'en');
  });
});
