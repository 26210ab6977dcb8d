import 'fake-indexeddb/auto';
import { render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { ProducerViews } from '../../components/studio/producer/ProducerViews';
import type { Sender } from '../../lib/background/service';
import { Library } from '../../lib/db/library';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';
import { createClient, type Send } from '../../lib/messaging/client';
import { ReturnsLoopStore } from '../../lib/returns/store';
import { EXT, testService } from '../helpers/service';

export const NOW = Date.UTC(2026, 10, 20, 12);
const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };

/** The producer's studio area over the real background service and a fake-indexeddb database. */
export function setupStudio() {
  const db = new UpfrontDb(`library-${Math.random().toString(36).slice(2)}`);
  const repo = new Repository(db);
  const library = new Library(db);
  const listeners = new Set<() => void>();
  const handle = testService({ repo, library, returnsLoop: new ReturnsLoopStore(db), now: () => NOW, notifyChanged: () => listeners.forEach((l) => l()) });
  const send = vi.fn<Send>((message) => handle(message, studio));
  const call = createClient(send);
  const onChanged = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const renderAt = (hash: string, i18n: I18n) => {
    location.hash = hash;
    return render(
      <I18nextProvider i18n={i18n}>
        <ProducerViews
          call={call}
          confirm={() => true}
          onChanged={onChanged}
        />
      </I18nextProvider>,
    );
  };
  return { db, repo, library, send, call, onChanged, renderAt };
}
