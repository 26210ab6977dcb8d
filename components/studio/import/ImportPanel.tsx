import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PACKAGE_BYTES } from '../../../lib/deckfile/package';
import { megabytes, MAX_IMPORT_BYTES } from '../../../lib/import/read';
import { commitImport } from '../../../lib/import/commit';
import { prepareImport } from '../../../lib/import/plan';
import type { ImportContext, ImportIssue, ImportPlan } from '../../../lib/import/types';
import { upfrontCsvTemplate } from '../../../lib/import/upfront-csv';
import type { Client } from '../../../lib/messaging/client';
import { downloadText } from '../download';
import { errorCode, newId, type ProducerLists } from '../producer/data';
import { routeHref } from '../producer/route';
import { useLanguageName } from '../../common/language-name';

type Stage = { kind: 'idle' } | { kind: 'reading'; progress: number } | { kind: 'failed'; issues: ImportIssue[] } | { kind: 'preview'; plan: ImportPlan } | { kind: 'done'; added: number; updated: number; deckId?: string };

/** One issue as a sentence: "Row 3, column Variant Grams: …". */
export function IssueText({ issue }: { issue: ImportIssue }) {
  const { t } = useTranslation();
  const where = [issue.row !== undefined ? t('import.row', { row: issue.row }) : '', issue.field ? t('import.field', { field: issue.field }) : ''].filter(Boolean).join(', ');
  const params = { ...(issue.params ?? {}) };
  const text = t(`import.issue.${issue.code}`, { ...params, defaultValue: t(`validation.${issue.code}`, { ...params, defaultValue: issue.code }) });
  return (
    <>
      {where && <strong>{where}: </strong>}
      {text}
    </>
  );
}

/**
 * Import from Upfront's deck file, Upfront's CSV or a Shopify product export: the file is read
 * and checked here, previewed (added / updated / skipped, matched by SKU), and written only when
 * the producer confirms, all at once or not at all.
 */
export function ImportPanel({ data, call }: { data: ProducerLists; call: Client }) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  const inputId = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [language, setLanguage] = useState('en');
  const [targetKind, setTargetKind] = useState<'new' | 'deck' | 'none'>('new');
  const [deckName, setDeckName] = useState('');
  const [market, setMarket] = useState('EU');
  const [existingDeck, setExistingDeck] = useState(data.decks[0]?.id ?? '');
  const [commitError, setCommitError] = useState<string>();

  async function read(file: File | undefined) {
    if (!file) return;
    setCommitError(undefined);
    setStage({ kind: 'reading', progress: 0 });
    const ctx: ImportContext = {
      existingCards: data.cards,
      existingPolicies: data.policies,
      existingDecks: data.decks,
      language,
      target:
        targetKind === 'new'
          ? { kind: 'new', name: deckName.trim() || file.name.replace(/\.[^.]+$/, '').slice(0, 200) || t('import.defaultDeckName'), market, languages: [language] }
          : targetKind === 'deck' && existingDeck
            ? { kind: 'deck', deckId: existingDeck }
            : { kind: 'none' },
      now: Date.now(),
      newId,
    };
    const result = await prepareImport(file, ctx, (progress) => setStage({ kind: 'reading', progress }));
    setStage(result.ok ? { kind: 'preview', plan: result.plan } : { kind: 'failed', issues: result.failure.issues });
  }

  async function commit(plan: ImportPlan) {
    try {
      const { added, updated } = await commitImport(call, plan.commit);
      setStage({ kind: 'done', added, updated, deckId: plan.commit.deck?.id });
    } catch (err) {
      setCommitError(errorCode(err));
    }
  }

  const plan = stage.kind === 'preview' ? stage.plan : undefined;
  const counts = plan ? { add: plan.entries.filter((e) => e.action === 'add').length, update: plan.entries.filter((e) => e.action === 'update').length, skip: plan.entries.filter((e) => e.action === 'skip').length } : undefined;

  return (
    <section aria-labelledby="import-title" className="import">
      <h2 id="import-title">{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => downloadText('upfront-products-template.csv', upfrontCsvTemplate(), 'text/csv;charset=utf-8')}>
          {t('import.downloadTemplate')}
        </button>
      </div>

      <fieldset className="import-options">
        <legend>{t('import.options')}</legend>
        <label>
          {t('import.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            {['en', 'zh-CN', 'es', 'fr', 'de', 'ja'].map((l) => (
              <option key={l} value={l}>{ln(l)}</option>
            ))}
          </select>
        </label>
        <span className="hint">{t('import.languageHint')}</span>
        <div role="radiogroup" aria-label={t('import.target')} className="row">
          <label className="check">
            <input type="radio" name="target" checked={targetKind === 'new'} onChange={() => setTargetKind('new')} /> {t('import.targetNew')}
          </label>
          <label className="check">
            <input type="radio" name="target" checked={targetKind === 'deck'} onChange={() => setTargetKind('deck')} disabled={data.decks.length === 0} /> {t('import.targetDeck')}
          </label>
          <label className="check">
            <input type="radio" name="target" checked={targetKind === 'none'} onChange={() => setTargetKind('none')} /> {t('import.targetNone')}
          </label>
        </div>
        {targetKind === 'new' && (
          <div className="row">
            <label>
              {t('import.deckName')} <input value={deckName} onChange={(e) => setDeckName(e.target.value)} placeholder={t('import.deckNamePlaceholder')} maxLength={200} />
            </label>
            <label>
              {t('decks.market')} <input className="short" value={market} onChange={(e) => setMarket(e.target.value.toUpperCase())} maxLength={2} />
            </label>
          </div>
        )}
        {targetKind === 'deck' && (
          <label>
            {t('import.deck')}{' '}
            <select value={existingDeck} onChange={(e) => setExistingDeck(e.target.value)}>
              {data.decks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="hint">{t('import.deckFileHint')}</p>
      </fieldset>

      <div className="file-drop">
        <label htmlFor={inputId}>{t('import.chooseFile')}</label>{' '}
        <input
          id={inputId}
          type="file"
          accept=".csv,.json,.zip,.txt,text/csv,application/json,application/zip"
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <p className="hint">{t('import.limits', { max: megabytes(MAX_IMPORT_BYTES), packageMax: megabytes(MAX_PACKAGE_BYTES) })}</p>
      </div>

      {stage.kind === 'reading' && (
        <p role="status">
          {t('import.reading')} <progress value={stage.progress} max={1} />
        </p>
      )}
      {stage.kind === 'failed' && (
        <div role="alert" className="import-report error-panel">
          <p>{t('import.failed')}</p>
          <ul>
            {stage.issues.map((issue, i) => (
              <li key={i}>
                <IssueText issue={issue} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan && counts && (
        <div className="import-preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">{t('import.previewTitle', { format: t(`import.format.${plan.format}`) })}</h3>
          <p role="status" className="counts">
            {t('import.counts', counts)}
            {plan.deck && ` · ${t('import.intoDeck', { name: plan.deck.name, count: plan.deck.cardIds.length })}`}
          </p>
          {plan.issues.length > 0 && (
            <div role="alert" className="import-report error-panel">
              <p>{t('import.blocked', { count: plan.issues.length })}</p>
              <ul>
                {plan.issues.slice(0, 200).map((issue, i) => (
                  <li key={i}>
                    <IssueText issue={issue} />
                  </li>
                ))}
              </ul>
              {plan.issues.length > 200 && <p>{t('import.moreIssues', { count: plan.issues.length - 200 })}</p>}
            </div>
          )}
          <table className="plan">
            <thead>
              <tr>
                <th scope="col">{t('import.action')}</th>
                <th scope="col">{t('products.sku')}</th>
                <th scope="col">{t('products.name')}</th>
                <th scope="col">{t('import.rows')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.entries.slice(0, 500).map((e) => (
                <tr key={e.sku} className={`plan-${e.action}`}>
                  <td>
                    {t(`import.actionName.${e.action}`)}
                    {e.reason && ` (${t(`import.reason.${e.reason}`)})`}
                  </td>
                  <td>{e.sku}</td>
                  <td>{e.name}</td>
                  <td>{e.rows.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {commitError && (
            <p role="alert" className="error">
              {t(`errors.${commitError}`, { defaultValue: t('errors.internal') })}
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={plan.issues.length > 0} onClick={() => void commit(plan)}>
              {t('import.commit', { count: counts.add + counts.update })}
            </button>
            <button type="button" onClick={() => setStage({ kind: 'idle' })}>
              {t('editor.cancel')}
            </button>
          </div>
        </div>
      )}
      {stage.kind === 'done' && (
        <p role="status" className="ok">
          ✓ {t('import.done', { added: stage.added, updated: stage.updated })}{' '}
          {stage.deckId && <a href={routeHref({ view: 'deck', id: stage.deckId })}>{t('import.openDeck')}</a>}
        </p>
      )}
    </section>
  );
}
