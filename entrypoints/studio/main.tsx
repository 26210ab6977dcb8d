import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ImageUrlsContext } from '@/components/common/image-src';
import { StudioApp } from '@/components/studio/StudioApp';
import { changeListeners } from '@/components/studio/changes';
import { createImageUrls } from '@/lib/image-urls';
import { createI18n } from '@/lib/i18n';
import { browserPreferenceArea } from '@/lib/i18n/browser-preference';
import { initialUiLanguage, syncUiLanguage } from '@/lib/i18n/preference';
import { createClient } from '@/lib/messaging/client';
import { keepConnected } from '@/lib/messaging/port';
import { readSidebarPush } from '@/lib/messaging/push-protocol';
import { SIDEBAR_PORT } from '@/lib/messaging/types';
import '@/components/studio/studio.css';

// Wiring only: the studio's UI is in components/studio.
const call = createClient((message) => browser.runtime.sendMessage(message));
const imageUrls = createImageUrls((id) => call('image.get', { id }));

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
  // Each push says what changed, and each view re-reads only its part; a reconnection (pushes
  // may have been missed meanwhile) re-reads everything. Pushes are checked like the sidebar's.
  const changes = changeListeners();
  keepConnected(() => browser.runtime.connect({ name: SIDEBAR_PORT }), {
    onMessage: (message) => {
      const push = readSidebarPush(message);
      if (push?.type === 'changed') changes.notify(push);
    },
    onReconnect: () => changes.notify(),
  });
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <ImageUrlsContext.Provider value={imageUrls}>
        <StudioApp
          call={call}
          onChanged={changes.subscribe}
          confirm={(text) => window.confirm(text)}
          downloads={{
            granted: () => browser.permissions.contains({ permissions: ['downloads'] }),
            request: () => browser.permissions.request({ permissions: ['downloads'] }),
          }}
        />
      </ImageUrlsContext.Provider>
    </I18nextProvider>,
  );
}

void start();
