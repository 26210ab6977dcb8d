import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FIRST_CHECK_AFTER_MS } from '../../components/sidebar/SafetyNotices';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import type { SidebarHost } from '../../components/sidebar/context';
import { SafetySettings } from '../../components/studio/settings/SafetySettings';
import { createI18n } from '../../lib/i18n';
import type { Client } from '../../lib/messaging/client';
import type { RecoveryReport } from '../../lib/safety/recover';
import type { StorageStatus } from '../../lib/safety/storage-trend';
import type { AutoSaveSetting, SafetyStatus } from '../../lib/contracts/safety';
import { fakeSidebar, NOW } from '../helpers/fake-background';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

const MB = 1024 * 1024;
const report: RecoveryReport = {
  at: NOW,
  cause: 'reset',
  sessions: 2,
  events: 41,
  decks: 1,
  cards: 3,
  policies: 2,
  libraryCopiedAt: NOW - 60_000,
  withoutImage: 1,
  lost: [{ sessionId: 's2', host: 'Bo', startedAt: NOW - 3_600_000, events: 3, reason: 'chain-broken' }],
  disagreements: [],
  snapshotsMissing: 0,
  torn: 1,
  damaged: 0,
};
const status = (over: Partial<SafetyStatus> = {}): SafetyStatus => ({ recovery: null, journal: {}, autoSave: { enabled: true, asked: false }, ...over });

function renderSidebar(storage: StorageStatus, safetyStatus: SafetyStatus) {
  return renderSidebarWith(async () => storage, safetyStatus);
}

function renderSidebarWith(storage: () => Promise<StorageStatus>, safetyStatus: SafetyStatus) {
  const { sidebar } = fakeSidebar();
  const dismiss = vi.fn(async () => null);
  const host: SidebarHost = { mode: 'overlay', openStudio: vi.fn(), safety: { storage, status: async () => safetyStatus, dismiss } };
  render(
    <I18nextProvider i18n={i18n}>
      <SidebarApp sidebar={sidebar} host={host} />
    </I18nextProvider>,
  );
  void sidebar.actions.init();
  return { dismiss };
}

describe('sidebar: the disk and the recovery', () => {
  it('warns in plain words when the disk is filling up, without blocking the show', async () => {
    renderSidebar({ level: 'low', free: 40 * MB, usage: 0, quota: 40 * MB, dropPerMinute: 2 * MB, minutesLeft: 20 }, status());
    const warning = await screen.findByText(/Disk almost full: free space now\. Your log is safe so far\./, undefined, { timeout: FIRST_CHECK_AFTER_MS + 2000 });
    expect(warning).toHaveTextContent('40 MB left');
    expect(warning).toHaveTextContent('full in about 20 minutes');
    expect(warning).toHaveAttribute('role', 'status');
    expect(await screen.findByLabelText('Host name')).toBeEnabled(); // nothing blocked: the host can go live
  });

  it('says it is urgent as an alert when the disk itself ran short, without a misleading figure', async () => {
    renderSidebar({ level: 'critical', free: 900 * MB, usage: 0, quota: 900 * MB, dropPerMinute: 0, diskShort: true }, status());
    const warning = await screen.findByRole('alert', undefined, { timeout: FIRST_CHECK_AFTER_MS + 2000 });
    expect(warning).toHaveTextContent(/Disk nearly full: free space now or recording will stop/);
    expect(warning).not.toHaveTextContent('MB left');
  });

  it('shows nothing while there is room', async () => {
    const storage = vi.fn(async (): Promise<StorageStatus> => ({ level: 'ok', free: 5000 * MB, usage: 0, quota: 5000 * MB, dropPerMinute: 0 }));
    renderSidebarWith(storage, status());
    await waitFor(() => expect(storage).toHaveBeenCalled(), { timeout: FIRST_CHECK_AFTER_MS + 2000 });
    await screen.findByRole('button', { name: 'Go live' });
    expect(screen.queryByText(/Disk/)).toBeNull();
  });

  it('says what a recovery restored and what it could not, until dismissed', async () => {
    const { dismiss } = renderSidebar({ level: 'ok', free: 5000 * MB, usage: 0, quota: 5000 * MB, dropPerMinute: 0 }, status({ recovery: report }));
    expect(await screen.findByText(/rebuilt it from its second copy: 2 shows with 41 disclosures, 1 decks, 3 products/, undefined, { timeout: FIRST_CHECK_AFTER_MS + 2000 })).toBeInTheDocument();
    expect(screen.getByText(/Not restored: 3 disclosures of the show by Bo/)).toBeInTheDocument();
    expect(screen.getByText(/1 products were restored without their picture/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(dismiss).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByText(/rebuilt it from its second copy/)).toBeNull());
  });
});

describe('studio: the automatic copy in Downloads', () => {
  function renderSettings(initial: SafetyStatus, allow: boolean) {
    let setting: AutoSaveSetting = initial.autoSave;
    const call = vi.fn(async (type: string, payload: unknown) => {
      if (type === 'safety.status') return { ...initial, autoSave: setting };
      if (type === 'safety.autoSave') return (setting = { enabled: (payload as { enabled: boolean }).enabled, asked: true });
      if (type === 'safety.check') return { segments: 2, sessions: 1, events: 5, torn: 0, damaged: 0, broken: 0, disagreements: [], missingFromDatabase: 0 };
      throw new Error(type);
    }) as unknown as Client;
    const request = vi.fn(async () => allow);
    render(
      <I18nextProvider i18n={i18n}>
        <SafetySettings call={call} downloads={{ granted: async () => false, request }} />
      </I18nextProvider>,
    );
    return { call, request };
  }

  it('asks once; turning it on asks the browser for the downloads permission in the click', async () => {
    const { call, request } = renderSettings(status(), true);
    await userEvent.click(await screen.findByRole('button', { name: 'Turn on' }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('safety.autoSave', { enabled: true });
    expect(await screen.findByRole('checkbox', { name: /Save each ended show's log to Downloads/ })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Turn on' })).toBeNull();
  });

  it('stays off when the browser permission is refused', async () => {
    const { call } = renderSettings(status(), false);
    await userEvent.click(await screen.findByRole('button', { name: 'Turn on' }));
    expect(call).toHaveBeenCalledWith('safety.autoSave', { enabled: false });
    expect(await screen.findByRole('checkbox', { name: /Save each ended show's log/ })).not.toBeChecked();
  });

  it('"Not now" answers the question without asking the browser', async () => {
    const { call, request } = renderSettings(status(), true);
    await userEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(request).not.toHaveBeenCalled();
    expect(call).toHaveBeenCalledWith('safety.autoSave', { enabled: false });
  });

  it('checks the second copy against the database and says it agrees', async () => {
    renderSettings(status({ autoSave: { enabled: false, asked: true }, journal: { lastWriteAt: NOW } }), true);
    await userEvent.click(await screen.findByRole('button', { name: 'Check the second copy' }));
    expect(await screen.findByText(/holds 1 shows with 5 disclosures and agrees with the database/)).toBeInTheDocument();
  });
});
