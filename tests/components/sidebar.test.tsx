import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import type { SidebarHost } from '../../components/sidebar/context';
import { UpfrontError } from '../../lib/errors';
import { createI18n } from '../../lib/i18n';
import type { TabContext } from '../../lib/messaging/types';
import type { Session } from '../../lib/schema/session';
import { consoleContext as context, demo, fakeSidebar, NOW } from '../helpers/fake-background';
import { deferred } from '../helpers/deferred';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

interface Options {
  ctx?: TabContext | null;
  /** Answers tab.context; defaults to `ctx`. */
  tabContext?: () => Promise<TabContext | null>;
  host?: Partial<SidebarHost>;
  /** How often an unreachable background is asked again at opening (default: as shipped). */
  openRetryMs?: number[];
}

/** Renders the sidebar with a real store over a fake background. */
function renderSidebar({ ctx = context, tabContext, host = {}, openRetryMs }: Options = {}) {
  let live: Session | null = null;
  const record = vi.fn<(p: Record<string, unknown>) => Promise<unknown>>(async (p) => p);
  const { sidebar, call } = fakeSidebar({
    'tab.context': () => (tabContext ? tabContext() : ctx),
    'session.current': () => live,
    'session.start': (payload) => {
      live = {
        id: payload.id as string,
        deckId: payload.deckId as string,
        deckName: demo.deck.name,
        host: payload.host as string,
        platform: 'tiktok-shop',
        consoleOrigin: context.origin,
        market: 'EU',
        language: 'en',
        startedAt: NOW,
        lastSeq: 0,
        head: '0'.repeat(64),
      };
      return live;
    },
    'event.record': (payload) => record(payload),
  }, openRetryMs && { openRetryMs });
  const sidebarHost: SidebarHost = { mode: 'overlay', openStudio: vi.fn(), ...host };
  render(
    <I18nextProvider i18n={i18n}>
      <SidebarApp sidebar={sidebar} host={sidebarHost} />
    </I18nextProvider>,
  );
  void sidebar.actions.init();
  return { call, record, sidebar, host: sidebarHost };
}

async function goLive(user = userEvent.setup()) {
  await user.type(await screen.findByLabelText('Host name'), 'Ana');
  await user.click(screen.getByRole('button', { name: 'Go live' }));
  await screen.findByText(/Live · Ana/);
  return user;
}

const productTitle = () => screen.getByRole('heading', { level: 2 }).textContent;

describe('SidebarApp: first screens', () => {
  it('shows loading, then the Go live form with the demo deck labelled Demo', async () => {
    const answer = deferred<TabContext | null>();
    renderSidebar({ tabContext: () => answer.promise });
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    answer.resolve(context);

    const deck = await screen.findByRole('combobox', { name: 'Deck' });
    expect(within(deck).getByRole('option')).toHaveTextContent(`[Demo] ${demo.deck.name}`);
    expect(deck).toHaveValue('demo-deck');
    expect(screen.getByText('Demo', { selector: '.demo-banner' })).toBeInTheDocument();
    expect(screen.getByText('Not live: clicks are not recorded.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go live' })).toBeDisabled();
    expect(productTitle()).toBe('Oversized cotton hoodie');
  });

  it('shows the products of the run sheet, with must-say items flagged', async () => {
    renderSidebar();
    const runSheet = await screen.findByRole('navigation', { name: 'Run sheet' });
    const rows = within(runSheet).getAllByRole('button');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Oversized cotton hoodie');
    expect(rows[1]).toHaveTextContent('Stretch cushion cover, 60 × 60 cm');
    expect(rows[2]).toHaveTextContent('Vitamin C serum, 30 ml');
    expect(rows[0]).toHaveAttribute('aria-current', 'true');
    expect(screen.getByText('Dark colours bleed in the first washes: wash separately.')).toBeInTheDocument();
    expect(screen.getByText('Must say')).toBeInTheDocument();
  });

  it('disables "Mark said" before going live', async () => {
    renderSidebar();
    const buttons = await screen.findAllByRole('button', { name: /^Mark said/ });
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) expect(b).toBeDisabled();
  });

  it('says so when it is not beside a console, and offers to enable the site', async () => {
    const enableSite = vi.fn(async () => true);
    renderSidebar({ ctx: null, host: { mode: 'panel', enableSite, activeOrigin: async () => 'https://live.example.com' } });
    expect(await screen.findByText(/Open a livestream console/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Go live' })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Use Upfront on https://live.example.com' }));
    expect(enableSite).toHaveBeenCalledWith('https://live.example.com');
    expect(await screen.findByRole('status')).toHaveTextContent('Upfront is on for https://live.example.com');
  });

  it('shows an error with a retry when the background does not answer', async () => {
    let fail = true;
    renderSidebar({
      tabContext: async () => {
        if (fail) throw new UpfrontError('background-unreachable');
        return context;
      },
      // Asked again once before the error shows (tests/unit/sidebar-opening.test.ts has the pauses).
      openRetryMs: [0],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent("Upfront's background service did not answer.");
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('combobox', { name: 'Deck' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('SidebarApp: live', () => {
  it('goes live and shows the live badge', async () => {
    const { call } = renderSidebar();
    await goLive();
    expect(call).toHaveBeenCalledWith('session.start', expect.objectContaining({ id: 'id-1', deckId: 'demo-deck', host: 'Ana', tabId: 5 }));
    expect(screen.getByRole('status')).toHaveTextContent('● Live · Ana');
    expect(screen.queryByRole('button', { name: 'Go live' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'End session' })).toBeInTheDocument();
  });

  it('shows Saving… and then Recorded only when the background confirms', async () => {
    const { record } = renderSidebar();
    const user = await goLive();
    const answer = deferred<unknown>();
    record.mockReturnValueOnce(answer.promise);

    await user.click(screen.getByRole('button', { name: 'Mark said: Not suitable if' }));
    const button = screen.getByRole('button', { name: 'Mark said: Not suitable if' });
    expect(button).toHaveTextContent('Saving…');
    expect(button).toBeDisabled();
    expect(screen.queryByText(/Recorded/)).not.toBeInTheDocument();

    await act(async () => answer.resolve({}));
    const recorded = await screen.findByRole('button', { name: 'Not suitable if: recorded' });
    expect(recorded).toHaveTextContent('✓ Recorded');
    expect(recorded).toBeDisabled();
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ cardId: 'demo-card-hoodie', item: { kind: 'caveat', id: 'demo-caveat-wash' } }));
  });

  it('shows an alert when recording fails, and the retry reuses the event id', async () => {
    const { record } = renderSidebar();
    const user = await goLive();
    record.mockRejectedValueOnce(new UpfrontError('session-ended'));

    await user.click(screen.getByRole('button', { name: 'Mark said: Not suitable if' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not recorded: This session has ended; start a new one to record.');
    const button = screen.getByRole('button', { name: 'Mark said: Not suitable if' });
    expect(button).toHaveTextContent('Mark said');
    expect(button).toBeEnabled();

    await user.click(button);
    await screen.findByRole('button', { name: 'Not suitable if: recorded' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(record.mock.calls.map((c) => c[0].id)).toEqual(['id-2', 'id-2']);
  });

  it('moves between products with j and k, stopping at both ends', async () => {
    renderSidebar();
    await screen.findByRole('combobox', { name: 'Deck' });
    expect(productTitle()).toBe('Oversized cotton hoodie');

    fireEvent.keyDown(document, { key: 'j' });
    expect(productTitle()).toBe('Stretch cushion cover, 60 × 60 cm');
    expect(screen.getByText(/^Product 2 of 3/)).toBeInTheDocument();
    fireEvent.keyDown(document, { key: 'j' });
    fireEvent.keyDown(document, { key: 'j' });
    expect(productTitle()).toBe('Vitamin C serum, 30 ml');
    fireEvent.keyDown(document, { key: 'k' });
    expect(productTitle()).toBe('Stretch cushion cover, 60 × 60 cm');
    fireEvent.keyDown(document, { key: 'k' });
    fireEvent.keyDown(document, { key: 'k' });
    expect(productTitle()).toBe('Oversized cotton hoodie');
  });

  it('records an item picked with its digit key', async () => {
    const { record } = renderSidebar();
    await screen.findByRole('combobox', { name: 'Deck' });
    fireEvent.keyDown(document, { key: 'j' });
    await goLive();
    expect(productTitle()).toBe('Stretch cushion cover, 60 × 60 cm');

    // On the cover: 1 = the caveat, 2 = size and weight (no size chart), 3 = returns. The digit
    // picks the item; M marks the selected one (a no-op where the digit alone already marked).
    fireEvent.keyDown(document, { key: '3' });
    fireEvent.keyDown(document, { key: 'm' });
    await screen.findByRole('button', { name: 'Returns: recorded' });
    expect(record).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ cardId: 'demo-card-cushion-cover', item: { kind: 'policy', id: 'demo-policy-eu' }, action: 'said' }),
    );
    expect(screen.getByRole('button', { name: 'Mark said: Not suitable if' })).toHaveTextContent('Mark said');
  });

  it('ignores digit keys with a modifier and digits past the last item', async () => {
    const { record } = renderSidebar();
    await goLive();
    fireEvent.keyDown(document, { key: '1', ctrlKey: true });
    fireEvent.keyDown(document, { key: '9' });
    fireEvent.keyDown(document, { key: 'm', ctrlKey: true });
    await act(async () => undefined);
    expect(record).not.toHaveBeenCalled();
  });

  it('does not take keys typed into a field', async () => {
    renderSidebar();
    const field = await screen.findByLabelText('Host name');
    await userEvent.type(field, 'jk?');
    expect(field).toHaveValue('jk?');
    expect(productTitle()).toBe('Oversized cotton hoodie');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens the help overlay with ? and closes it with Escape', async () => {
    renderSidebar();
    await screen.findByRole('combobox', { name: 'Deck' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    fireEvent.keyDown(document, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getAllByText('Next product').length).toBeGreaterThan(0);
    expect(within(dialog).getByRole('button', { name: /Close/ })).toBeInTheDocument();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
