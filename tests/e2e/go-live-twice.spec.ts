import { expect, test } from '@playwright/test';
import type { DisclosureEvent, Session } from '../../lib/schema/session';
import { CONSOLE, launch, readEvents, readStore, sidebarFrame } from './harness';

// Issue 15: Go live pressed twice in one task, then Enter, used to leave two open sessions.
test('Go live pressed twice in the same task, then Enter: one open session, and a reload lands on it', async ({}, testInfo) => {
  const { context, extensionId, worker } = await launch(testInfo.outputPath('profile'));
  try {
    const page = await context.newPage();
    await page.goto(CONSOLE);
    let sidebar = await sidebarFrame(page, extensionId);
    const hostField = sidebar.getByLabel('Host name');
    await hostField.fill('Lina');
    await hostField.focus();
    // Two clicks and the form's submission (what Enter does) in one task, before any answer;
    // then a real Enter in the host field, which the pending start must ignore too (once the
    // show is live the field is gone and Enter reaches nothing).
    await sidebar.getByRole('button', { name: 'Go live' }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
      button.form!.requestSubmit();
    });
    await page.keyboard.press('Enter');
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();

    const first = sidebar.locator('li.item').first();
    await first.getByRole('button', { name: /Mark said/ }).click();
    await expect(first.getByRole('button', { name: /recorded/i })).toBeVisible();

    const sessions = await readStore<Session>(worker, 'sessions');
    expect(sessions.filter((s) => s.endedAt === undefined)).toHaveLength(1);
    expect(sessions).toHaveLength(1);
    const events = await readEvents<DisclosureEvent>(worker);
    expect(events.map((e) => e.sessionId)).toEqual([sessions[0].id]);

    // The console reloads: the sidebar comes back live on that session, its mark kept, and
    // offers nothing to resume.
    await page.reload();
    sidebar = await sidebarFrame(page, extensionId);
    await expect(sidebar.getByText(/Live · Lina/)).toBeVisible();
    await expect(sidebar.locator('li.item').first().getByRole('button', { name: /recorded/i })).toBeVisible();
    await expect(sidebar.getByRole('button', { name: 'Resume session' })).toHaveCount(0);
    expect((await readStore<Session>(worker, 'sessions')).filter((s) => s.endedAt === undefined)).toHaveLength(1);
  } finally {
    await context.close();
  }
});
