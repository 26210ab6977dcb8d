import { screen, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../lib/i18n';
import { Card } from '../../lib/schema/card';
import { NOW, setupStudio } from './studio-harness';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en');
});

describe('ready to go live?', () => {
  it('lists each problem with a link to the field that fixes it, and says ready once fixed', async () => {
    const s = setupStudio();
    const shirt = Card.parse({ id: 'shirt', sku: 'SHIRT', name: { en: 'Shirt' }, category: 'apparel', caveats: [{ id: 'c', text: { en: 'Not for dryers' }, mustSay: true }], updatedAt: NOW });
    await s.library.saveCard(shirt, NOW);
    await s.library.saveDeck({ id: 'd', name: 'Friday', cardIds: ['shirt'], market: 'EU', languages: ['en', 'zh-CN'], updatedAt: NOW }, NOW);
    s.renderAt('#/deck/d', i18n);
    const region = await screen.findByRole('region', { name: 'Ready to go live?' });
    expect(within(region).getByRole('status')).toHaveTextContent('5 problems to fix');
    const links = within(region).getAllByRole('link', { name: /^Fix/ }).map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '#/card/shirt?field=name&language=zh-CN',
      '#/card/shirt?field=image',
      '#/card/shirt?field=sizeChart',
      '#/card/shirt?field=caveats&language=zh-CN',
      '#/card/shirt?field=policy',
    ]);
    expect(within(region).getByText('A must-say caveat is missing in Chinese (China).')).toBeInTheDocument();

    // Fix them (through the background, as the editor does); the check follows the change push.
    await s.call('policy.save', { policy: { id: 'p', name: 'EU', markets: ['EU'], windowDays: 14, returnShippingPaidBy: 'buyer', exchanges: false, updatedAt: 0 } });
    await s.call('card.save', {
      card: {
        ...shirt,
        name: { en: 'Shirt', 'zh-CN': '衬衫' },
        image: 'https://cdn.example.com/shirt.jpg',
        sizeChart: { unit: 'cm', measurements: [{ id: 'chest', label: { en: 'Chest', 'zh-CN': '胸围' } }], rows: [{ size: 'M', values: { chest: 100 } }] },
        caveats: [{ id: 'c', text: { en: 'Not for dryers', 'zh-CN': '不可烘干' }, mustSay: true }],
        policyId: 'p',
      },
    });
    expect(await within(region).findByText('✓ Ready to go live.')).toBeInTheDocument();
    expect(within(region).queryAllByRole('link', { name: /^Fix/ })).toHaveLength(0);
  });
});
