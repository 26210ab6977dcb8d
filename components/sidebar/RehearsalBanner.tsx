import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useSidebar } from './context';
import './rehearsal.css';

/**
 * Issue 20: says, in words and in shape (a dashed, striped box), that this is a rehearsal. The
 * live region is always on the page, so a screen reader announces the banner when it appears.
 */
export function RehearsalBanner() {
  const { t } = useTranslation();
  const rehearsing = useSidebar((s) => s.rehearsal && s.session !== null);
  return (
    <div aria-live="polite" className="rehearsal-live">
      {rehearsing && (
        <p className="rehearsal-banner" data-testid="rehearsal-banner">
          <strong>{t('rehearsal.banner')}</strong>
          {t('rehearsal.bannerText')}
        </p>
      )}
    </div>
  );
}

/** After a rehearsal ends: keep it for the producer's review in the studio, or discard it. */
export function RehearsalEnded() {
  const { t } = useTranslation();
  const actions = useActions();
  const ended = useSidebar((s) => s.rehearsalEnded);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The End key or button that ended it is gone: the choice gets the focus.
    if (ended && document.hasFocus()) keep.current?.focus();
  }, [ended]);
  if (!ended) return null;
  return (
    <section className="rehearsal-ended" aria-labelledby="rehearsal-ended-title" data-rehearsal-id={ended}>
      <h2 id="rehearsal-ended-title">{t('rehearsal.endedTitle')}</h2>
      <p>{t('rehearsal.endedText')}</p>
      <button type="button" className="primary" ref={keep} onClick={() => void actions.keepRehearsal()}>
        {t('rehearsal.keep')}
      </button>{' '}
      <button type="button" className="danger" onClick={() => void actions.discardRehearsal()}>
        {t('rehearsal.discard')}
      </button>
    </section>
  );
}
