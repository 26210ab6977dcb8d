import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { StudioApp } from '@/components/studio/StudioApp';
import { createI18n } from '@/lib/i18n';
import { browserPreferenceArea } from '@/lib/i18n/browser-preference';
import { initialUiLanguage, syncUiLanguage } from '@/lib/i18n/preference';
import { createClient } from '@/lib/messaging/client';
import { keepConnected } from '@/lib/messaging/port';
import { SIDEBAR_PORT } from '@/lib/messaging/types';
import '@/components/studio/studio.css';

// Wiring only: the studio's UI is in components/studio.
const call = createClient((message) => browser.runtime.sendMessage(message));

async function start() {
  // The language chosen in any Upfront page (extension storage), else the browser's; kept in step live.
  const prefs = browserPreferenceArea();
  const i18n = await createI18n(await initialUiLanguage(prefs, browser.i18n.getUILanguage()));
  document.documentElement.lang = i18n.language;
  document.title = i18n.t('studio.title');
  syncUiLanguage(i18n, prefs, (language) => {
    document.documentElement.lang = language;
    document.title = i18n.t('studio.title');
  });
  // Every push (and every reconnection, after which pushes may have been missed) re-reads.
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  keepConnected(() => browser.runtime.connect({ name: SIDEBAR_PORT }), { onMessage: notify, onReconnect: notify });
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <StudioApp
        call={call}
        onChanged={(listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        }}
        confirm={(text) => window.confirm(text)}
        downloads={{
          granted: () => browser.permissions.contains({ permissions: ['downloads'] }),
          request: () => browser.permissions.request({ permissions: ['downloads'] }),
        }}
      />
    </I18nextProvider>,
  );
}

void start();
