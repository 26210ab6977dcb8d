import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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
  const index = useSidebar((s) => s.index);
  // Read out in the language the host is presenting in (L), as the recorded event says.
  const language = useSidebar(viewerLanguage);
  const groups = useMemo(() => recapGroups(bundle, index), [bundle, index]);
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Take focus only when it is already in the sidebar: never pull it off the console page.
    if (document.hasFocus()) primary.current?.focus();
  }, []);
  return (
    <div className="recap" role="dialog" aria-modal="true" aria-labelledby="recap-title">
      <h2 id="recap-title">{t('recap.title')}</h2>
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
