import { useTranslation } from 'react-i18next';
import type { Client } from '../../../lib/messaging/client';
import { SafetySettings, type DownloadsPermission } from './SafetySettings';
import { Timestamps } from './Timestamps';

/**
 * The studio's Settings section: the log's safety (the second copy, automatic copies in
 * Downloads, recovery; issue 22) and time-stamps from an independent authority (issue 19).
 */
export function SettingsSection({ call, downloads }: { call: Client; downloads?: DownloadsPermission }) {
  const { t } = useTranslation();
  return (
    <div className="settings-section">
      <h2>{t('nav.settings')}</h2>
      <SafetySettings call={call} downloads={downloads} />
      <Timestamps call={call} />
    </div>
  );
}
