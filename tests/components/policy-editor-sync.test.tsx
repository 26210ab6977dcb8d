import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAcceptance } from '../../components/studio/decks/TermAcceptance';
import { Translations } from '../../components/studio/translations/Translations';
import { withText } from '../../lib/cards/translations';
import type { Problem } from '../../lib/readiness';
import { acceptTerm } from '../../lib/dont-say/term-flags';
import { createI18n } from '../../lib/i18n';
import { Card } from '../../lib/schema/card';
import type { ReturnPolicy } from '../../lib/schema/policy';
import { euPolicy } from '../unit/studio-helpers';
import { NOW, setupStudio } from './studio-harness';

let en: I18n;
beforeAll(async () => {
  en = await createI18n('en');
});

const eu = euPolicy(NOW);
const tent = Card.parse({ id: 'tent', sku: 'TENT-1', name: { en: 'Tent' }, category: 'home', policyId: 'eu', updatedAt: NOW });

/** The policy editor open from the tent's editor, and a second window (Readiness, Translations, another editor) saving the policy as the studio does. */
async function policyEditorOpen() {
  const s = setupStudio();
  await s.library.savePolicy(eu, NOW);
  await s.library.saveCard(tent, NOW);
  s.renderAt('#/card/tent', en);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Edit policy' }));
  const editor = screen.getByRole('group', { name: 'Return policy' });
  const elsewhere = async (change: (p: ReturnPolicy) => ReturnPolicy) => {
    const base = (await s.call('policy.list', {})).find((p) => p.id === 'eu')!;
    await s.call('policy.save', { policy: change(base), base });
  };
  const stored = async () => (await s.db.policies.get('eu'))!;
  return { s, user, editor, elsewhere, stored };
}

describe('the policy editor takes in changes made elsewhere while it is open', () => {
  it('an acceptance, a translation and a window changed elsewhere show here at once and survive the save of what was typed here', async () => {
    const { user, editor, elsewhere, stored } = await policyEditorOpen();
    const condition = within(editor).getByLabelText('Condition (English)');
    await user.clear(condition);
    await user.type(condition, 'Unworn');
    await elsewhere((p) => ({ ...acceptTerm(withText(p, ['exceptions'], 'es', 'La ropa interior no se devuelve'), { term: 'final sale', field: 'exceptions', language: 'en' }, 'Hygiene rule', NOW), windowDays: 30 }));
    // The field not touched here follows the other window in place; what was typed here stays.
    await waitFor(() => expect(within(editor).getByLabelText('Return window (days, 0 = none)')).toHaveValue('30'));
    expect(condition).toHaveValue('Unworn');
    await user.click(within(editor).getByRole('button', { name: 'Save policy' }));
    // Saved and closed: the editor is gone, and everything each side did is stored.
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Return policy' })).toBeNull());
    expect(await stored()).toMatchObject({
      windowDays: 30,
      condition: { en: 'Unworn' },
      exceptions: { en: 'Underwear is final sale', es: 'La ropa interior no se devuelve' },
      acceptedTerms: [{ term: 'final sale', field: 'exceptions', language: 'en', reason: 'Hygiene rule', at: NOW }],
    });
  });

  it('a text changed here and elsewhere is overwritten neither way: the save keeps the other text and the editor open until the producer chooses', async () => {
    const { user, editor, elsewhere, stored } = await policyEditorOpen();
    const condition = within(editor).getByLabelText('Condition (English)');
    await user.clear(condition);
    await user.type(condition, 'Unworn');
    await elsewhere((p) => withText(p, ['condition'], 'en', 'As new'));
    const notice = await within(editor).findByRole('region', { name: 'Changed in another window while you were editing it' });
    const item = within(notice).getByRole('listitem');
    expect(item).toHaveTextContent('Condition (English)');
    expect(item).toHaveTextContent('Here: Unworn');
    expect(item).toHaveTextContent('In the other window: As new');
    expect(condition).toHaveValue('Unworn');

    // Saving with the conflict open writes the rest, leaves the other text stored and the editor open.
    await user.click(within(editor).getByRole('checkbox', { name: 'Exchanges available' }));
    await user.click(within(editor).getByRole('button', { name: 'Save policy' }));
    await waitFor(async () => expect((await stored()).exchanges).toBe(true));
    expect((await stored()).condition).toEqual({ en: 'As new' });
    expect(screen.getByRole('group', { name: 'Return policy' })).toBe(editor);

    // Keep mine, by keyboard; the next save stores it and closes the editor.
    const keep = within(item).getByRole('button', { name: 'Keep mine' });
    expect(keep).toHaveAccessibleDescription('Condition (English)');
    keep.focus();
    await user.keyboard('{Enter}');
    expect(within(editor).queryByTestId('changed-elsewhere')).toBeNull();
    await user.click(within(editor).getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Return policy' })).toBeNull());
    expect(await stored()).toMatchObject({ condition: { en: 'Unworn' }, exchanges: true });
  });

  it('two Accept… on one policy and a translation saved at once: both acceptances and the text are stored', async () => {
    const s = setupStudio();
    await s.library.savePolicy(eu, NOW);
    const problem = (term: string, field: string) => ({ policyId: 'eu', term, termField: field, language: 'en' }) as Problem;
    const base = (await s.call('policy.list', {})).find((p) => p.id === 'eu')!;
    await Promise.all([
      recordAcceptance(s.call, problem('final sale', 'exceptions'), 'Hygiene rule'),
      recordAcceptance(s.call, problem('unworn', 'condition'), 'Plain wording'),
      s.call('policy.save', { policy: withText(base, ['condition'], 'es', 'Sin usar, con etiquetas'), base }),
    ]);
    const stored = (await s.db.policies.get('eu'))!;
    expect(stored.acceptedTerms?.map((a) => [a.term, a.reason]).sort()).toEqual([
      ['final sale', 'Hygiene rule'],
      ['unworn', 'Plain wording'],
    ]);
    expect(stored.condition).toEqual({ en: 'Unworn, with tags', es: 'Sin usar, con etiquetas' });
  });

  it('Translations: a policy text another window saved first is kept, and the one typed here is said not saved and stays in its box until saved again', async () => {
    const s = setupStudio();
    await s.library.savePolicy(eu, NOW);
    await s.library.saveCard(tent, NOW);
    await s.library.saveDeck({ id: 'd', name: 'Friday', cardIds: ['tent'], market: 'ES', languages: ['en', 'es'], updatedAt: NOW }, NOW);
    const view = render(
      <I18nextProvider i18n={en}>
        <Translations call={s.call} onChanged={s.onChanged} />
      </I18nextProvider>,
    );
    const user = userEvent.setup();
    const gap = await waitFor(() => {
      const li = view.container.querySelector<HTMLElement>('li[data-field="policy:eu:condition"]');
      expect(li).not.toBeNull();
      return li!;
    });
    // Another window fills the same gap after this list was read (written straight to the database: no push).
    await s.library.savePolicy(withText(eu, ['condition'], 'es', 'Como nuevo'), NOW);
    const box = within(gap).getByRole('textbox');
    await user.type(box, 'Sin usar');
    await user.tab();
    await within(gap).findByText(/Not saved: another window saved a different text here/);
    expect(box).toHaveValue('Sin usar');
    expect((await s.db.policies.get('eu'))!.condition).toEqual({ en: 'Unworn, with tags', es: 'Como nuevo' });
    // Leaving the box again saves it over the other, now that this window has read it.
    await user.click(box);
    await user.type(box, '!');
    await user.tab();
    await waitFor(async () => expect((await s.db.policies.get('eu'))!.condition).toEqual({ en: 'Unworn, with tags', es: 'Sin usar!' }));
  });
});
