import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../lib/messaging/client';
import { Card, Category } from '../../../lib/schema/card';
import type { Deck } from '../../../lib/schema/deck';
import { cardErrors } from '../../../lib/cards/card-check';
import { errorsByPath, type FieldError } from '../../../lib/validation';
import { SidebarPreview } from '../producer/Preview';
import { editorLanguages, errorCode, type ProducerLists } from '../producer/data';
import type { Route } from '../producer/route';
import { CaveatsSection, NotesSection } from './CaveatsAndNotes';
import { DimensionsSection } from './DimensionsSection';
import { DontSaySection } from './DontSaySection';
import { useDeckMembership } from './DeckMembership';
import { ErrorText, Field, type CardPartProps } from './fields';
import { FieldProblems } from './FieldProblems';
import { ImagePicker, useImageUrl } from './ImagePicker';
import { PolicyPicker } from './PolicyEditor';
import { emptyChart, SizeChartEditor } from './SizeChartEditor';
import { useLanguageName } from '../../common/language-name';
import { ChangedElsewhere, useCardFieldLabel } from './ChangedElsewhere';
import { useEditSync } from './edit-sync';

type SaveState = 'idle' | 'saving' | 'saved' | 'draft' | 'failed';

/** How long typing pauses before the editor saves (a draft, or the card once it is valid). */
export const AUTOSAVE_MS = 400;

export function blankCard(id: string): Card {
  return { id, sku: '', name: {}, category: 'other', scaleRefs: [], caveats: [], notes: [], updatedAt: 0 };
}

interface Props {
  cardId: string;
  data: ProducerLists;
  call: Client;
  go: (r: Route) => void;
  confirm: (text: string) => boolean;
  /** A section to open and focus (from a readiness "fix" link). */
  field?: string;
  language?: string;
  /** "New product" from this deck: the product joins it as it is first saved. */
  fromDeck?: string;
}

/**
 * Everything a card holds, saved as you type: a valid card is saved as the card; an invalid one
 * is kept as a draft (so nothing typed is lost) with each field's message from the card schema.
 * The preview beside it is the sidebar's own card view.
 */
export function CardEditor({ cardId, data, call, go, confirm, field, language: focusLanguage, fromDeck }: Props) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  const sync = useEditSync<Card>(data.cards.find((c) => c.id === cardId));
  const { draft, conflicts, load, save: saveSynced, edit, choose, base: syncBase } = sync;
  const [restored, setRestored] = useState(false);
  const [save, setSave] = useState<SaveState>('idle');
  const [serverError, setServerError] = useState<{ path: string; code: string }>();
  const [loadError, setLoadError] = useState<string>();
  const lastValid = useRef<Card | null>(null);
  const dirty = useRef(false);

  useEffect(() => {
    let live = true;
    dirty.current = false;
    call('card.get', { cardId })
      .then(({ card, draft: saved }) => {
        if (!live) return;
        lastValid.current = card;
        const value = (saved?.value as Card | undefined) ?? card ?? blankCard(cardId);
        const form = { ...blankCard(cardId), ...value, id: cardId };
        // A draft keeps the card it was edited from: what changed elsewhere since is merged in.
        const draftBase = saved ? Card.safeParse(saved.base) : undefined;
        if (draftBase?.success) load(draftBase.data, form, card);
        // An older draft without it: accepted terms are not edited here, so it must not undo one.
        else load(card, { ...form, ...(card?.acceptedTerms ? { acceptedTerms: card.acceptedTerms } : {}) });
        setRestored(saved !== null);
        setSave(saved ? 'draft' : card ? 'saved' : 'idle');
      })
      .catch((err) => live && setLoadError(errorCode(err)));
    return () => {
      live = false;
    };
  }, [call, cardId, load]);

  const decks = data.decks;
  const membership = useDeckMembership(cardId, data, call, fromDeck);
  // Read when a save runs, not a reason to save: ticking a deck saves through its own request.
  const membershipNow = useRef(membership);
  useEffect(() => {
    membershipNow.current = membership;
  });
  const inDecks = useMemo(() => decks.filter((d) => membership.deckIds.includes(d.id)), [decks, membership.deckIds]);
  const languages = useMemo(() => editorLanguages(inDecks.length > 0 ? inDecks : decks, draft ? Object.keys(draft.name) : []), [inDecks, decks, draft]);
  const language = languages[0];

  const parsed = useMemo(() => (draft ? Card.safeParse(draft) : null), [draft]);
  if (parsed?.success) lastValid.current = parsed.data;
  const errors = useMemo(() => {
    const map = draft ? errorsByPath(cardErrors(draft, data.cards)) : new Map<string, FieldError>();
    if (serverError) map.set(serverError.path, { path: serverError.path, code: serverError.code, params: {}, message: serverError.code });
    return map;
  }, [draft, data.cards, serverError]);

  // A boolean, not the map: a reload of the lists (after every save) must not save again.
  const blocked = errors.size > 0;
  // Autosave after a pause in typing; a change still pending when the producer leaves is saved at once.
  const pending = useRef<(() => Promise<void>) | null>(null);
  useEffect(() => () => void pending.current?.(), []);
  useEffect(() => {
    if (!draft || !dirty.current) return;
    const run = async () => {
      pending.current = null;
      setSave('saving');
      try {
        if (parsed?.success && !blocked) {
          const extra = membershipNow.current.saveExtra;
          const send = async (card: Card, base: Card | null) => {
            const reply = await call('card.save', { card, base, ...extra });
            return { saved: reply.card, conflicts: reply.conflicts };
          };
          await saveSynced(parsed.data, send, (extra.addToDecks?.length ?? 0) > 0);
          setServerError(undefined);
          setRestored(false);
          setSave('saved');
        } else {
          await call('draft.save', { cardId, value: draft, base: syncBase() });
          setSave('draft');
        }
      } catch (err) {
        const code = errorCode(err);
        if (code === 'sku-taken') {
          setServerError({ path: 'sku', code: 'skuTaken' });
          await call('draft.save', { cardId, value: draft, base: syncBase() }).catch(() => undefined);
          setSave('draft');
        } else setSave('failed');
      }
    };
    pending.current = run;
    const timer = setTimeout(() => void run(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, parsed, blocked, call, cardId, saveSynced, syncBase]);

  // Open the section a readiness link points at: when the link is followed (or the card has
  // loaded), not on every keystroke.
  const loaded = draft !== null;
  useEffect(() => {
    if (!loaded || !field) return;
    const section = document.getElementById(`section-${field}`);
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    const target = (focusLanguage && section.querySelector<HTMLElement>(`[lang="${focusLanguage}"]`)) || section.querySelector<HTMLElement>('input, select, textarea, button');
    target?.focus();
  }, [field, focusLanguage, loaded]);

  const imageUrl = useImageUrl(call, draft?.image);
  const conflictLabel = useCardFieldLabel(draft);
  const previewDeck: Deck | undefined = useMemo(() => {
    const d = inDecks[0] ?? decks[0];
    const langs = d?.languages ?? [language];
    return { id: d?.id ?? 'preview', name: d?.name ?? 'Preview', cardIds: [cardId], market: d?.market ?? 'EU', languages: langs, ...(d?.defaultPolicyId ? { defaultPolicyId: d.defaultPolicyId } : {}), updatedAt: 0 };
  }, [inDecks, decks, cardId, language]);
  const [previewLanguage, setPreviewLanguage] = useState<string>();

  if (loadError) return <p role="alert" className="error">{t(`errors.${loadError}`, { defaultValue: t('errors.internal') })}</p>;
  if (!draft || !previewDeck) return <p role="status">{t('common.loading')}</p>;

  const update = (patch: Partial<Card>) => {
    dirty.current = true;
    if (patch.sku !== undefined) setServerError(undefined);
    edit(patch);
  };
  const setText = (key: 'name', l: string, text: string) => {
    const next = { ...draft[key], [l]: text };
    if (text === '') delete next[l];
    update({ [key]: next });
  };
  const err = (path: string) => errors.get(path);
  const part: CardPartProps = { draft, update, err, languages, language };
  const previewCard = lastValid.current ? { ...lastValid.current, ...(imageUrl && lastValid.current.image === draft.image ? { image: imageUrl } : {}) } : null;
  const shownLanguage = previewLanguage ?? previewDeck.languages[0];
  const previewLanguages = [shownLanguage, ...previewDeck.languages.filter((l) => l !== shownLanguage)];

  async function remove() {
    if (!confirm(t('editor.deleteConfirm', { sku: draft!.sku || cardId }))) return;
    try {
      if (lastValid.current && (await call('card.get', { cardId })).card) await call('card.delete', { cardId });
      else await call('draft.discard', { cardId });
      go({ view: 'products' });
    } catch (e) {
      setLoadError(errorCode(e));
    }
  }

  async function discardDraft() {
    await call('draft.discard', { cardId });
    dirty.current = false;
    const { card } = await call('card.get', { cardId });
    load(card, card ?? blankCard(cardId));
    setRestored(false);
    setSave(card ? 'saved' : 'idle');
  }

  const errorCount = errors.size;

  return (
    <div className="editor-layout">
      <form className="card-editor" onSubmit={(e) => e.preventDefault()} aria-labelledby="editor-title" noValidate>
        <div className="editor-head">
          <h2 id="editor-title">{draft.sku ? t('editor.titleFor', { sku: draft.sku }) : t('editor.titleNew')}</h2>
          <p className={`save-state save-${save}`} role="status" aria-live="polite">
            {save === 'saving' && t('editor.saving')}
            {save === 'saved' && `✓ ${t('editor.saved')}`}
            {save === 'draft' && (errorCount > 0 ? t('editor.draftSaved', { count: errorCount }) : t('editor.draftKept'))}
            {save === 'failed' && t('editor.saveFailed')}
          </p>
        </div>
        <ChangedElsewhere conflicts={conflicts} label={conflictLabel} onChoose={choose} />
        {restored && (
          <p className="notice">
            {t('editor.draftRestored')}{' '}
            <button type="button" onClick={() => void discardDraft()}>
              {t('editor.discardDraft')}
            </button>
          </p>
        )}

        <section id="section-name" aria-labelledby="h-basics">
          <h3 id="h-basics">{t('editor.basics')}</h3>
          <div className="row">
            <Field label={t('editor.sku')} error={err('sku')}>
              {(p) => <input {...p} value={draft.sku} onChange={(e) => update({ sku: e.target.value })} autoComplete="off" />}
            </Field>
            <Field label={t('editor.category')} error={err('category')}>
              {(p) => (
                <select {...p} value={draft.category} onChange={(e) => update({ category: e.target.value as Card['category'] })}>
                  {Category.options.map((c) => (
                    <option key={c} value={c}>
                      {t(`category.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {languages.map((l) => (
            <Field key={l} label={`${t('editor.name')} (${ln(l)})`} error={err(`name.${l}`) ?? (l === language ? err('name') : undefined)}>
              {(p) => <input {...p} lang={l} value={draft.name[l] ?? ''} onChange={(e) => setText('name', l, e.target.value)} />}
            </Field>
          ))}
        </section>

        {membership.view}
        <FieldProblems card={lastValid.current} data={data} />

        <section id="section-image" aria-labelledby="h-image">
          <h3 id="h-image">{t('editor.image')}</h3>
          <ImagePicker call={call} value={draft.image} url={imageUrl} onChange={(image) => update({ image })} />
          <ErrorText error={err('image')} />
        </section>

        <section id="section-sizeChart" aria-labelledby="h-size">
          <h3 id="h-size">{t('editor.sizeChart')}</h3>
          {draft.sizeChart ? (
            <>
              <SizeChartEditor chart={draft.sizeChart} onChange={(sizeChart) => update({ sizeChart })} languages={languages} errors={errors} />
              <button type="button" className="danger" onClick={() => update({ sizeChart: undefined })}>
                {t('editor.removeSizeChart')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => update({ sizeChart: emptyChart(language) })}>
              + {t('editor.addSizeChart')}
            </button>
          )}
        </section>

        <DimensionsSection {...part} />

        <CaveatsSection {...part} />

        <DontSaySection {...part} />

        <NotesSection {...part} />

        <section id="section-policy" aria-labelledby="h-policy">
          <h3 id="h-policy">{t('editor.policy')}</h3>
          <PolicyPicker
            label={t('editor.policy')}
            value={draft.policyId}
            policies={data.policies}
            onChange={(policyId) => update({ policyId })}
            call={call}
            language={language}
            allowDefault
            market={previewDeck.market}
            openIn={field === 'policy' ? focusLanguage : undefined}
          />
          <ErrorText error={err('policyId')} />
        </section>

        <div className="actions editor-foot">
          <button type="button" onClick={() => go({ view: 'products' })}>
            {t('editor.backToProducts')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('editor.delete')}
          </button>
        </div>
      </form>

      <aside className="preview" aria-labelledby="preview-title">
        <div className="row">
          <h3 id="preview-title">{t('editor.preview')}</h3>
          <label>
            {t('editor.previewLanguage')}{' '}
            <select value={shownLanguage} onChange={(e) => setPreviewLanguage(e.target.value)}>
              {previewDeck.languages.map((l) => (
                <option key={l} value={l}>{ln(l)}</option>
              ))}
            </select>
          </label>
        </div>
        {parsed && !parsed.success && <p className="hint">{t(previewCard ? 'editor.previewLastValid' : 'editor.previewNone')}</p>}
        {previewCard && (
          <SidebarPreview bundle={{ deck: { ...previewDeck, languages: previewLanguages }, cards: [previewCard], policies: data.policies }} />
        )}
      </aside>
    </div>
  );
}

