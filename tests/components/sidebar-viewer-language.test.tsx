import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CardView } from '../../components/sidebar/CardView';
import { demoBundle } from '../../lib/demo/deck';
import { NOW, renderIn, sidebarFor } from './cards-render';

afterEach(cleanup);

// Issue 16 (WCAG 2.5.3, axe's label-content-name-mismatch): the viewer-language button is named
// by what it shows ("Cards in English"), so a voice user says what they see; what it does is its
// description, and the L shown beside the words is a hint, hidden from the name.
describe('the viewer-language button', () => {
  it.each(['en', 'zh-CN', 'es', 'ja'])('is named by its visible words in %s', async (ui) => {
    const { sidebar } = await sidebarFor(demoBundle(NOW));
    await renderIn(<CardView />, sidebar, ui);
    const button = await screen.findByTestId('viewer-language');
    const kbd = button.querySelector('kbd');
    expect(kbd).toHaveAttribute('aria-hidden', 'true');
    const visible = button.textContent!.replace(kbd!.textContent!, '').trim();
    expect(visible.length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: visible })).toBe(button);
    expect(button).not.toHaveAttribute('aria-label');
    expect(button.getAttribute('title')).not.toBe(visible);
  });
});
