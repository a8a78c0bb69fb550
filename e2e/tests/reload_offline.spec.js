// Every page a rep opens offline keeps its content when reloaded or opened by its address:
// a selected customer, the products, an order written on the device (by its ERP number and
// on its sent page), and the configurator. Against a server of its own, so today's selection
// is this spec's alone.
const { test, expect } = require('./watched');
const { readyOffline, writeFirstOrder } = require('./helpers');
const { BASE, startServer, stopServer } = require('./own_server');

test.use({ baseURL: BASE });
test.afterAll(stopServer);

test('offline, each route reloads from the device with the selection\'s data', async ({ page, context }) => {
  test.setTimeout(150_000);
  await startServer({ name: 'reload-offline' });
  await readyOffline(page, 'ana', 3, 4);

  // An order sent while online: the device keeps it with the ERP's number.
  const externalId = await writeFirstOrder(page, 2);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  const number = (await page.getByTestId('send-state').textContent()).match(/(\d{6})/)[1];
  await page.getByTestId('nav-customers').click();
  const first = page.getByTestId('customer-row').first();
  await expect(first).toBeVisible();
  const code = await first.getAttribute('data-code');
  const name = (await first.getByTestId('customer-link').textContent()).trim();
  const store = (await first.locator('td').first().textContent()).split('/')[1].trim();

  await context.setOffline(true);
  const routes = [
    [`/customers/${code}/${store}`, async () => {
      await expect(page.getByTestId('customer-name')).toHaveText(name);
      await expect(page.getByTestId('customer-address')).toBeVisible();
    }],
    ['/products', async () => {
      await expect(page.getByTestId('product-row')).toHaveCount(4);
    }],
    [`/orders/${number}`, async () => {
      await expect(page.getByTestId('document-number')).toContainText(number);
      await expect(page.getByTestId('document-item')).toHaveCount(1);
    }],
    [`/sent/${externalId}`, async () => {
      await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced');
      await expect(page.getByTestId('sent-items')).toContainText('2');
    }],
    ['/offline', async () => {
      await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true');
      await expect(page.getByTestId('schema-customers-count')).toContainText('3');
      await expect(page.getByTestId('schema-products-count')).toContainText('4');
    }],
  ];
  for (const [route, shows] of routes) {
    await page.goto(route);
    await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
    await shows();
    await page.reload();
    await shows();
  }
  await expect(page.getByTestId('customer-missing')).toHaveCount(0);
});
