import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { StageApp } from '@/components/stage/StageApp';
import { createI18n } from '@/lib/i18n';
import { browserPreferenceArea } from '@/lib/i18n/browser-preference';
import { initialUiLanguage } from '@/lib/i18n/preference';
import { createClient } from '@/lib/messaging/client';
import { keepConnected } from '@/lib/messaging/port';
import { STAGE_PORT } from '@/lib/messaging/types';
import { readStagePush } from '@/lib/stage/push';
import type { StageState } from '@/lib/stage/state';
import '@/components/stage/stage.css';

// Wiring only: the stage's UI is in components/stage. The session it shows is in the URL's hash.
const call = createClient((message) => browser.runtime.sendMessage(message));
const sessionId = decodeURIComponent(location.hash.slice(1));

async function start() {
  const i18n = await createI18n(await initialUiLanguage(browserPreferenceArea(), browser.i18n.getUILanguage()));
  const listeners = new Set<(state: StageState | null | undefined) => void>();
  keepConnected(() => browser.runtime.connect({ name: STAGE_PORT }), {
    onConnect: (port) => port.postMessage({ type: 'watch', sessionId }),
    onMessage: (message) => {
      const push = readStagePush(message);
      if (push) listeners.forEach((l) => l(push.state));
    },
    onReconnect: () => listeners.forEach((l) => l(undefined)),
  });
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <StageApp
        call={call}
        sessionId={sessionId}
        onPush={(listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        }}
      />
    </I18nextProvider>,
  );
}

void start();
