import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Timestamps } from '../../components/studio/settings/Timestamps';
import { memoryKeyValue } from '../../lib/background/kv';
import { Prover } from '../../lib/background/prover';
import { ProofStore } from '../../lib/db/proof-store';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';
import { createI18n } from '../../lib/i18n';
import { createClient } from '../../lib/messaging/client';
import type { Client } from '../../lib/messaging/client';
import { proofHandlers } from '../../lib/contracts/proofs';
import { requestSchemas } from '../../lib/contracts';
import { EXT, testService } from '../helpers/service';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

/** The settings over the real prover, its handlers and a fake-indexeddb database; nothing is fetched. */
function setup() {
  const db = new UpfrontDb(`ts-${Math.random().toString(36).slice(2)}`);
  const repo = new Repository(db);
  const prover = new Prover({ repo, store: new ProofStore(db), local: memoryKeyValue(), now: () => 0, fetch: () => Promise.reject(new TypeError('offline')) });
  const handlers = proofHandlers(prover) as Record<string, (p: unknown) => Promise<unknown>>;
  const call = createClient(async (m: { type: string; payload?: unknown }) => {
    const parsed = requestSchemas[m.type as keyof typeof requestSchemas].safeParse(m.payload ?? {});
    if (!parsed.success) return { ok: false, code: 'bad-message', detail: parsed.error.message };
    return { ok: true, data: await handlers[m.type](parsed.data) };
  }) as Client;
  return { prover, call };
}

const view = (call: Client, ask: (origin: string) => Promise<boolean>) =>
  render(
    <I18nextProvider i18n={i18n}>
      <Timestamps call={call} ask={ask} />
    </I18nextProvider>,
  );

describe('Settings › Time-stamps', () => {
  it('is off by default, asks for the one origin of the chosen authority, and saves it', async () => {
    const { call, prover } = setup();
    const ask = vi.fn(async () => true);
    view(call, ask);
    expect(await screen.findByRole('radio', { name: 'Off' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: /Other/ }));
    await userEvent.type(screen.getByLabelText('Authority URL'), 'https://tsa.example.com/tsr');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Time-stamps on: Upfront contacts https://tsa.example.com only.')).toBeInTheDocument();
    expect(ask).toHaveBeenCalledWith('https://tsa.example.com');
    expect(await prover.settings()).toEqual({ tsaUrl: 'https://tsa.example.com/tsr' });
  });

  it('changes nothing when the browser refuses the permission, and says so', async () => {
    const { call, prover } = setup();
    view(call, async () => false);
    await userEvent.click(await screen.findByRole('radio', { name: /FreeTSA/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not allow access to https://freetsa.org');
    expect(await prover.settings()).toEqual({});
  });

  it('refuses an address that is not http(s) before asking anything', async () => {
    const { call } = setup();
    const ask = vi.fn(async () => true);
    view(call, ask);
    await userEvent.click(await screen.findByRole('radio', { name: /Other/ }));
    await userEvent.type(screen.getByLabelText('Authority URL'), 'ftp://tsa.example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter an http or https address.');
    expect(ask).not.toHaveBeenCalled();
  });

  it('is all keyboard: choose, type and save without a pointer', async () => {
    const { call, prover } = setup();
    view(call, async () => true);
    await screen.findByRole('radio', { name: 'Off' });
    const user = userEvent.setup();
    screen.getByRole('radio', { name: 'Off' }).focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByRole('radio', { name: /FreeTSA/ })).toBeChecked());
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await prover.settings()).toEqual({ tsaUrl: 'https://freetsa.org/tsr' }));
  });
});

describe('Settings › Time-stamps, with shows waiting', () => {
  it('names each ended show still waiting for its time-stamp, by host, start and deck', async () => {
    const { demoBundle } = await import('../../lib/demo/deck');
    const db = new UpfrontDb(`ts-wait-${Math.random().toString(36).slice(2)}`);
    const repo = new Repository(db);
    const NOW = Date.UTC(2026, 10, 20, 12);
    await repo.putDeckBundle(demoBundle(NOW));
    const local = memoryKeyValue();
    // An authority that cannot be reached: every show stays waiting.
    const prover = new Prover({ repo, store: new ProofStore(db), local, now: () => NOW, fetch: () => Promise.reject(new TypeError('offline')) });
    await prover.setSettings({ tsaUrl: 'https://tsa.example.com/tsr' });
    const handle = testService({ repo, local, now: () => NOW, prover });
    const tab = { id: EXT, url: 'https://shop.tiktok.com/streamer/live/product/dashboard', tab: { id: 3 }, frameId: 0 };
    const frame = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html`, tab: { id: 3 }, frameId: 2 };
    const studio = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };
    await handle({ type: 'console.hello', payload: {} }, tab);
    await handle({ type: 'session.start', payload: { id: 'show-1', deckId: 'demo-deck', host: 'Ana' } }, frame);
    await handle({ type: 'session.end', payload: { sessionId: 'show-1' } }, frame);
    await prover.prove('show-1').catch(() => undefined);
    const call = createClient((m) => handle(m, studio)) as Client;
    view(call, async () => true);
    const item = await screen.findByText(/^Ana · /);
    expect(item.closest('li')).toHaveAttribute('data-session-id', 'show-1');
    expect(screen.getByText('1 ended show is waiting for its time-stamp.')).toBeInTheDocument();
  });
});
