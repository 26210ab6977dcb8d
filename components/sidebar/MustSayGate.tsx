import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import { itemForM } from '../../lib/sidebar/gate';
import { currentCard } from '../../lib/sidebar/store';
import { useActions, useSidebar } from './context';

/**
 * Shown when the host tries to leave a card with must-say items unsaid: what is missing, and
 * how to go on anyway (the same key again, recorded as skipped) or stay. An inline alert, not a
 * modal: it must not steal focus from the console page.
 */
export function MustSayGate() {
  const { t } = useTranslation();
  const actions = useActions();
  const gate = useSidebar((s) => s.gate);
  const bundle = useSidebar((s) => s.bundle);
  const index = useSidebar((s) => s.index);
  const language = useSidebar((s) => s.session?.language);
  const selected = useSidebar((s) => s.selected);
  if (!gate || !bundle) return null;
  const current = currentCard({ bundle, index });
  if (!current) return null;
  const langs = bundle.deck.languages;
  const lang = language ?? langs[0];
  const name = localize(current.card.name, lang, langs)?.text ?? current.card.sku;
  const key = gate.to > index ? 'J' : 'K';
  const label = (m: { kind: string; id: string }) => {
    const caveat = m.kind === 'caveat' ? current.card.caveats.find((c) => c.id === m.id) : undefined;
    return caveat ? localize(caveat.text, lang, langs)?.text : t(`item.${m.kind}`);
  };
  // The same rule as the M key (lib/sidebar/gate.ts): the host sees what M will record.
  const forM = itemForM(current.items, selected, gate.missing);
  return (
    <div className="gate" role="alert" aria-labelledby="gate-title">
      <h3 id="gate-title">⚠ {t('gate.title')}</h3>
      <p>{t('gate.body', { name })}</p>
      <ul>
        {gate.missing.map((m) => {
          const i = current.items.findIndex((it) => it.kind === m.kind && it.id === m.id);
          const next = forM?.kind === m.kind && forM.id === m.id;
          return (
            <li key={`${m.kind}:${m.id}`} className={next ? 'gate-next' : undefined}>
              <kbd aria-hidden="true">{i + 1}</kbd> {label(m)}
            </li>
          );
        })}
      </ul>
      {forM && (
        <p className="gate-m">
          <kbd aria-hidden="true">M</kbd> {t('gate.markWithM', { item: label(forM) })}
        </p>
      )}
      <p className="gate-hint">{t('gate.hint', { key })}</p>
      <div className="gate-actions">
        <button type="button" className="danger" onClick={actions.confirmGate}>
          {t('gate.goOn')} ({key})
        </button>
        <button type="button" onClick={actions.cancelGate}>
          {t('gate.stay')} (Esc)
        </button>
      </div>
    </div>
  );
}
