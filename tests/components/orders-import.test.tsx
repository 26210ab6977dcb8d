import 'fake-indexeddb/auto';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { ImportOrders } from '../../components/studio/returns/ImportOrders';
import type { Sender } from '../../lib/background/service';
import { UpfrontDb } from '../../lib/db/database';
import { OrderStore } from '../../lib/db/orders';
import { Repository } from '../../lib/db/repository';
import { createI18n } from '../../lib/i18n';
import { createClient } from '../../lib/messaging/client';
import { readerOnPage } from '../../lib/returns/import/reader';
import { orderLinesOf } from '../unit/stored-lines';
import { EXT, testService } from '../helpers/service';

const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };
const ROOT = path.resolve(import.meta.dirname, '../..');
const example = (name: string, type = 'text/csv') => new File([readFileSync(path.join(ROOT, 'docs/examples', name))], name, { type });

let i18n: I18n;
let db: UpfrontDb;

beforeAll(async () => {
  i18n = await createI18n('en');
});

beforeEach(() => {
  db = new UpfrontDb(`orders-ui-${Math.random().toString(36).slice(2)}`);
  const handle = testService({ repo: new Repository(db), orders: new OrderStore(db), now: () => Date.UTC(2026, 11, 1) });
  render(
    <I18nextProvider i18n={i18n}>
      <ImportOrders call={createClient((m) => handle(m, studio))} start={readerOnPage} />
    </I18nextProvider>,
  );
});

async function setZone(user: ReturnType<typeof userEvent.setup>, zone: string) {
  const input = screen.getByRole('combobox', { name: 'Shop time zone' });
  await user.clear(input);
  await user.click(input);
  await user.paste(zone);
}

it('reads a TikTok export in the chosen zone, previews it, stores it once', async () => {
  const user = userEvent.setup();
  await setZone(user, 'Europe/Madrid');
  await user.upload(screen.getByLabelText('Choose order or return files'), example('tiktok-orders.csv'));
  const card = await screen.findByRole('article', { name: /tiktok-orders\.csv/ });
  await within(card).findByText('9 order lines, 0 returns · dates read as Month/day/year');
  const first = within(card).getAllByRole('row')[1];
  expect(first).toHaveTextContent('11/20/2026 1:05:12 PM');
  expect(first).toHaveTextContent('2026-11-20 12:05:12 UTC');
  await user.click(within(card).getByRole('button', { name: 'Store 9 lines' }));
  await within(card).findByText(/Stored: 9 new order lines, 0 already there/);
  expect(await orderLinesOf(db).count()).toBe(9);
  expect((await orderLinesOf(db).get('tiktok:577023118420113401:DEMO-HOODIE-01-M'))?.orderedAt).toBe(Date.parse('2026-11-20T12:05:12Z'));
});

it('a wrong zone shows in the preview at once, before anything is stored', async () => {
  const user = userEvent.setup();
  await setZone(user, 'Europe/Madrid');
  await user.upload(screen.getByLabelText('Choose order or return files'), example('tiktok-orders.csv'));
  const card = await screen.findByRole('article', { name: /tiktok-orders\.csv/ });
  await within(card).findByText('2026-11-20 12:05:12 UTC');
  await setZone(user, 'Asia/Shanghai');
  await within(card).findByText('2026-11-20 05:05:12 UTC');
  expect(await orderLinesOf(db).count()).toBe(0);
});

it('asks the date order of a file whose dates read both ways', async () => {
  const user = userEvent.setup();
  await setZone(user, 'UTC');
  const csv = 'Order ID,Seller SKU,Quantity,Created Time\r\n577000000000000001,DEMO-SERUM-30,1,04/05/2026 10:00:00\r\n';
  await user.upload(screen.getByLabelText('Choose order or return files'), new File([csv], 'vn.csv', { type: 'text/csv' }));
  const card = await screen.findByRole('article', { name: /vn\.csv/ });
  await within(card).findByText('Is “04/05/2026 10:00:00” day/month or month/day?');
  await user.click(within(card).getByRole('button', { name: 'Day/month/year' }));
  await within(card).findByText(/1 order lines/);
  expect(within(card).getAllByRole('row')[1]).toHaveTextContent('2026-05-04 10:00:00 UTC');
});

it('maps an unknown layout, stores it and remembers the mapping', async () => {
  const user = userEvent.setup();
  await setZone(user, 'UTC');
  const csv = 'Ref,Item code,Units,Placed,Customer name\r\nA-1,DEMO-SERUM-30,2,2026-11-20 12:05:00,Zoe Quincy\r\n';
  await user.upload(screen.getByLabelText('Choose order or return files'), new File([csv], 'crm.csv', { type: 'text/csv' }));
  const card = await screen.findByRole('article', { name: /crm\.csv/ });
  await within(card).findByText('Which column holds what?');
  expect(card).not.toHaveTextContent('Zoe Quincy');
  expect(card).not.toHaveTextContent('Customer name');
  await user.selectOptions(within(card).getByRole('combobox', { name: 'Order id' }), 'Ref');
  await user.selectOptions(within(card).getByRole('combobox', { name: 'Line SKU' }), 'Item code');
  await user.click(within(card).getByRole('button', { name: 'Read the file with these columns' }));
  await within(card).findByText('Your column mapping');
  await user.click(within(card).getByRole('button', { name: 'Store 1 line' }));
  await within(card).findByText(/Stored: 1 new order lines/);
  expect(await db.orderLayouts.toArray()).toEqual([
    expect.objectContaining({ source: 'upfront', columns: { orderId: 'Ref', sku: 'Item code', quantity: 'Units', orderedAt: 'Placed' }, timeZone: 'UTC' }),
  ]);
});

it('lists what is wrong per row and column, and offers nothing to store', async () => {
  const user = userEvent.setup();
  const csv = 'order_id,sku,quantity,ordered_at\r\nA,X,two,2026-11-20T12:00:00Z\r\n';
  await user.upload(screen.getByLabelText('Choose order or return files'), new File([csv], 'bad.csv', { type: 'text/csv' }));
  const card = await screen.findByRole('article', { name: /bad\.csv/ });
  const alert = await within(card).findByRole('alert');
  expect(alert).toHaveTextContent('Row 2, column quantity: “two” must be a number above 0.');
  expect(within(card).queryByRole('button', { name: /Store/ })).toBeNull();
});
