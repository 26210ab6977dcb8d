import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../lib/messaging/client';
import type { OnChanged } from './changes';
import { Catalogue } from './catalogue/Catalogue';
import { ImportOrders } from './returns/ImportOrders';
import { useCatalogueData } from './catalogue/data';
import { SessionsArea } from './sessions/SessionsArea';
import { SafetySettings, type DownloadsPermission } from './settings/SafetySettings';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { Translations } from './translations/Translations';

interface Props {
  call: Client;
  /** Subscribes to "data changed" pushes (./changes.ts); returns an unsubscribe function. */
  onChanged: OnChanged;
  confirm: (text: string) => boolean;
  /** The optional `downloads` permission, for the automatic copy of each show's log (issue 22). */
  downloads?: DownloadsPermission;
}

/** The full-tab studio: decks and products for producers, sessions and exports for the team. */
export function StudioApp({ call, onChanged, confirm, downloads }: Props) {
  const { t } = useTranslation();
  // The catalogue's one shared copy (catalogue/source.ts); sessions load themselves (sessions/SessionsArea.tsx).
  const { data, error: loadError, reload } = useCatalogueData(call, onChanged);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  async function removeDemo() {
    if (!confirm(t('studio.removeDemoConfirm'))) return;
    try {
      await call('demo.remove', {});
      setNotice(t('studio.demoRemoved'));
      await reload();
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }

  return (
    <div className="studio">
      <header className="studio-bar">
        <h1>{t('studio.title')}</h1>
        <LanguageSwitch className="studio-language" />
      </header>
      <main>
        {(error ?? loadError) && (
          <p role="alert" className="error">
            {t(`errors.${error ?? loadError}`, { defaultValue: t('errors.internal') })}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
        {!data ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            {/* Products, decks, imports, trash and hand cards (issue 4): components/studio/catalogue. */}
            <Catalogue call={call} onChanged={onChanged} confirm={confirm} />
            {data.decks.some((d) => d.demo) && (
              <p className="no-print">
                <button type="button" onClick={() => void removeDemo()}>
                  {t('studio.removeDemo')}
                </button>
              </p>
            )}

            {/* Issue 6: translation completeness and gaps per deck language: components/studio/translations. */}
            <Translations call={call} onChanged={onChanged} />

            <SessionsArea call={call} onChanged={onChanged} />

            {/* Issue 17, the returns loop's import (components/studio/returns); moves to the Returns section. */}
            <ImportOrders call={call} />

            {/* Issue 22: the log's second copy, automatic copies in Downloads, recovery (moves to Settings). */}
            <SafetySettings call={call} downloads={downloads} />
          </>
        )}
      </main>
    </div>
  );
}
