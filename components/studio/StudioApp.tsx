import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import type { DeckSummary } from '../../lib/db/repository';
import type { Client } from '../../lib/messaging/client';
import type { Card } from '../../lib/schema/card';
import { Catalogue } from './catalogue/Catalogue';
import { SessionsArea } from './sessions/SessionsArea';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { Translations } from './translations/Translations';
import { Timestamps } from './settings/Timestamps';

interface Props {
  call: Client;
  /** Subscribes to "data changed" pushes; returns an unsubscribe function. */
  onChanged: (listener: () => void) => () => void;
  confirm: (text: string) => boolean;
}

interface Data {
  decks: DeckSummary[];
  cards: Card[];
}

/** The full-tab studio: decks and products for producers, sessions and exports for the team. */
export function StudioApp({ call, onChanged, confirm }: Props) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    try {
      const [decks, cards] = await Promise.all([call('deck.list', {}), call('card.list', {})]);
      setData({ decks, cards });
      setError(undefined);
      // Sessions, exports, verification and merging load themselves (sessions/SessionsArea.tsx).
      setRevision((r) => r + 1);
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }, [call]);

  useEffect(() => {
    void load();
    return onChanged(() => void load());
  }, [load, onChanged]);

  async function removeDemo() {
    if (!confirm(t('studio.removeDemoConfirm'))) return;
    try {
      await call('demo.remove', {});
      setNotice(t('studio.demoRemoved'));
      await load();
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
        {error && (
          <p role="alert" className="error">
            {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
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

            <SessionsArea call={call} revision={revision} />
            <Timestamps call={call} />
          </>
        )}
      </main>
    </div>
  );
}
