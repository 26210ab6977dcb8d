import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { createI18n } from '../../lib/i18n';
import type { Session } from '../../lib/schema/session';
import { consoleContext, demo, fakeSidebar, NOW } from '../helpers/fake-background';
import { deferred } from '../helpers/deferred';

describe('Go live button while the start is on its way (issue 15)', () => {
  it('is disabled and busy, and a second press in the same task sends nothing more', async () => {
    const i18n = await createI18n('en');
    const answer = deferred<Session>();
    const { sidebar, types } = fakeSidebar({ 'session.start': () => answer.promise });
    render(
      <I18nextProvider i18n={i18n}>
        <SidebarApp sidebar={sidebar} host={{ mode: 'overlay', openStudio: vi.fn() }} />
      </I18nextProvider>,
    );
    void sidebar.actions.init();
    await userEvent.setup().type(await screen.findByLabelText('Host name'), 'Ana');
    const button = screen.getByRole('button', { name: 'Go live' });
    // Two clicks in one task: React has not re-rendered the button in between.
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAttribute('aria-busy', 'true');
    fireEvent.submit(button.closest('form')!); // Enter in the host field
    answer.resolve({ id: 'id-1', deckId: demo.deck.id, deckName: demo.deck.name, host: 'Ana', platform: 'tiktok-shop', consoleOrigin: consoleContext.origin, market: 'EU', language: 'en', startedAt: NOW, lastSeq: 0, head: '0'.repeat(64) });
    await screen.findByText(/Live · Ana/);
    expect(types().filter((t) => t === 'session.start')).toHaveLength(1);
  });
});
