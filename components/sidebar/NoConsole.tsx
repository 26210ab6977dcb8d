import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from './context';

/** Shown when the sidebar is not beside a console: offer to enable Upfront on this site. */
export function NoConsole({ origin }: { origin?: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const [enabled, setEnabled] = useState(false);
  return (
    <div className="no-console">
      <p>{t('sidebar.noConsole')}</p>
      {origin && host.enableSite && !enabled && (
        <button type="button" onClick={async () => setEnabled(await host.enableSite!(origin))}>
          {t('sidebar.enableSite', { origin })}
        </button>
      )}
      {origin && enabled && <p role="status">{t('sidebar.siteEnabled', { origin })}</p>}
    </div>
  );
}
