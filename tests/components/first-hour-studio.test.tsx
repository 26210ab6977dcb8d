import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBundle } from '../../lib/demo/deck';
import { createI18n } from '../../lib/i18n';
import { Card } from '../../lib/schema/card';
import { NOW, setupStudio } from './studio-harness';

/** The producer's first hour (issue 21, points 7–12): each test drives what a new producer met. */
let en: I18n;
let zh: I18n;
beforeAll(async () => {
  en = await createI18n('en');
  zh = await createI18n('zh-CN');
});

const LABELABLE = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'METER', 'OUTPUT', 'PROGRESS']);

/** Every <label for> names an element that exists and can be labelled; every other label wraps a control. */
function unresolvedLabels(root: HTMLElement): string[] {
  return [...root.querySelectorAll('label')].flatMap((label) => {
    const id = label.getAttribute('for');
    if (id === null) return label.querySelector('input, select, textarea, button') ? [] : [`no control: ${label.textContent}`];
    const target = root.ownerDocument.getElementById(id);
    return target && LABELABLE.has(target.tagName) ? [] : [`"${label.textContent}" → #${id}`];
  });
}

async function seedDemo() {
  const s = setupStudio();
  await s.repo.putDeckBundle(demoBundle(NOW));
  return s;
}

describe('every form label is tied to its control', () => {
  it('on the deck editor, the card editor and the product list', async () => {
    const s = await seedDemo();
    const deck = demoBundle(NOW).deck;
    const view = s.renderAt(`#/deck/${deck.id}`, en);
    await screen.findByRole('heading', { name: /Ready to go live/ });
    // The label the issue found pointing at a wrong id.
    expect(screen.getByLabelText('Default return policy').tagName).toBe('SELECT');
    expect(unresolvedLabels(view.container)).toEqual([]);
    view.unmount();

    const card = s.renderAt(`#/card/${deck.cardIds[0]}`, en);
    await screen.findByRole('heading', { name: /Product/ });
    expect(unresolvedLabels(card.container)).toEqual([]);
    card.unmount();

    const list = s.renderAt('#/products', en);
    await screen.findByRole('heading', { name: 'Products' });
    expect(unresolvedLabels(list.container)).toEqual([]);
    list.unmount();

    for (const [hash, heading] of [['#/import', 'Import'], ['#/trash', /Trash/]] as const) {
      const view = s.renderAt(hash, en);
      await screen.findByRole('heading', { name: heading });
      expect(unresolvedLabels(view.container), hash).toEqual([]);
      view.unmount();
    }
  });
});

describe('the return-policy template follows the deck market', () => {
  it('switches as soon as the market changes, until the producer picks one', async () => {
    const s = await seedDemo();
    const deck = demoBundle(NOW).deck;
    s.renderAt(`#/deck/${deck.id}`, en);
    const template = (await screen.findByLabelText('Start from')) as HTMLSelectElement;
    const market = screen.getByLabelText('Market');
    fireEvent.change(market, { target: { value: 'US' } });
    expect(template.value).toBe('us');
    fireEvent.change(market, { target: { value: 'CN' } });
    expect(template.value).toBe('cn');
    fireEvent.change(template, { target: { value: 'seller' } });
    expect(template.value).toBe('seller');
    fireEvent.change(market, { target: { value: 'GB' } });
    expect(template.value).toBe('uk');
  });
});

describe('language codes are never shown raw', () => {
  it('names a missing language in the interface language', async () => {
    const s = setupStudio();
    await s.library.saveCard(Card.parse({ id: 'mug', sku: 'MUG', name: { 'zh-CN': '杯子' }, category: 'home', updatedAt: NOW }), NOW);
    await s.library.saveDeck({ id: 'd', name: '周五', cardIds: ['mug'], market: 'CN', languages: ['zh-CN', 'es'], updatedAt: NOW }, NOW);
    s.renderAt('#/deck/d', zh);
    const region = await screen.findByRole('region', { name: /可以开播了吗/ });
    expect(within(region).getByText(/名称缺少西班牙语版本/)).toBeInTheDocument();
    expect(region.textContent).not.toMatch(/\bes\b/);
  });
});

const goTo = async (hash: string) => {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
};

describe('drafts in the product list (point 7)', () => {
  it('lists a new product that never became valid, marked, with every problem at once — the duplicate SKU too', async () => {
    const s = await seedDemo();
    s.renderAt('#/card/new-1', en);
    // A SKU the demo hoodie already has, and no name: two problems, reported together.
    fireEvent.change(await screen.findByLabelText('SKU'), { target: { value: 'DEMO-HOODIE-01' } });
    const status = await screen.findByText(/^Draft saved: fix 2 problems/);
    expect(status.textContent).not.toMatch(/fix 0/);
    expect(screen.getByText('Another product already has this SKU.')).toBeInTheDocument();

    await goTo('#/products');
    const row = await screen.findByRole('row', { name: /DEMO-HOODIE-01.*Draft/ });
    expect(row).toHaveAttribute('data-draft', 'true');
    expect(within(row).getByRole('link', { name: 'SKU: Another product already has this SKU.' })).toHaveAttribute('href', '#/card/new-1?field=name');
    expect(within(row).getByRole('link', { name: /^Name \(English\): |^Name: / })).toBeInTheDocument();
    expect(screen.getByText('Showing 4 of 4 products')).toBeInTheDocument();
  });

  it('never says "fix 0 problems" for a valid draft whose only fault was a SKU clash now gone', async () => {
    const s = await seedDemo();
    const value = { id: 'x', sku: 'NEW-1', name: { en: 'New' }, category: 'other', scaleRefs: [], caveats: [], notes: [], updatedAt: 0 };
    await s.call('draft.save', { cardId: 'x', value });
    s.renderAt('#/card/x', en);
    expect(await screen.findByText('Draft kept: it is saved as the product at your next change.')).toBeInTheDocument();
    expect(screen.queryByText(/fix 0/)).toBeNull();
  });
});

describe('New product from a deck, and the decks a product is in (point 8)', () => {
  it('creates the product in that deck, and the editor shows and edits its decks', async () => {
    const s = await seedDemo();
    const deck = demoBundle(NOW).deck;
    await s.library.saveDeck({ id: 'other', name: 'Friday', cardIds: [], market: 'EU', languages: ['en'], updatedAt: NOW }, NOW);
    s.renderAt(`#/deck/${deck.id}`, en);
    fireEvent.click(await screen.findByRole('button', { name: '+ New product in this deck' }));
    expect(location.hash).toMatch(new RegExp(`^#/card/[^?]+\\?deck=${deck.id}$`));
    const decks = await screen.findByRole('group', { name: 'In decks' });
    expect(within(decks).getByRole('checkbox', { name: deck.name })).toBeChecked();
    expect(within(decks).getByRole('checkbox', { name: 'Friday' })).not.toBeChecked();

    fireEvent.change(screen.getByLabelText('SKU'), { target: { value: 'TEE-NEW' } });
    fireEvent.change(screen.getByLabelText('Name (English)'), { target: { value: 'New tee' } });
    await screen.findByText('✓ Saved');
    const id = (await s.library.listDecks()).find((d) => d.id === deck.id)!.cardIds.at(-1)!;
    expect((await s.library.getCard(id)).card?.sku).toBe('TEE-NEW');

    // Edit its decks from the editor: join Friday, leave the demo deck.
    fireEvent.click(within(decks).getByRole('checkbox', { name: 'Friday' }));
    await waitFor(async () => expect((await s.library.listDecks()).find((d) => d.id === 'other')!.cardIds).toEqual([id]));
    fireEvent.click(within(decks).getByRole('checkbox', { name: deck.name }));
    await waitFor(async () => expect((await s.library.listDecks()).find((d) => d.id === deck.id)!.cardIds).not.toContain(id));
    await waitFor(() => expect(within(decks).getByRole('checkbox', { name: deck.name })).not.toBeChecked());
  });

  it('two products saved into the same deck at once both join it', async () => {
    const s = await seedDemo();
    const deck = demoBundle(NOW).deck;
    const card = (id: string) => ({ ...Card.parse({ id, sku: id, name: { en: id }, category: 'other', updatedAt: NOW }) });
    await Promise.all(['A-1', 'A-2', 'A-3'].map((id) => s.call('card.save', { card: card(id), addToDecks: [deck.id] })));
    const saved = (await s.library.listDecks()).find((d) => d.id === deck.id)!;
    expect(saved.cardIds.slice(3).sort()).toEqual(['A-1', 'A-2', 'A-3']);
  });
});

describe('a problem link lands on a field that says what is wrong (point 9)', () => {
  it('for a product outside any deck, and for every Fix link of a deck', async () => {
    const s = setupStudio();
    // No deck, no policy, no image: the product list says "N problems".
    await s.library.saveCard(Card.parse({ id: 'lone', sku: 'LONE', name: { en: 'Lone mug' }, category: 'home', updatedAt: NOW }), NOW);
    await s.library.saveCard(Card.parse({ id: 'tee', sku: 'TEE', name: { en: 'Tee' }, category: 'apparel', notes: [{ id: 'n', kind: 'material', text: { en: 'Cotton' } }], updatedAt: NOW }), NOW);
    await s.library.saveDeck({ id: 'd', name: 'Friday', cardIds: ['tee'], market: 'EU', languages: ['en', 'es'], linkNumbers: { tee: 1 }, updatedAt: NOW }, NOW);
    const view = s.renderAt('#/products', en);
    const row = await screen.findByRole('row', { name: /LONE/ });
    const links = [within(row).getByRole('link', { name: /problems?$/ }).getAttribute('href')!];
    view.unmount();
    const deckView = s.renderAt('#/deck/d', en);
    const region = await screen.findByRole('region', { name: 'Ready to go live?' });
    links.push(...within(region).getAllByRole('link', { name: /^Fix/ }).map((a) => a.getAttribute('href')!));
    const messages = [...region.querySelectorAll('li')].map((li) => li.querySelector('span:not(.problem-card)')!.textContent!);
    deckView.unmount();
    expect(links.length).toBeGreaterThan(4);

    for (const [i, href] of links.entries()) {
      const page = s.renderAt(href, en);
      const field = new URLSearchParams(href.split('?')[1]).get('field')!;
      const section = await waitFor(() => {
        const el = document.getElementById(`section-${field}`) ?? document.getElementById('deck-default-policy')?.closest('section');
        const said = el?.querySelector('.field-problems, .field-error');
        if (!said) throw new Error(`no message at ${href}`);
        return el!;
      });
      if (i > 0) expect(section.textContent, href).toContain(messages[i - 1]);
      page.unmount();
    }
  });
});

describe('hand cards (point 10)', () => {
  it('are labelled in the deck’s first language, units included, whatever the producer’s interface language', async () => {
    const s = await seedDemo();
    const deck = demoBundle(NOW).deck;
    await s.library.saveDeck({ ...deck, languages: ['zh-CN', 'en'] }, NOW);
    s.renderAt(`#/print/${deck.id}`, en);
    const cards = await screen.findAllByRole('article');
    const hoodie = cards[0];
    // The buttons around the paper stay in the producer's language.
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
    expect(within(hoodie).getAllByText('必须口播').length).toBeGreaterThan(0);
    expect(within(hoodie).getByText('尺码表')).toBeInTheDocument();
    for (const english of ['Must say', 'Size chart', 'Return policy', 'Not suitable if', 'SKU']) expect(hoodie.textContent).not.toContain(english);
    // One language for units: the size chart's header says 厘米, never "cm" beside Chinese words.
    expect(hoodie.querySelector('table')!.textContent).toContain('厘米');
    expect(hoodie.querySelector('table')!.textContent).not.toMatch(/\bcm\b/);
  });
});
