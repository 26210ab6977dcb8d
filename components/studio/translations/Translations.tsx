import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { completeness, deckContents, deckTextFields, isMissing, sourceText, withText, type TextField } from '../../../lib/cards/translations';
import { localize } from '../../../lib/cards/text';
import { formatList, formatPercent } from '../../../lib/format';
import type { Client } from '../../../lib/messaging/client';
import { languageName } from '../../../lib/sessions/choices';
import type { Deck } from '../../../lib/schema/deck';
import { errorCode, useProducerLists } from '../producer/data';
import { MarketProfileView } from './MarketProfileView';
import './translations.css';

interface Props {
  call: Client;
  onChanged: (listener: () => void) => () => void;
}

type SaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; code: string };

/**
 * Issue 6: how far each deck language is translated, and the gaps to fill, each beside its
 * source text. A text is saved when the producer leaves its field; the sidebar marks any gap
 * still open as "not translated" while live.
 */
export function Translations({ call, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { data, error } = useProducerLists(call, onChanged);
  const ids = { deck: useId(), target: useId(), source: useId(), gaps: useId() };
  const decks = useMemo(() => data?.decks ?? [], [data]);
  const [deckId, setDeckId] = useState<string>();
  const deck = decks.find((d) => d.id === deckId) ?? decks[0];
  const [target, setTarget] = useState<string>();
  const [source, setSource] = useState<string>();
  const [onlyGaps, setOnlyGaps] = useState(true);
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const [addError, setAddError] = useState<string>();

  const fields = useMemo(() => (deck && data ? deckTextFields(deck, data.cards, data.policies) : []), [deck, data]);
  const stats = useMemo(() => (deck ? completeness(fields, deck.languages) : []), [fields, deck]);
  // Start on the least translated language, from the deck's first (the host's starting language).
  const targetLanguage = target && deck?.languages.includes(target) ? target : (stats.slice(1).sort((a, b) => a.percent - b.percent)[0]?.language ?? deck?.languages[0]);
  const sourceLanguage = source && deck?.languages.includes(source) && source !== targetLanguage ? source : deck?.languages.find((l) => l !== targetLanguage);
  useEffect(() => setSaves({}), [deck?.id, targetLanguage]);

  if (error) return <p role="alert" className="error">{t(`errors.${error}`, { defaultValue: t('errors.internal') })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (!deck) return <p className="empty">{t('translations.noDecks')}</p>;

  const lang = (l: string) => languageName(l, i18n.language);
  const contents = deckContents(deck, data.cards, data.policies);
  const ownerLabel = (f: TextField) => {
    if (f.owner === 'policy') return t('translations.policy', { name: contents.policies.find((p) => p.id === f.ownerId)?.name ?? f.ownerId });
    const card = contents.cards.find((c) => c.id === f.ownerId);
    const name = card ? (localize(card.name, sourceLanguage ?? deck.languages[0], deck.languages)?.text ?? card.sku) : f.ownerId;
    return t('translations.product', { sku: card?.sku ?? '', name });
  };
  // A text whose save failed stays listed, with its message, even if another window filled the gap.
  const shown = targetLanguage ? fields.filter((f) => !onlyGaps || isMissing(f, targetLanguage) || saves[fieldKey(f)]?.state === 'failed') : [];

  async function save(field: TextField, text: string) {
    if (!targetLanguage || !data) return;
    const key = fieldKey(field);
    if ((field.value[targetLanguage] ?? '') === text.trim()) return;
    setSaves((s) => ({ ...s, [key]: { state: 'saving' } }));
    try {
      if (field.owner === 'card') {
        const card = data.cards.find((c) => c.id === field.ownerId);
        if (!card) throw Object.assign(new Error('gone'), { code: 'card-not-found' });
        // The list's copy may be older than the stored card or policy (an editor open elsewhere):
        // with its base, the save writes this one text and nothing else.
        const reply = await call('card.save', { card: withText(card, field.path, targetLanguage, text.trim()), base: card, keepDraft: true });
        if (reply.conflicts.length > 0) throw Object.assign(new Error('changed'), { code: 'text-changed-elsewhere' });
      } else {
        const policy = data.policies.find((p) => p.id === field.ownerId);
        if (!policy) throw Object.assign(new Error('gone'), { code: 'policy-not-found' });
        // Another window saved this same text meanwhile: its text was kept, and this one is not lost
        // silently: it stays in the box, said not saved.
        const reply = await call('policy.save', { policy: withText(policy, field.path, targetLanguage, text.trim()), base: policy });
        if (reply.conflicts.length > 0) throw Object.assign(new Error('changed'), { code: 'text-changed-elsewhere' });
      }
      setSaves((s) => ({ ...s, [key]: { state: 'saved' } }));
    } catch (err) {
      setSaves((s) => ({ ...s, [key]: { state: 'failed', code: errorCode(err) } }));
    }
  }

  async function addLanguage(d: Deck, language: string) {
    try {
      await call('deck.save', { deck: { ...d, languages: [...d.languages, language] } });
      setAddError(undefined);
    } catch (err) {
      setAddError(errorCode(err));
    }
  }

  return (
    <section className="translations" aria-labelledby="translations-title" data-testid="translations">
      <h2 id="translations-title">{t('translations.title')}</h2>
      <p className="hint">{t('translations.intro')}</p>
      <div className="translations-controls">
        <label htmlFor={ids.deck}>{t('translations.deck')}</label>
        <select id={ids.deck} value={deck.id} onChange={(e) => setDeckId(e.target.value)}>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <MarketProfileView deck={deck} onAddLanguage={(l) => void addLanguage(deck, l)} />
      {addError && (
        <p role="alert" className="error">
          {t(`errors.${addError}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      <table className="completeness">
        <caption>{t('translations.completeness')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('translations.language')}</th>
            <th scope="col">{t('translations.progress')}</th>
            <th scope="col">{t('translations.texts')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.language} data-language={s.language} aria-current={s.language === targetLanguage ? 'true' : undefined}>
              <th scope="row">
                <button type="button" className="linkish" onClick={() => setTarget(s.language)} lang={s.language}>
                  {lang(s.language)}
                </button>
              </th>
              <td>
                <meter min={0} max={100} value={s.percent} aria-label={t('translations.meterAria', { language: lang(s.language) })} />{' '}
                <span className="percent">{formatPercent(s.percent, i18n.language)}</span>
              </td>
              <td>{t('translations.filled', { filled: s.filled, total: s.total })}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {deck.languages.length < 2 ? (
        <p className="hint">{t('translations.oneLanguage')}</p>
      ) : (
        <>
          <div className="translations-controls">
            <label htmlFor={ids.target}>{t('translations.target')}</label>
            <select id={ids.target} value={targetLanguage} onChange={(e) => setTarget(e.target.value)}>
              {deck.languages.map((l) => (
                <option key={l} value={l}>
                  {lang(l)}
                </option>
              ))}
            </select>
            <label htmlFor={ids.source}>{t('translations.source')}</label>
            <select id={ids.source} value={sourceLanguage} onChange={(e) => setSource(e.target.value)}>
              {deck.languages
                .filter((l) => l !== targetLanguage)
                .map((l) => (
                  <option key={l} value={l}>
                    {lang(l)}
                  </option>
                ))}
            </select>
            <input id={ids.gaps} type="checkbox" checked={onlyGaps} onChange={(e) => setOnlyGaps(e.target.checked)} />
            <label htmlFor={ids.gaps}>{t('translations.onlyGaps')}</label>
          </div>
          {targetLanguage && shown.length === 0 && <p className="done">{t('translations.noGaps', { language: lang(targetLanguage) })}</p>}
          {targetLanguage && shown.length > 0 && (
            <ol className="gap-list">
              {shown.map((f) => (
                <GapRow
                  key={`${fieldKey(f)}|${targetLanguage}`}
                  field={f}
                  owner={ownerLabel(f)}
                  target={targetLanguage}
                  preferred={[sourceLanguage ?? '', ...deck.languages]}
                  save={save}
                  saveState={saves[fieldKey(f)]}
                />
              ))}
            </ol>
          )}
          <p className="hint">
            {t('translations.deckLanguages', { languages: formatList(deck.languages.map(lang), i18n.language) })}
          </p>
        </>
      )}
    </section>
  );
}

const fieldKey = (f: TextField) => `${f.owner}:${f.ownerId}:${f.path.join('.')}`;

function GapRow({
  field,
  owner,
  target,
  preferred,
  save,
  saveState,
}: {
  field: TextField;
  owner: string;
  target: string;
  preferred: readonly string[];
  save: (f: TextField, text: string) => Promise<void>;
  saveState: SaveState | undefined;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState(field.value[target] ?? '');
  const src = sourceText(field, preferred);
  const what = t(`translations.field.${field.kind}`, { n: field.n });
  return (
    <li className="gap" data-field={fieldKey(field)}>
      <p className="gap-what">
        <span className="gap-owner">{owner}</span> · {what}
        {field.mustSay && <span className="badge">{t('item.mustSay')}</span>}
      </p>
      <div className="side-by-side">
        <div className="gap-source">
          <span className="sub-label">{src ? languageName(src.language, i18n.language) : ''}</span>
          <p lang={src?.language}>{src?.text}</p>
        </div>
        <div className="gap-target">
          <label htmlFor={id} className="sub-label">
            {languageName(target, i18n.language)}
          </label>
          <textarea
            id={id}
            lang={target}
            rows={field.kind === 'name' || field.kind === 'measurement' ? 1 : 3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => void save(field, text)}
            aria-describedby={`${id}-status`}
          />
          <span id={`${id}-status`} role="status" className={saveState?.state === 'failed' ? 'error' : 'hint'}>
            {saveState?.state === 'saving'
              ? t('translations.saving')
              : saveState?.state === 'saved'
                ? t('translations.saved')
                : saveState?.state === 'failed'
                  ? t(`errors.${saveState.code}`, { defaultValue: t('errors.internal') })
                  : ''}
          </span>
        </div>
      </div>
    </li>
  );
}
