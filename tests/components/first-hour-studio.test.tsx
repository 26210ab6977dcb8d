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
    await s.catalogue.saveCard(Card.parse({ id: 'mug', sku: 'MUG', name: { 'zh-CN': '杯子' }, category: 'home', updatedAt: NOW }), NOW);
    await s.catalogue.saveDeck({ id: 'd', name: '周五', cardIds: ['mug'], market: 'CN', languages: ['zh-CN', 'es'], updatedAt: NOW }, NOW);
    s.renderAt('#/deck/d', zh);
    const region = await screen.findByRole('region', { name: /可以开播了吗/ });
    expect(within(region).getByText(/名称缺少西班牙语版本/)).toBeInTheDocument();
    expect(region.textContent).not.toMatch(/\bes\b/);
  });
});
