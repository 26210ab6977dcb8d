import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SessionsArea } from '../../components/studio/sessions/SessionsArea';
import type { Session } from '../../lib/schema/session';
import { background, overlay, studio } from '../unit/sessions-helpers';
import { renderWithI18n } from './sessions-render';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ev = (id: string, cardId: string, itemId: string, action: string) => ({ id, sessionId: 's1', cardId, item: { kind: 'caveat', id: itemId }, language: 'en', action });

// Issue 21, point 13: the team lead's session list and Verify.
describe('session list for a team lead', () => {
  async function showWithOneSession() {
    const bg = await background();
    await bg.openConsole(1);
    const s = await bg.ok<Session>('session.start', { id: 's1', deckId: 'demo-deck', host: 'Lina' }, overlay(1));
    await bg.ok('event.record', ev('e1', 'demo-card-hoodie', 'demo-caveat-wash', 'said'), overlay(1));
    await bg.ok('event.record', ev('e2', 'demo-card-cushion-cover', 'demo-caveat-depth', 'skipped'), overlay(1));
    await renderWithI18n(<SessionsArea call={bg.client(studio)} onChanged={() => () => undefined} />);
    return { bg, session: s };
  }

  it('shows must-say coverage per session: said, skipped, not said', async () => {
    await showWithOneSession();
    const row = (await screen.findByText('Lina')).closest('tr')!;
    const cell = await within(row).findByText('1/3 said · 1 skipped · 1 not said');
    expect(cell).toHaveClass('coverage-risky');
    expect(screen.getByRole('columnheader', { name: 'Must-say coverage' })).toBeInTheDocument();
  });

  it('shows the chain head whole in the timeline, and copies it', async () => {
    const user = userEvent.setup();
    const { bg } = await showWithOneSession();
    await user.click(await screen.findByRole('button', { name: 'Timeline' }));
    const head = (await bg.repo.getSession('s1'))!.head;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    const shown = await screen.findByText(head);
    expect(shown.tagName).toBe('CODE');
    await user.click(screen.getByRole('button', { name: 'Copy the chain head' }));
    expect(await screen.findByText('Copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(head);
  });

  it('Verify shows each session’s head from the file', async () => {
    const user = userEvent.setup();
    await showWithOneSession();
    const text = readFileSync(path.join(ROOT, 'docs/examples/sample-log.json'), 'utf8');
    const heads = (JSON.parse(text) as { sessions: Session[] }).sessions.map((s) => s.head);
    await user.upload(screen.getByLabelText('Log file to verify'), new File([text], 'sample-log.json', { type: 'application/json' }));
    const report = await screen.findByText(/verifies/i, { selector: 'strong' });
    const list = report.closest('[role="status"]')!.querySelector('.verify-sessions') as HTMLElement;
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(heads.length));
    for (const h of heads) expect(within(list).getByText(h).tagName).toBe('CODE');
  });
});
