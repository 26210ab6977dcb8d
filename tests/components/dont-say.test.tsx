import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { CardView } from '../../components/sidebar/CardView';
import { SidebarContext } from '../../components/sidebar/context';
import { StageApp } from '../../components/stage/StageApp';
import type { DeckBundle } from '../../lib/schema/deck';
import { demoBundle } from '../../lib/demo/deck';
import { createDontSayControl } from '../../lib/dont-say/control';
import { createI18n } from '../../lib/i18n';
import type { Client } from '../../lib/messaging/client';
import { Card, type DontSay } from '../../lib/schema/card';
import { DEFAULT_STAGE } from '../../lib/stage/settings';
import { host, NOW, sidebarFor } from './cards-render';
import { setupStudio } from './studio-harness';

const WATER: DontSay = { id: 'ds-water', claim: { en: 'waterproof', 'zh-CN': '防水' }, say: { en: 'splash-resistant', 'zh-CN': '防泼溅' } };
const CASHMERE: DontSay = { id: 'ds-cashmere', claim: { en: '100% cashmere' }, say: { en: 'cashmere blend' } };

function withDontSay(items: DontSay[]): DeckBundle {
  const b = demoBundle(NOW);
  return { ...b, cards: b.cards.map((c, i) => (i === 0 ? { ...c, dontSay: items } : c)) };
}

async function renderCard(bundle: DeckBundle, { live = true, language = 'en' } = {}) {
  const { sidebar, call, recorded } = await sidebarFor(bundle, { live });
  let n = 0;
  const dontSay = createDontSayControl({ sidebar: sidebar.store, call: call as unknown as Client, newId: () => `fix-${++n}` });
  const i18n = await createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <SidebarContext.Provider value={{ sidebar, host, dontSay }}>
        <CardView />
      </SidebarContext.Provider>
    </I18nextProvider>,
  );
  return { sidebar, dontSay, recorded, i18n };
}

describe('the don’t-say box in the sidebar', () => {
  it('shows each claim and the wording to say instead in its own box, apart from the red must-say box', async () => {
    await renderCard(withDontSay([WATER, CASHMERE]));
    const box = screen.getByRole('group', { name: /Don't say/ });
    const caveats = screen.getByRole('group', { name: /Not suitable if/ });
    expect(box).not.toBe(caveats);
    expect(caveats).not.toContainElement(box);
    expect(box).toHaveClass('dont-say');
    expect(box).not.toHaveClass('caveats');
    const items = within(box).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-dont-say'))).toEqual(['ds-water', 'ds-cashmere']);
    expect(items[0]).toHaveTextContent('waterproof');
    expect(items[0]).toHaveTextContent('Say instead: splash-resistant');
    // Never listed among the items the digits select or M marks said.
    expect(screen.queryAllByRole('listitem').filter((li) => li.closest('.items') && li.textContent?.includes('waterproof'))).toEqual([]);
  });

  it('labels the box in the interface language and shows the claims in the viewer language', async () => {
    await renderCard(withDontSay([WATER, CASHMERE]), { language: 'zh-CN' });
    const box = screen.getByRole('group', { name: /禁用说法/ });
    // A Chinese interface on the demo deck, whose viewers start in English: the claims stay English.
    expect(box).toHaveTextContent('waterproof');
    expect(box).toHaveTextContent('改为说: splash-resistant');
  });

  it('records a correction with its button, says so, and sends no target', async () => {
    const { recorded } = await renderCard(withDontSay([WATER]));
    const button = screen.getByRole('button', { name: 'Said it, corrected on air' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'C');
    expect(button).toHaveAccessibleDescription(/waterproof/);
    fireEvent.click(button);
    expect(await screen.findByText(/Correction recorded/)).toBeInTheDocument();
    expect(recorded).toEqual([expect.objectContaining({ cardId: 'demo-card-hoodie', item: { kind: 'dontSay', id: 'ds-water' }, action: 'correction', language: 'en' })]);
    expect(recorded[0]).not.toHaveProperty('corrects');
  });

  it('asks which claim when the card has several and C is pressed', async () => {
    const { dontSay, recorded } = await renderCard(withDontSay([WATER, CASHMERE]));
    act(() => void dontSay.actions.press());
    expect(await screen.findByText('Which claim did you correct? Press 1–2, or Esc.')).toBeInTheDocument();
    act(() => void dontSay.actions.choose(0));
    await waitFor(() => expect(recorded).toEqual([expect.objectContaining({ item: { kind: 'dontSay', id: 'ds-water' } })]));
    expect(screen.queryByText(/Which claim/)).toBeNull();
  });

  it('offers no correction before going live', async () => {
    await renderCard(withDontSay([WATER]), { live: false });
    expect(screen.getByRole('group', { name: /Don't say/ })).toHaveTextContent('waterproof');
    expect(screen.queryByRole('button', { name: /corrected on air/ })).toBeNull();
  });
});

describe('the stage view', () => {
  it('never shows don’t-say items, even when told to put one on stage', async () => {
    const bundle = withDontSay([WATER, CASHMERE]);
    const card = bundle.cards[0];
    const i18n = await createI18n('en');
    for (const item of [{ kind: 'dontSay', id: 'ds-water' }, { kind: 'caveat', id: card.caveats[0].id }, undefined]) {
      const state = { sessionId: 's1', deckId: bundle.deck.id, cardId: card.id, ...(item ? { item } : {}), language: 'en', unit: 'cm', settings: DEFAULT_STAGE, since: NOW };
      const call = (async (type: string) => (type === 'stage.get' ? state : type === 'deck.get' ? bundle : undefined)) as unknown as Client;
      const view = render(
        <I18nextProvider i18n={i18n}>
          <StageApp call={call} sessionId="s1" onPush={() => () => undefined} />
        </I18nextProvider>,
      );
      await waitFor(() => expect(view.container.querySelector('.stage-name')).not.toBeNull());
      const text = view.container.textContent ?? '';
      for (const word of ['waterproof', 'splash-resistant', '100% cashmere', 'cashmere blend']) expect(text).not.toContain(word);
      expect(view.container.querySelector('.dont-say, [data-dont-say]')).toBeNull();
      view.unmount();
    }
  });
});

async function studioWith(card: Card, deck: { market: string; languages: string[] }, language: string) {
  const s = setupStudio();
  await s.library.saveCard(card, NOW);
  await s.library.saveDeck({ id: 'd', name: 'Friday', cardIds: [card.id], ...deck, updatedAt: NOW }, NOW);
  const i18n: I18n = await createI18n(language);
  s.renderAt('#/deck/d', i18n);
  const region = await screen.findByRole('region', { name: i18n.t('readiness.title') });
  return { s, i18n, region };
}

describe('readiness flags for risky terms', () => {
  it('flags an absolute term in a Chinese name on a CN deck, in Chinese, linked to the name in Chinese', async () => {
    const card = Card.parse({ id: 'coat', sku: 'COAT', name: { 'zh-CN': '顶级羽绒服' }, category: 'home', updatedAt: NOW });
    const { region } = await studioWith(card, { market: 'CN', languages: ['zh-CN'] }, 'zh-CN');
    const flag = (await within(region).findAllByText(/顶级/)).map((el) => el.closest('li')!).find((li) => li.dataset.code === 'risky-term')!;
    expect(flag).toHaveTextContent('名称（中文（中国））使用了“顶级”，在该市场属于风险用语。');
    expect(within(flag).getByRole('link', { name: /^去修正/ })).toHaveAttribute('href', '#/card/coat?field=name&language=zh-CN');
    expect(within(flag).getByRole('button', { name: /^接受…/ })).toBeInTheDocument();
  });

  it('flags an unsubstantiated claim in an English caveat on a GB deck, linked to the caveats', async () => {
    const card = Card.parse({ id: 'tent', sku: 'TENT', name: { en: 'Tent' }, category: 'home', caveats: [{ id: 'c1', text: { en: 'Guaranteed waterproof in any storm' }, mustSay: true }], updatedAt: NOW });
    const { region } = await studioWith(card, { market: 'GB', languages: ['en'] }, 'en');
    await within(region).findAllByText(/uses “guaranteed”/);
    const flags = [...region.querySelectorAll('li[data-code="risky-term"]')].map((li) => li.textContent);
    expect(flags).toEqual([expect.stringContaining('Not suitable if (1) (English) uses “waterproof”'), expect.stringContaining('Not suitable if (1) (English) uses “guaranteed”')]);
    expect(within(region.querySelector('li[data-code="risky-term"]') as HTMLElement).getByRole('link', { name: /^Fix/ })).toHaveAttribute('href', '#/card/tent?field=caveats&language=en');
  });

  it('accepts a flagged term only with a reason, records it on the card, and keeps it listed as accepted', async () => {
    const card = Card.parse({ id: 'tent', sku: 'TENT', name: { en: 'The best tent' }, category: 'home', updatedAt: NOW });
    const { s, region } = await studioWith(card, { market: 'GB', languages: ['en'] }, 'en');
    const flag = (await within(region).findByText(/uses “best”/)).closest('li')!;
    const before = within(region).getByRole('status').textContent;
    fireEvent.click(within(flag).getByRole('button', { name: /^Accept…/ }));
    const reason = within(flag).getByLabelText('Why keep “best”? (kept on the product with the date)');
    expect(reason).toHaveFocus();
    fireEvent.click(within(flag).getByRole('button', { name: 'Accept with this reason' }));
    expect(await within(flag).findByRole('alert')).toHaveTextContent('Write the reason first.');
    expect((await s.call('card.get', { cardId: 'tent' })).card?.acceptedTerms).toBeUndefined();

    fireEvent.change(reason, { target: { value: 'Which? Best Buy 2026 award' } });
    fireEvent.click(within(flag).getByRole('button', { name: 'Accept with this reason' }));
    const accepted = await within(region).findByText(/accepted: Which\? Best Buy 2026 award/);
    expect(accepted.closest('li')).toHaveAttribute('data-term', 'best');
    expect(accepted.closest('li')).toHaveTextContent('“best” in Name (English), accepted: Which? Best Buy 2026 award');
    await waitFor(() => expect(region.querySelector('li[data-code="risky-term"]')).toBeNull());
    expect(within(region).getByRole('status').textContent).not.toBe(before);
    expect((await s.call('card.get', { cardId: 'tent' })).card?.acceptedTerms).toEqual([{ term: 'best', field: 'name', language: 'en', reason: 'Which? Best Buy 2026 award', at: expect.any(Number) }]);
  });
});

describe('the printed hand card', () => {
  it('lists the claims and what to say instead in a box of their own, apart from the must-say items, in the deck’s first language', async () => {
    const s = setupStudio();
    const bundle = withDontSay([WATER, CASHMERE]);
    await s.repo.putDeckBundle(bundle);
    await s.library.saveDeck({ ...bundle.deck, languages: ['zh-CN', 'en'] }, NOW);
    const i18n = await createI18n('en');
    s.renderAt(`#/print/${bundle.deck.id}`, i18n);
    const hoodie = (await screen.findAllByRole('article')).find((a) => a.getAttribute('data-card') === 'demo-card-hoodie')!;
    // Labelled on paper in the deck's first language, not the producer's English interface.
    const box = within(hoodie).getByRole('group', { name: /禁用说法/ });
    expect([...box.querySelectorAll('[data-dont-say]')].map((li) => li.getAttribute('data-dont-say'))).toEqual(['ds-water', 'ds-cashmere']);
    expect(box.querySelector('[data-dont-say="ds-water"]')).toHaveTextContent('防水');
    expect(box.querySelector('[data-dont-say="ds-water"]')).toHaveTextContent('改为说: 防泼溅');
    // A claim not written in Chinese shows the English, marked, never silently.
    expect(box.querySelector('[data-dont-say="ds-cashmere"]')).toHaveTextContent('100% cashmere');
    expect(box.querySelector('[data-dont-say="ds-cashmere"] .not-translated')).not.toBeNull();
    // Its own box: not a must-say item, none inside it, and no must-say item holds a claim.
    const boxItem = box.closest('li')!;
    expect(boxItem).toHaveClass('hand-dont-say');
    expect(boxItem).not.toHaveClass('must-say');
    expect(boxItem.querySelector('.must-say, .must-say-badge')).toBeNull();
    for (const item of hoodie.querySelectorAll('li.must-say')) expect(item.textContent).not.toMatch(/防水|waterproof|cashmere/);
    // After the caveats, before the other items, as in the sidebar.
    const items = [...hoodie.querySelectorAll(':scope .hand-items > li')];
    const at = items.indexOf(boxItem);
    expect(items.slice(0, at).every((li) => li.classList.contains('must-say') || li.textContent?.includes('不适合'))).toBe(true);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(items.length - 1);
    // A card without don't-say items has no box.
    expect(screen.getAllByRole('group', { name: /禁用说法/ })).toHaveLength(1);
  });
});
