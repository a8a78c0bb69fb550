// Small things the app used to say that were not so: prices of a list shown as the base
// price, taxes "needing a connection" while online, "ready for offline" with no product, a
// selection refused when the ERP's day is not the tablet's, one test id on two elements.
const { test, expect } = require('./watched');
const { signIn, fillOrder, selectForToday } = require('./helpers');
const { BASE, startServer, stopServer } = require('./own_server');

const brl = (text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));

test('a price list with no customer prices by that list, and says so', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-products').click();
  await expect(page.getByTestId('products-page')).toHaveCount(1);
  await page.getByTestId('products-search').fill('P00001');
  const price = page.getByTestId('product-row').first().getByTestId('product-price');
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  const base = brl(await price.textContent());
  await page.getByTestId('products-price-list').selectOption('002');
  await expect.poll(async () => brl(await price.textContent())).toBeCloseTo(Math.round(base * 92) / 100, 2);
  await expect(page.getByTestId('products-pricing-hint')).toContainText('002');
});

test('online, the sent page does not say taxes need a connection', async ({ page }) => {
  await signIn(page, 'ana');
  await fillOrder(page);
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  await expect(page.getByTestId('taxes-offline')).toHaveCount(0);
  await expect(page.getByTestId('sent-open')).toBeVisible();
});

test.describe('with a server of its own', () => {
  test.use({ baseURL: BASE });
  test.afterEach(stopServer);

  test('customers but no products selected: not "ready for offline"', async ({ page }) => {
    await startServer({ name: 'no-products' });
    await signIn(page, 'ana');
    await selectForToday(page, 2, 0);
    await expect(page.getByTestId('schema-customers-count')).toContainText('2', { timeout: 30_000 });
    await expect(page.getByTestId('priming-progress')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'false');
    await expect(page.getByTestId('offline-readiness')).toContainText(/produto/i);
  });

  test('the ERP a day ahead of the tablet: today\'s selection is today\'s, online and offline', async ({ page, context }) => {
    test.setTimeout(120_000);
    await startServer({ name: 'erp-ahead', args: ['--clock-offset', String(24 * 3600)] });
    await signIn(page, 'ana');
    await selectForToday(page, 2, 2);
    await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(page.getByTestId('selection-stale')).toHaveCount(0);
    await page.getByTestId('prime-now').click();
    await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await context.setOffline(true);
    await page.getByTestId('nav-customers').click();
    await expect(page.getByTestId('customer-row')).toHaveCount(2);
    await page.reload();
    await expect(page.getByTestId('customer-row')).toHaveCount(2);
    await expect(page.getByTestId('selection-stale')).toHaveCount(0);
  });
});
