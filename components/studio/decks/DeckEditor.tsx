import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/cards/text';
import type { Client } from '../../../lib/messaging/client';
import { acceptedTermFlags, deckProblems } from '../../../lib/readiness';
import { useReturnsProblems } from '../returns/feedback';
import type { Card } from '../../../lib/schema/card';
import { Deck } from '../../../lib/schema/deck';
import { errorsByPath, fieldErrors } from '../../../lib/validation';
import { SidebarPreview } from '../producer/Preview';
import { errorCode, newId, useResolvedImages, type ProducerLists } from '../producer/data';
import { routeHref, type Route } from '../producer/route';
import { ErrorText, Field } from '../editor/fields';
import { PolicyPicker } from '../editor/PolicyEditor';
import { downloadDeck } from './deck-download';
import { LinkNumberInput, linkNumberFields, type LinkField } from './LinkNumbers';
import { DeckProblems, useLandOn } from './DeckProblems';
import { Readiness } from './Readiness';
import { useLanguageName } from '../../common/language-name';

const COMMON_LANGUAGES = ['en', 'zh-CN', 'es', 'fr', 'de', 'ja', 'ko', 'pt', 'it', 'th', 'vi', 'id', 'ms'];
const COMMON_MARKETS = ['EU', 'GB', 'US', 'CN', 'JP', 'AU', 'DE', 'FR', 'ES', 'IT', 'SG', 'MY', 'TH', 'VN', 'ID', 'PH'];

interface RowProps {
  card: Card;
  index: number;
  count: number;
  label: string;
  link: LinkField;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

function SortableRow({ card, index, count, label, link, onMove, onRemove }: RowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={`deck-row${isDragging ? ' dragging' : ''}`} data-sku={card.sku}>
      <button type="button" className="handle" {...attributes} {...listeners} aria-label={t('decks.dragHandle', { name: label })}>
        ⠿
      </button>
      <span className="run-index">{index + 1}</span>
      <LinkNumberInput label={label} field={link} />
      <a href={routeHref({ view: 'card', id: card.id })}>
        {card.sku} · {label}
      </a>
      <span className="spacer" />
      <button type="button" className="icon" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('decks.moveUp', { name: label })}>
        ↑
      </button>
      <button type="button" className="icon" disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('decks.moveDown', { name: label })}>
        ↓
      </button>
      <button type="button" className="icon" onClick={onRemove} aria-label={t('decks.removeFromDeck', { name: label })}>
        ×
      </button>
    </li>
  );
}

/**
 * One deck: its name, market, languages and default return policy; its products in run-sheet
 * order (drag and drop, or the handle with Space and the arrow keys, or the ↑ ↓ buttons); the
 * readiness check; and the sidebar preview of the whole run sheet. Changes save as you go.
 */
interface Props {
  deckId: string;
  data: ProducerLists;
  call: Client;
  go: (r: Route) => void;
  /** Where a readiness link lands: "products" or "policy", and the language a policy text is missing in. */
  field?: string;
  language?: string;
}

export function DeckEditor({ deckId, data, call, go, field, language: focusLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const ln = useLanguageName();
  const stored = data.decks.find((d) => d.id === deckId);
  const [deck, setDeck] = useState<Deck | undefined>(stored);
  const [error, setError] = useState<string>();
  const [addQuery, setAddQuery] = useState('');
  const [announce, setAnnounce] = useState('');
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setDeck(stored);
  }, [stored]);

  const parsed = useMemo(() => (deck ? Deck.safeParse(deck) : null), [deck]);
  const errors = useMemo(() => (parsed && !parsed.success ? errorsByPath(fieldErrors(parsed.error)) : new Map()), [parsed]);
  // Saved after a short pause; a change still pending when the producer leaves is saved at once.
  const pending = useRef<(() => Promise<void>) | null>(null);
  useEffect(() => {
    if (!dirty.current || !parsed?.success) return;
    const deckToSave = parsed.data;
    const run = async () => {
      pending.current = null;
      try {
        await call('deck.save', { deck: deckToSave });
        dirty.current = false;
        setError(undefined);
      } catch (err) {
        setError(errorCode(err));
      }
    };
    pending.current = run;
    const timer = setTimeout(() => void run(), 300);
    return () => clearTimeout(timer);
  }, [parsed, call]);
  useEffect(() => () => void pending.current?.(), []);
  // What buyers sent back asks for fixes too (issue 17); re-asked when the cards change.
  const fromReturns = useReturnsProblems(call, deckId, data.cards);
  useLandOn(field);

  const previewCards = useResolvedImages(call, deck ? deck.cardIds.map((id) => data.cards.find((c) => c.id === id)).filter((c): c is Card => c !== undefined) : []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  if (!deck) return <p role="alert">{t('errors.deck-not-found')}</p>;
  const cardsById = new Map(data.cards.map((c) => [c.id, c]));
  const deckCards = deck.cardIds.map((id) => cardsById.get(id)).filter((c): c is Card => c !== undefined);
  const label = (c: Card) => localize(c.name, deck.languages[0] ?? i18n.language, deck.languages)?.text ?? c.sku;
  const update = (patch: Partial<Deck>) => {
    dirty.current = true;
    setDeck({ ...deck, ...patch });
  };
  const move = (from: number, to: number) => {
    update({ cardIds: arrayMove(deck.cardIds, from, to) });
    const card = cardsById.get(deck.cardIds[from]);
    setAnnounce(t('decks.moved', { name: card ? label(card) : '', position: to + 1, count: deck.cardIds.length }));
  };
  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    move(deck.cardIds.indexOf(String(e.active.id)), deck.cardIds.indexOf(String(e.over.id)));
  };
  const problems = [...deckProblems(deck, data.cards, data.policies), ...fromReturns];
  const linkField = linkNumberFields(deck, deckCards, update);
  const q = addQuery.trim().toLowerCase();
  const addable = data.cards.filter((c) => !deck.cardIds.includes(c.id) && (!q || c.sku.toLowerCase().includes(q) || Object.values(c.name).some((n) => n.toLowerCase().includes(q))));

  async function exportFile() {
    try {
      const exported = await call('deck.export', { deckId });
      downloadDeck(deck!.name, exported);
    } catch (err) {
      setError(errorCode(err));
    }
  }

  const toggleLanguage = (l: string, on: boolean) => update({ languages: on ? [...deck.languages, l] : deck.languages.filter((x) => x !== l) });
  const extraLanguages = deck.languages.filter((l) => !COMMON_LANGUAGES.includes(l));

  return (
    <div className="deck-layout">
      <div className="deck-editor">
        <div className="row spread">
          <h2>{deck.name || t('decks.untitled')}</h2>
          <div className="actions">
            <button type="button" onClick={() => void exportFile()}>
              {t('decks.export')}
            </button>
            <a className="button" href={routeHref({ view: 'print', id: deckId })}>
              {t('decks.print')}
            </a>
            <button type="button" onClick={() => go({ view: 'decks' })}>
              {t('decks.back')}
            </button>
          </div>
        </div>
        {error && (
          <p role="alert" className="error">
            {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
          </p>
        )}
        <section aria-labelledby="deck-settings">
          <h3 id="deck-settings">{t('decks.settings')}</h3>
          <div className="row">
            <Field label={t('decks.name')} error={errors.get('name')}>
              {(p) => <input {...p} value={deck.name} onChange={(e) => update({ name: e.target.value })} />}
            </Field>
            <Field label={t('decks.market')} error={errors.get('market')}>
              {(p) => (
                <input {...p} className="short" list="markets" value={deck.market} onChange={(e) => update({ market: e.target.value.toUpperCase() })} maxLength={2} />
              )}
            </Field>
            <datalist id="markets">
              {COMMON_MARKETS.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </div>
          <fieldset className="languages">
            <legend>{t('decks.languages')}</legend>
            {[...COMMON_LANGUAGES, ...extraLanguages].map((l) => (
              <label key={l} className="check">
                <input type="checkbox" checked={deck.languages.includes(l)} onChange={(e) => toggleLanguage(l, e.target.checked)} /> {ln(l)}
              </label>
            ))}
            <p className="hint">{t('decks.languagesHint')}</p>
            <ErrorText error={errors.get('languages')} />
          </fieldset>
          <PolicyPicker
            id="deck-default-policy"
            label={t('decks.defaultPolicy')}
            value={deck.defaultPolicyId}
            policies={data.policies}
            onChange={(defaultPolicyId) => update({ defaultPolicyId })}
            call={call}
            language={deck.languages[0] ?? 'en'}
            allowDefault={false}
            market={deck.market}
            openIn={field === 'policy' ? focusLanguage : undefined}
          />
          <DeckProblems problems={problems} field="policy" />
        </section>

        <section id="section-products" aria-labelledby="deck-products">
          <h3 id="deck-products">{t('decks.runSheet', { count: deckCards.length })}</h3>
          <p className="hint" id="dnd-help">
            {t('decks.reorderHint')}
          </p>
          <p className="hint">{t('decks.linkNumberHint')}</p>
          <DeckProblems problems={problems} field="deck" />
          <p className="visually-hidden" role="status" aria-live="polite">
            {announce}
          </p>
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              screenReaderInstructions: { draggable: t('decks.reorderHint') },
              announcements: {
                onDragStart: ({ active }) => t('decks.picked', { name: label(cardsById.get(String(active.id))!) }),
                onDragOver: ({ over }) => (over ? t('decks.over', { position: deck.cardIds.indexOf(String(over.id)) + 1 }) : ''),
                onDragEnd: ({ over }) => (over ? t('decks.dropped', { position: deck.cardIds.indexOf(String(over.id)) + 1 }) : ''),
                onDragCancel: () => t('decks.cancelled'),
              },
            }}
          >
            <SortableContext items={deckCards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
              <ol className="deck-cards plain" aria-describedby="dnd-help">
                {deckCards.map((c, i) => (
                  <SortableRow key={c.id} card={c} index={i} count={deckCards.length} label={label(c)} link={linkField(c, i)} onMove={move} onRemove={() => update({ cardIds: deck.cardIds.filter((id) => id !== c.id) })} />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
          <button type="button" onClick={() => go({ view: 'card', id: newId(), deck: deckId })}>
            + {t('decks.newProduct')}
          </button>
          <details className="add-products">
            <summary>{t('decks.addProducts')}</summary>
            <label>
              {t('products.search')} <input type="search" value={addQuery} onChange={(e) => setAddQuery(e.target.value)} />
            </label>
            <ul className="plain">
              {addable.slice(0, 50).map((c) => (
                <li key={c.id} className="row">
                  <span>
                    {c.sku} · {label(c)}
                  </span>
                  <button type="button" onClick={() => update({ cardIds: [...deck.cardIds, c.id] })} aria-label={t('decks.addOne', { name: `${c.sku} ${label(c)}` })}>
                    + {t('decks.add')}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        </section>

        <Readiness problems={problems} cards={data.cards} deckId={deckId} accepted={acceptedTermFlags(deck, data.cards, data.policies)} call={call} />
      </div>
      <aside className="preview" aria-labelledby="deck-preview-title">
        <h3 id="deck-preview-title">{t('decks.preview')}</h3>
        {deckCards.length > 0 ? <SidebarPreview runSheet bundle={{ deck, cards: previewCards, policies: data.policies }} /> : <p>{t('decks.previewEmpty')}</p>}
      </aside>
    </div>
  );
}
