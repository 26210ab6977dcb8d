import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPolicy, POLICY_TEMPLATE_IDS, policyFromTemplate, templateForMarket, type PolicyTemplateId } from '../../../lib/cards/policy-templates';
import type { Client } from '../../../lib/messaging/client';
import { ReturnPolicy } from '../../../lib/schema/policy';
import { errorsByPath, fieldErrors } from '../../../lib/validation';
import { errorCode, newId } from '../producer/data';
import { same } from '../../../lib/cards/merge';
import { ChangedElsewhere, usePolicyFieldLabel } from './ChangedElsewhere';
import { useEditSync } from './edit-sync';
import { Field, NumberInput } from './fields';
import { useLanguageName } from '../../common/language-name';

/**
 * Edits one return policy; saved explicitly, since several cards and decks may share it. `stored`
 * is the policy as the studio's lists hold it now (undefined for a new one): a change made
 * elsewhere while the editor is open (Readiness' Accept…, Translations, another window) is taken
 * into the form, and the save carries its base so it writes only what was changed here.
 */
export function PolicyEditor({
  policy: initial,
  stored,
  language,
  call,
  onSaved,
  onCancel,
}: {
  policy: ReturnPolicy;
  stored: ReturnPolicy | undefined;
  language: string;
  call: Client;
  onSaved: (p: ReturnPolicy) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  const sync = useEditSync<ReturnPolicy>(stored);
  const { load, edit, choose, conflicts } = sync;
  const fieldLabel = usePolicyFieldLabel();
  useEffect(() => load(stored ? initial : null, initial), [load]); // eslint-disable-line react-hooks/exhaustive-deps -- loaded once, as opened
  const policy = sync.draft ?? initial;
  const [marketsText, setMarketsText] = useState(initial.markets.join(', '));
  // Markets changed elsewhere show in the box; what is typed here is left as typed.
  useEffect(() => {
    if (!same(parseMarkets(marketsText), policy.markets)) setMarketsText(policy.markets.join(', '));
  }, [policy.markets]); // eslint-disable-line react-hooks/exhaustive-deps -- follows the form only
  const [failure, setFailure] = useState<string>();
  const parsed = useMemo(() => ReturnPolicy.safeParse(policy), [policy]);
  const errors = useMemo(() => (parsed.success ? new Map() : errorsByPath(fieldErrors(parsed.error))), [parsed]);
  const warnings = parsed.success ? checkPolicy(parsed.data) : [];
  // A text written in other languages but not this one: said on its field, as the readiness check says it.
  const missingHere = (key: 'condition' | 'exceptions' | 'summary') => {
    const text = policy[key];
    return text && !text[language]?.trim() && Object.values(text).some((v) => v.trim() !== '') ? { path: key, code: 'missingLanguage', params: { language: ln(language) }, message: 'missing' } : undefined;
  };
  const set = (patch: Partial<ReturnPolicy>) => edit(patch);
  const setText = (key: 'condition' | 'exceptions' | 'summary', text: string) => {
    const next = { ...(policy[key] ?? {}), [language]: text };
    if (text === '') delete next[language];
    set({ [key]: Object.keys(next).length > 0 ? next : undefined });
  };

  /** Saves with its base; a place changed here and elsewhere keeps the editor open to choose. */
  async function save() {
    if (!parsed.success) return;
    try {
      let saved = stored ?? parsed.data;
      await sync.save(parsed.data, async (record, base) => {
        const reply = await call('policy.save', { policy: record, base });
        saved = reply.policy;
        return { saved: reply.policy, conflicts: reply.conflicts };
      });
      setFailure(undefined);
      if (sync.open().length === 0) onSaved(saved);
    } catch (err) {
      setFailure(errorCode(err));
    }
  }

  return (
    <fieldset className="policy-editor">
      <legend>{t('editor.policyEditor')}</legend>
      <ChangedElsewhere conflicts={conflicts} label={fieldLabel} onChoose={choose} />
      <Field label={t('editor.policyName')} error={errors.get('name')}>
        {(p) => <input {...p} value={policy.name} onChange={(e) => set({ name: e.target.value })} />}
      </Field>
      <Field label={t('editor.policyMarkets')} error={errors.get('markets') ?? errors.get('markets.0')} hint={t('editor.policyMarketsHint')}>
        {(p) => (
          <input
            {...p}
            value={marketsText}
            onChange={(e) => {
              setMarketsText(e.target.value);
              set({ markets: parseMarkets(e.target.value) });
            }}
          />
        )}
      </Field>
      <Field label={t('editor.policyWindow')} error={errors.get('windowDays')}>
        {(p) => <NumberInput {...p} className="short" value={policy.windowDays} onChange={(v) => set({ windowDays: v as number })} />}
      </Field>
      <Field label={t('editor.policyShipping')} error={errors.get('returnShippingPaidBy')}>
        {(p) => (
          <select {...p} value={policy.returnShippingPaidBy} onChange={(e) => set({ returnShippingPaidBy: e.target.value as 'buyer' | 'seller' })}>
            <option value="buyer">{t('editor.payerBuyer')}</option>
            <option value="seller">{t('editor.payerSeller')}</option>
          </select>
        )}
      </Field>
      <Field label={t('editor.policyDuties')} error={errors.get('dutiesPaidBy')}>
        {(p) => (
          <select {...p} value={policy.dutiesPaidBy ?? ''} onChange={(e) => set({ dutiesPaidBy: (e.target.value || undefined) as 'buyer' | 'seller' | undefined })}>
            <option value="">{t('editor.notStated')}</option>
            <option value="buyer">{t('editor.payerBuyer')}</option>
            <option value="seller">{t('editor.payerSeller')}</option>
          </select>
        )}
      </Field>
      <Field label={t('editor.policyRestocking')} error={errors.get('restockingFee.percent')} hint={t('editor.policyRestockingHint')}>
        {(p) => (
          <NumberInput
            {...p}
            className="short"
            value={policy.restockingFee?.percent}
            onChange={(v) => set({ restockingFee: v === undefined ? undefined : { percent: v, changeOfMindOnly: true } })}
          />
        )}
      </Field>
      <Field label={`${t('editor.policyCondition')} (${ln(language)})`} error={errors.get('condition') ?? missingHere('condition')}>
        {(p) => <input {...p} value={policy.condition?.[language] ?? ''} onChange={(e) => setText('condition', e.target.value)} />}
      </Field>
      <Field label={`${t('editor.policyExceptions')} (${ln(language)})`} error={errors.get('exceptions') ?? missingHere('exceptions')}>
        {(p) => <input {...p} value={policy.exceptions?.[language] ?? ''} onChange={(e) => setText('exceptions', e.target.value)} />}
      </Field>
      <Field label={`${t('editor.policySummary')} (${ln(language)})`} error={errors.get('summary') ?? missingHere('summary')} hint={t('editor.policySummaryHint')}>
        {(p) => <textarea {...p} rows={2} value={policy.summary?.[language] ?? ''} onChange={(e) => setText('summary', e.target.value)} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={policy.exchanges} onChange={(e) => set({ exchanges: e.target.checked })} /> {t('editor.policyExchanges')}
      </label>
      {warnings.map((w) => (
        <p key={w.code} className="warning">
          {t(`editor.policyWarning.${w.code}`, w.code === 'belowLegalMinimum' ? { market: w.market, minimum: w.minimum } : {})}
        </p>
      ))}
      {failure && (
        <p role="alert" className="error">
          {t(`errors.${failure}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={!parsed.success} onClick={() => void save()}>
          {t('editor.savePolicy')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </fieldset>
  );
}

const parseMarkets = (text: string) => text.split(/[,\s]+/).filter(Boolean).map((m) => m.toUpperCase());

/** Picks a policy (or "deck default") and creates or edits one in place. */
export function PolicyPicker({
  value,
  policies,
  onChange,
  call,
  language,
  allowDefault,
  label,
  id,
  market,
  openIn,
}: {
  value: string | undefined;
  policies: readonly ReturnPolicy[];
  onChange: (id: string | undefined) => void;
  call: Client;
  language: string;
  allowDefault: boolean;
  label: string;
  id?: string;
  market?: string;
  /** A readiness link for a policy text missing in this language: open the policy on it. */
  openIn?: string;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ReturnPolicy | undefined>(() => (openIn ? policies.find((p) => p.id === value) : undefined));
  // The template follows the deck's market until the producer picks one for this market.
  const [picked, setPicked] = useState<{ market: string | undefined; template: PolicyTemplateId }>();
  const template = picked && picked.market === market ? picked.template : templateForMarket(market ?? 'EU').id;
  const setTemplate = (id: PolicyTemplateId) => setPicked({ market, template: id });
  const current = policies.find((p) => p.id === value);
  return (
    <div className="policy-picker">
      <div className="row">
        <Field label={label} id={id}>
          {(p) => (
            <select {...p} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
              <option value="">{allowDefault ? t('editor.deckDefaultPolicy') : t('editor.noPolicy')}</option>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.markets.join(', ')})
                </option>
              ))}
            </select>
          )}
        </Field>
        {current && (
          <button type="button" onClick={() => setEditing(current)}>
            {t('editor.editPolicy')}
          </button>
        )}
        <Field label={t('editor.policyTemplate')}>
          {(p) => (
            <select {...p} value={template} onChange={(e) => setTemplate(e.target.value as PolicyTemplateId)}>
              {POLICY_TEMPLATE_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`editor.template.${id}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          onClick={() => setEditing(policyFromTemplate(template, { id: newId(), name: t(`editor.template.${template}`), now: Date.now(), ...(template === 'seller' ? { markets: [market ?? 'EU'] } : {}) }))}
        >
          + {t('editor.newPolicy')}
        </button>
      </div>
      {editing && (
        <PolicyEditor
          key={editing.id}
          policy={editing}
          stored={policies.find((p) => p.id === editing.id)}
          language={openIn ?? language}
          call={call}
          onSaved={(p) => {
            setEditing(undefined);
            onChange(p.id);
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
    </div>
  );
}
