import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import { unsaidInDeck } from '../../lib/sidebar/progress';
import { recapGroups } from '../../lib/sidebar/recap';
import { viewerLanguage } from '../../lib/sidebar/store';
import { useActions, useSidebar } from './context';
import { PolicySummaryText } from './PolicyView';

/**
 * Before "End session": the return policies of tonight's products, to read out once more. The
 * host confirms having said them (recorded), ends without, or keeps going.
 */
export function RecapDialog() {
  const { t } = useTranslation();
  const actions = useActions();
  const bundle = useSidebar((s) => s.bundle);
  // Read out in the language the host is presenting in (L), as the recorded event says.
  const language = useSidebar(viewerLanguage);
  const groups = useMemo(() => recapGroups(bundle), [bundle]);
  const marks = useSidebar((s) => s.marks);
  const skippedMarks = useSidebar((s) => s.skipped);
  // Must-say items never said: the host hears about them before the show ends (issue 21).
  const unsaid = useMemo(() => {
    const said = new Set(Object.entries(marks).filter(([, m]) => m.state !== 'failed').map(([k]) => k));
    return unsaidInDeck(bundle, said, new Set(Object.keys(skippedMarks)));
  }, [bundle, marks, skippedMarks]);
  const langs = bundle?.deck.languages ?? [];
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Take focus only when it is already in the sidebar: never pull it off the console page.
    if (document.hasFocus()) primary.current?.focus();
  }, []);
  return (
    <div className="recap" role="dialog" aria-modal="true" aria-labelledby="recap-title">
      <h2 id="recap-title">{t('recap.title')}</h2>
      {unsaid.length > 0 && (
        <section className="recap-unsaid" aria-labelledby="recap-unsaid-title">
          <h3 id="recap-unsaid-title">⚠ {t('recap.unsaidTitle', { count: unsaid.reduce((n, u) => n + u.items.length, 0) })}</h3>
          <ul>
            {unsaid.map(({ card, items }) => (
              <li key={card.id} data-card-id={card.id}>
                <strong>{localize(card.name, language, langs)?.text ?? card.sku}</strong>
                <ul>
                  {items.map(({ item, skipped }) => {
                    const caveat = item.kind === 'caveat' ? card.caveats.find((c) => c.id === item.id) : undefined;
                    return (
                      <li key={`${item.kind}:${item.id}`} data-status={skipped ? 'skipped' : 'not-said'}>
                        {caveat ? localize(caveat.text, language, langs)?.text : t(`item.${item.kind}`)} · {t(skipped ? 'recap.skipped' : 'recap.notSaid')}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          <p>{t('recap.unsaidHint')}</p>
        </section>
      )}
      <p>{t('recap.intro')}</p>
      {groups.length === 0 && <p className="missing">{t('recap.none')}</p>}
      {groups.map((g) => (
        <div key={g.policy.id} className="recap-policy">
          <p className="recap-name">
            {g.policy.name} · {t('recap.products', { count: g.cardCount })}
          </p>
          <PolicySummaryText policy={g.policy} language={language} fallbacks={bundle?.deck.languages} />
        </div>
      ))}
      <p className="muted">{t('recap.hint')}</p>
      <div className="recap-actions">
        <button type="button" className="primary" ref={primary} onClick={() => void actions.endWithRecap()}>
          {t('recap.saidAndEnd')} (E)
        </button>
        <button type="button" className="danger" onClick={() => void actions.endSession()}>
          {t('recap.endWithout')}
        </button>
        <button type="button" onClick={actions.closeRecap}>
          {t('recap.cancel')} (Esc)
        </button>
      </div>
    </div>
  );
}
