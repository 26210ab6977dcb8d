import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../lib/format';

/** The part of navigator.storage the notice reads (tests pass a fake). */
export interface StorageApi {
  estimate: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
}

/** Warn from this share of the quota: room left for a few more shows' logs, time to export. */
export const NEAR_QUOTA = 0.8;

/**
 * The log lives only in this browser and Upfront never deletes it, so the studio says when
 * storage is nearly full or not persistent, and reminds the team to export ended sessions.
 */
export function StorageNotice({ storage, unexported, onExportUnexported }: { storage?: StorageApi; unexported: number; onExportUnexported?: () => void }) {
  const { t, i18n } = useTranslation();
  const api = storage ?? (typeof navigator !== 'undefined' ? (navigator.storage as StorageApi | undefined) : undefined);
  const [state, setState] = useState<{ usage: number; quota: number; persisted?: boolean } | null>(null);
  useEffect(() => {
    if (!api?.estimate) return;
    void (async () => {
      try {
        const e = await api.estimate();
        const persisted = api.persisted ? await api.persisted().catch(() => undefined) : undefined;
        setState({ usage: e.usage ?? 0, quota: e.quota ?? 0, persisted });
      } catch {
        setState(null);
      }
    })();
  }, [api]);
  const mb = (n: number) => formatNumber(n / 1_048_576, i18n.language, 0);
  const near = state && state.quota > 0 && state.usage / state.quota >= NEAR_QUOTA;
  return (
    <div className="storage-notice">
      {near && (
        <p role="alert" className="warning">
          {t('logs.nearQuota', { used: mb(state.usage), quota: mb(state.quota), percent: formatPercent((state.usage / state.quota) * 100, i18n.language) })}
        </p>
      )}
      {state?.persisted === false && <p className="note">{t('logs.notPersisted')}</p>}
      {unexported > 0 && (
        <p className="reminder">
          {t('logs.exportReminder', { count: unexported })}{' '}
          {onExportUnexported && (
            <button type="button" onClick={onExportUnexported}>
              {t('logs.exportThem')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
