import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { Translations } from '../../components/studio/translations/Translations';
import { withText } from '../../lib/cards/translations';
import { acceptTerm } from '../../lib/dont-say/term-flags';
import { createI18n } from '../../lib/i18n';
import { Card } from '../../lib/schema/card';
import { NOW, setupStudio } from './studio-harness';

let en: I18n;
let zh: I18n;
beforeAll(async () => {
  en = await createI18n('en');
  zh = await createI18n('zh-CN');
});

const tent = Card.parse({
  id: 'tent',
  sku: 'TENT-1',
  name: { en: 'The best tent' },
  category: 'home',
  caveats: [{ id: 'c1', text: { en: 'Not for snow' }, mustSay: true }],
  updatedAt: NOW,
});

/** The editor open on the tent, and a second window (Readiness, Translations, another editor) saving as the studio does. */
async function editorOpen(i18n = en) {
  const s = setupStudio();
  await s.library.saveCard(tent, NOW);
  s.renderAt('#/card/tent', i18n);
  const name = await screen.findByDisplayValue('The best tent');
  const elsewhere = async (change: (card: Card) => Card) => {
    const { card } = await s.call('card.get', { cardId: 'tent' });
    await s.call('card.save', { card: change(card!), base: card });
  };
  return { s, name, elsewhere, user: userEvent.setup() };
}

describe('the card editor takes in changes made elsewhere while it is open', () => {
  it('an acceptance and a category changed elsewhere show here at once and survive the next save of what was typed here', async () => {
    const { s, name, elsewhere, user } = await editorOpen();
    await user.type(name, ', 2 people');
    await elsewhere((card) => ({ ...acceptTerm(card, { term: 'best', field: 'name', language: 'en' }, 'Award 2026', NOW), category: 'toys' }));
    // The field not touched here follows the other window in place.
    await waitFor(() => expect(screen.getByLabelText('Category')).toHaveValue('toys'));
    expect(name).toHaveValue('The best tent, 2 people');
    await waitFor(async () => expect((await s.db.cards.get('tent'))!.name.en).toBe('The best tent, 2 people'));
    await screen.findByText('✓ Saved');
    const stored = (await s.db.cards.get('tent'))!;
    expect(stored.category).toBe('toys');
    expect(stored.acceptedTerms).toEqual([{ term: 'best', field: 'name', language: 'en', reason: 'Award 2026', at: NOW }]);
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();
  });

  it('a text changed here and elsewhere is overwritten neither way: the producer keeps theirs, or takes the other', async () => {
    const { s, name, elsewhere, user } = await editorOpen();
    await user.clear(name);
    await user.type(name, 'Tent for two');
    await elsewhere((card) => ({ ...card, name: { en: 'Family tent' } }));
    const notice = await screen.findByRole('region', { name: 'Changed in another window while you were editing it' });
    const item = within(notice).getByRole('listitem');
    expect(item).toHaveTextContent('Name (English)');
    expect(item).toHaveTextContent('Here: Tent for two');
    expect(item).toHaveTextContent('In the other window: Family tent');
    expect(name).toHaveValue('Tent for two');
    // Until the producer chooses, the other window's text stays stored; saves go on for the rest
    // (the category changed after the conflict is the sentinel: a save has run since).
    await user.selectOptions(screen.getByLabelText('Category'), 'toys');
    await waitFor(async () => expect((await s.db.cards.get('tent'))!.category).toBe('toys'));
    expect((await s.db.cards.get('tent'))!.name.en).toBe('Family tent');

    const keep = within(item).getByRole('button', { name: 'Keep mine' });
    expect(keep).toHaveAccessibleDescription('Name (English)');
    keep.focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await s.db.cards.get('tent'))!.name.en).toBe('Tent for two'));
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();

    // The other way round: the other window writes again, and this time its text is taken.
    await user.type(name, '!');
    await elsewhere((card) => ({ ...card, name: { en: 'Tent for three' } }));
    const again = await screen.findByRole('region', { name: /Changed in another window/ });
    await user.click(within(again).getByRole('button', { name: 'Take the other' }));
    expect(name).toHaveValue('Tent for three');
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Category'), 'home');
    await waitFor(async () => expect((await s.db.cards.get('tent'))!.category).toBe('home'));
    expect((await s.db.cards.get('tent'))!.name.en).toBe('Tent for three');
  });

  it('a draft left open (not valid yet) and reopened after changes elsewhere does not undo them', async () => {
    const s = setupStudio();
    await s.library.saveCard(tent, NOW);
    const view = s.renderAt('#/card/tent', en);
    const user = userEvent.setup();
    const sku = await screen.findByLabelText('SKU');
    await user.clear(sku);
    await waitFor(() => expect(screen.getByText(/Draft saved: fix 1 problem/)).toBeInTheDocument());
    view.unmount();
    // Elsewhere, while the draft waits: a translation and an acceptance.
    const { card } = await s.call('card.get', { cardId: 'tent' });
    const changed = acceptTerm(withText(card!, ['caveats', 0, 'text'], 'es', 'No para la nieve'), { term: 'best', field: 'name', language: 'en' }, 'Award 2026', NOW);
    await s.call('card.save', { card: changed, base: card, keepDraft: true });

    s.renderAt('#/card/tent', en);
    await screen.findByText('Restored your unsaved draft.');
    await user.type(await screen.findByLabelText('SKU'), 'TENT-2');
    await waitFor(async () => expect((await s.db.cards.get('tent'))!.sku).toBe('TENT-2'));
    const stored = (await s.db.cards.get('tent'))!;
    expect(stored.caveats[0].text).toEqual({ en: 'Not for snow', es: 'No para la nieve' });
    expect(stored.acceptedTerms).toEqual([expect.objectContaining({ term: 'best', reason: 'Award 2026' })]);
  });

  it('a text filled in Translations shows in the open editor at once, and the editor’s own typing is stored beside it', async () => {
    const s = setupStudio();
    await s.library.saveCard(tent, NOW);
    await s.library.saveDeck({ id: 'd', name: 'Friday', cardIds: ['tent'], market: 'ES', languages: ['en', 'es'], updatedAt: NOW }, NOW);
    s.renderAt('#/card/tent', en);
    const name = await screen.findByLabelText('Name (English)');
    const caveatEs = screen.getByLabelText('Caveat 1 (Spanish)');
    const translations = render(
      <I18nextProvider i18n={en}>
        <Translations call={s.call} onChanged={s.onChanged} />
      </I18nextProvider>,
    );
    const user = userEvent.setup();
    await user.type(name, ', 2 people');
    const gap = await waitFor(() => translations.container.querySelector<HTMLElement>('li[data-field="card:tent:caveats.0.text"]')!);
    await user.type(within(gap).getByRole('textbox'), 'No para la nieve');
    await user.tab();
    await waitFor(() => expect(caveatEs).toHaveValue('No para la nieve'));
    expect(name).toHaveValue('The best tent, 2 people');
    await waitFor(async () => expect((await s.db.cards.get('tent'))!.name.en).toBe('The best tent, 2 people'));
    expect((await s.db.cards.get('tent'))!.caveats[0].text).toEqual({ en: 'Not for snow', es: 'No para la nieve' });
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();
  });

  it('says so in the interface language', async () => {
    const { name, elsewhere, user } = await editorOpen(zh);
    await user.type(name, '!');
    await elsewhere((card) => ({ ...card, name: { en: 'Other' } }));
    const notice = await screen.findByRole('region', { name: '你编辑时，另一个窗口修改了 1 处' });
    expect(within(notice).getByRole('button', { name: '保留我的' })).toBeInTheDocument();
    expect(within(notice).getByRole('button', { name: '采用另一个' })).toBeInTheDocument();
  });
});
