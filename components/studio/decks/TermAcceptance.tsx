import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptTerm, type TermFlag } from '../../../lib/dont-say/term-flags';
import { formatDateTime } from '../../../lib/format';
import type { Client } from '../../../lib/messaging/client';
import type { Problem } from '../../../lib/readiness';
import type { Card } from '../../../lib/schema/card';
import type { ReturnPolicy } from '../../../lib/schema/policy';
import { useLanguageName } from '../../common/language-name';
import { errorCode } from '../producer/data';

/**
 * Saves an acceptance with its base, so it writes the acceptances only. Accepted terms are a list
 * without ids: two acceptances saved at once from one base conflict on it, and the second is told
 * so (`conflicts`); it is then made again on the record as stored, so neither acceptance is lost.
 */
async function saveAccepted<T extends Card | ReturnPolicy>(read: () => Promise<T | undefined>, save: (record: T, base: T) => Promise<{ conflicts: readonly unknown[] }>, accept: (r: T) => T, codes: { gone: string; conflict: string }): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const base = await read();
    if (!base) throw Object.assign(new Error(codes.gone), { code: codes.gone });
    if ((await save(accept(base), base)).conflicts.length === 0) return;
  }
  throw Object.assign(new Error(codes.conflict), { code: codes.conflict });
}

/**
 * Keeps a flagged risky term with a reason (issue 20): recorded on the card, or on the policy for
 * a policy's text, read fresh; the save carries its base, so an editor's save of the same card or
 * policy at the same moment keeps its fields and this keeps the acceptance.
 */
export async function recordAcceptance(call: Client, p: Problem, reason: string): Promise<void> {
  const flag = { term: p.term!, field: p.termField!, language: p.language! };
  const accept = <T extends Card | ReturnPolicy>(owner: T) => acceptTerm(owner, flag, reason, Date.now());
  if (p.policyId) {
    const read = async () => (await call('policy.list', {})).find((x) => x.id === p.policyId);
    const save = (policy: ReturnPolicy, base: ReturnPolicy) => call('policy.save', { policy, base });
    return saveAccepted(read, save, accept, { gone: 'policy-not-found', conflict: 'policy-conflict' });
  }
  const read = async () => (await call('card.get', { cardId: p.cardId! })).card ?? undefined;
  const save = (card: Card, base: Card) => call('card.save', { card, base, keepDraft: true });
  return saveAccepted(read, save, accept, { gone: 'card-not-found', conflict: 'card-conflict' });
}

/** "Accept…" beside a risky-term problem: a reason is required, then the term stops counting. */
export function AcceptTerm({ problem, call, label }: { problem: Problem; call: Client; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<{ step: 'idle' | 'saving' } | { step: 'failed'; code: string }>({ step: 'idle' });
  const id = useId();
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)} aria-label={`${t('readiness.accept')}: ${label}`}>
        {t('readiness.accept')}
      </button>
    );
  }
  const submit = async () => {
    if (reason.trim() === '') return setState({ step: 'failed', code: 'reasonRequired' });
    setState({ step: 'saving' });
    try {
      await recordAcceptance(call, problem, reason);
      setOpen(false);
      setState({ step: 'idle' });
    } catch (err) {
      setState({ step: 'failed', code: errorCode(err) });
    }
  };
  return (
    <form
      className="accept-term"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <label htmlFor={id}>{t('readiness.acceptReason', { term: problem.term })}</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoFocus aria-describedby={state.step === 'failed' ? `${id}-err` : undefined} />
      <button type="submit" className="primary" disabled={state.step === 'saving'}>
        {t('readiness.acceptConfirm')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('readiness.acceptCancel')}
      </button>
      {state.step === 'failed' && (
        <span role="alert" className="field-error" id={`${id}-err`}>
          {state.code === 'reasonRequired' ? t('readiness.reasonRequired') : t(`errors.${state.code}`, { defaultValue: t('errors.internal') })}
        </span>
      )}
    </form>
  );
}

/** Risky terms kept on purpose: still listed, with the text, the reason and when. */
export function AcceptedTerms({ flags, cards }: { flags: readonly TermFlag[]; cards: readonly Card[] }) {
  const { t, i18n } = useTranslation();
  const ln = useLanguageName();
  if (flags.length === 0) return null;
  return (
    <div className="accepted-terms">
      <h4>{t('readiness.acceptedTitle', { count: flags.length })}</h4>
      <ul>
        {flags.map((f) => {
          const card = f.owner === 'card' ? cards.find((c) => c.id === f.ownerId) : undefined;
          return (
            <li key={`${f.ownerId}:${f.field}:${f.language}:${f.term}`} data-code="risky-term-accepted" data-term={f.term}>
              {card && <span className="problem-card">{card.sku}: </span>}
              {t('readiness.accepted', { term: f.term, text: t(`translations.field.${f.kind}`, { n: f.n }), language: ln(f.language), reason: f.accepted?.reason ?? '' })}{' '}
              {f.accepted && <time dateTime={new Date(f.accepted.at).toISOString()}>{formatDateTime(f.accepted.at, i18n.language)}</time>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
