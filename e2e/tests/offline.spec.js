// The offline shell: after one online visit the app opens with no network, from the service
// worker's cache, and shows the customers kept in IndexedDB, read-only.
const { test, expect } = require('@playwright/test');
const { signIn } = require('./helpers');

/** Waits until the service worker controls the page (it claims clients on activation). */
async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
}

test('after one online visit the app reloads with no network and shows the saved customers', async ({ page, context }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  const rows = page.getByTestId('customer-row');
  await expect(page.getByTestId('customers-list')).toHaveAttribute('data-source', 'server');
  await expect(rows).toHaveCount(20);
  const onlineCodes = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.code));
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('seller-name')).toHaveText('Ana Ribeiro');
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.getByTestId('customers-list')).toHaveAttribute('data-source', 'device');
  await expect(rows).toHaveCount(20);
  const offlineCodes = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.code));
  expect(offlineCodes).toEqual(onlineCodes);

  // Search and views work on the device's copy too.
  await page.getByTestId('customers-search').fill(onlineCodes[1]);
  await expect(rows).toHaveCount(1);
  await page.getByTestId('customers-search').fill('');
  await page.getByTestId('view-cards').click();
  await expect(page.getByTestId('customer-card')).toHaveCount(20);
  await page.getByTestId('view-table').click();

  // Details of a saved customer open offline; an unsaved one says it is not on the device.
  await rows.first().getByTestId('customer-link').click();
  await expect(page.getByTestId('customer-details')).toBeVisible();
  await expect(page.getByTestId('customer-name')).not.toBeEmpty();
  await expect(page.getByTestId('customer-finances')).toHaveCount(0); // finances need the ERP
  await page.goto('/customers/000099/01').catch(() => {});
  await expect(page.getByTestId('customer-missing')).toBeVisible();

  // Back online: the indicator and the list follow without a reload.
  await page.getByTestId('nav-customers').click();
  await context.setOffline(false);
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('customers-list')).toHaveAttribute('data-source', 'server');
});

test('a server that does not answer counts as offline, and the device copy is shown', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(20);

  // The network is up but the ERP is gone.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.getByTestId('customers-search').fill('a');
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('customers-list')).toHaveAttribute('data-source', 'device');
  await expect(page.getByTestId('offline-banner')).toBeVisible();

  // The probe notices when it answers again.
  await page.unroute('**/api/**');
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 25_000 });
});
