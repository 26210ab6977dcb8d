import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pathKey, type Conflict, type Path } from '../../../lib/cards/merge';
import type { Card } from '../../../lib/schema/card';
import { useLanguageName } from '../../common/language-name';
import { CARD_FIELD_LABELS } from './field-labels';


/** The policy editor's own label keys for a return policy's fields. */
const POLICY_KEYS: Record<string, string> = {
  name: 'editor.policyName',
  markets: 'editor.policyMarkets',
  windowDays: 'editor.policyWindow',
  returnShippingPaidBy: 'editor.policyShipping',
  dutiesPaidBy: 'editor.policyDuties',
  restockingFee: 'editor.policyRestocking',
  condition: 'editor.policyCondition',
  exceptions: 'editor.policyExceptions',
  summary: 'editor.policySummary',
  exchanges: 'editor.policyExchanges',
};

/** Names where a conflict is, from its path and the value there. */
export type FieldLabel = (path: Path, value: unknown) => string;

/** A text in one language: the last step of its path is its language, said after the label. */
function useWithLanguage() {
  const ln = useLanguageName();
  return (label: string, path: Path, value: unknown): string => {
    const last = path[path.length - 1];
    const isText = path.length > 1 && typeof last === 'string' && (typeof value === 'string' || value === undefined) && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(last);
    return isText ? `${label} (${ln(last)})` : label;
  };
}

/** Where a conflict is on a card, in the words the editor's own labels use ("Caveat 2 (Spanish)"). */
export function useCardFieldLabel(draft: Card | null): FieldLabel {
  const { t } = useTranslation();
  const withLanguage = useWithLanguage();
  return (path, value) => {
    const [top, second, third] = path;
    const n = (list: readonly { id: string }[] | undefined) => (typeof second === 'object' ? (list ?? []).findIndex((x) => x.id === second.id) + 1 : 0);
    let label = t(CARD_FIELD_LABELS[String(top)] ?? 'editor.basics');
    if (top === 'caveats' && typeof second === 'object') label = t('editor.caveat', { n: n(draft?.caveats) });
    if (top === 'notes' && typeof second === 'object') label = t('editor.note', { n: n(draft?.notes) });
    if (top === 'dontSay' && typeof second === 'object') label = t(third === 'say' ? 'editor.dontSaySay' : 'editor.dontSayClaim', { n: n(draft?.dontSay) });
    if (top === 'sizeChart' && second === 'fitAdvice') label = t('editor.fitAdvice');
    return withLanguage(label, path, value);
  };
}

/** Where a conflict is on a return policy, in the policy editor's own labels ("Condition (Spanish)"). */
export function usePolicyFieldLabel(): FieldLabel {
  const { t } = useTranslation();
  const withLanguage = useWithLanguage();
  return (path, value) => withLanguage(t(POLICY_KEYS[String(path[0])] ?? 'editor.policyEditor'), path, value);
}

/**
 * The places changed both here and in another window (another editor, Readiness' Accept…,
 * Translations) before this window saved them, in a card or a return policy (`label` names them). Neither is overwritten unasked: the stored text
 * stays stored and this window's stays in the form until the producer keeps one.
 */
export function ChangedElsewhere({ conflicts, label, onChoose }: { conflicts: readonly Conflict[]; label: FieldLabel; onChoose: (path: Path, choice: 'mine' | 'theirs') => void }) {
  const { t } = useTranslation();
  const id = useId();
  if (conflicts.length === 0) return null;
  const shown = (v: unknown) => (v === undefined ? t('editor.conflictRemoved') : typeof v === 'string' || typeof v === 'number' ? String(v) : t('editor.conflictOther'));
  return (
    <section className="notice changed-elsewhere" aria-labelledby={`${id}-title`} data-testid="changed-elsewhere">
      <h3 id={`${id}-title`}>{t('editor.conflictTitle', { count: conflicts.length })}</h3>
      <p role="alert">{t('editor.conflictHint')}</p>
      <ul>
        {conflicts.map((c, i) => {
          const field = label(c.path, c.mine ?? c.theirs);
          return (
            <li key={pathKey(c.path)} data-path={c.path.map((s) => (typeof s === 'object' ? s.id : String(s))).join('.')}>
              <strong id={`${id}-${i}`}>{field}</strong>
              <p>
                {t('editor.conflictMine')}: <q>{shown(c.mine)}</q>
              </p>
              <p>
                {t('editor.conflictTheirs')}: <q>{shown(c.theirs)}</q>
              </p>
              <div className="actions">
                <button type="button" aria-describedby={`${id}-${i}`} onClick={() => onChoose(c.path, 'mine')}>
                  {t('editor.keepMine')}
                </button>
                <button type="button" aria-describedby={`${id}-${i}`} onClick={() => onChoose(c.path, 'theirs')}>
                  {t('editor.takeTheirs')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
