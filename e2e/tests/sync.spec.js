// The sync engine's push side: an order saved while the ERP cannot be reached stays on the
// device (also across a reload), then goes out by itself when the ERP answers again, once.
const { test, expect } = require('@playwright/test');
const { signIn, apiToken, fillOrder, ordersWithExternalId, pendingOrder, QUEUE } = require('./helpers');

test('an order written while the ERP is unreachable is kept, survives a reload, and is sent once it answers', async ({ page, request }) => {
  await signIn(page, 'ana');
  await fillOrder(page);

  // The ERP's queue stops answering.
  await page.route('**/api/tgv/integrationqueue**', (route) => route.abort('connectionrefused'));
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1');
  const externalId = page.url().split('/sent/')[1];

  await page.reload();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');

  // It answers again: the engine sends it by itself and follows it to the ERP's number.
  await page.unroute('**/api/tgv/integrationqueue**');
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 40_000 });
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');

  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});

test('a send cut after the ERP committed it is retried under the same id: still one order', async ({ page, request }) => {
  await signIn(page, 'ana');
  await fillOrder(page);
  // The first POST reaches the server, which queues it; the answer never comes back.
  let posts = 0;
  await page.route('**/api/tgv/integrationqueue/', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posts += 1;
    if (posts === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  const externalId = page.url().split('/sent/')[1];
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });
  expect(posts).toBeGreaterThanOrEqual(2);
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});

test('two tabs: one pushes each order, the other shows the result without a reload', async ({ context, request }) => {
  const one = await context.newPage();
  await signIn(one, 'ana');
  const two = await context.newPage();
  await two.goto('/orders');
  await expect(two.getByTestId('seller-name')).toBeVisible();

  // Written while the device has no network: it waits on the device, seen by both tabs.
  await fillOrder(one);
  await context.setOffline(true);
  await one.getByTestId('form-send').click();
  await expect(one.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  const externalId = one.url().split('/sent/')[1];
  await two.getByTestId('sync-now').isVisible();

  // The network comes back in both tabs at once: both engines wake, one sends.
  const pushes = [];
  context.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/tgv/integrationqueue')) pushes.push(r.url());
  });
  await context.setOffline(false);
  await expect(one.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });
  await expect(two.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  await two.getByTestId('sync-now').click();
  await one.getByTestId('sync-now').click();
  await one.waitForTimeout(1_000);
  expect(pushes).toHaveLength(1);
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});

test('signing out with documents still on the device warns, keeps them, and sends them at the next sign-in', async ({ page, request }) => {
  await signIn(page, 'ana');
  const externalId = await pendingOrder(page);

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('logout-warning')).toBeVisible();
  await expect(page.getByTestId('logout-pending')).toHaveAttribute('data-count', '1');
  await page.getByTestId('logout-cancel').click();
  await expect(page.getByTestId('seller-name')).toBeVisible();
  await page.getByTestId('logout').click();
  await page.getByTestId('logout-anyway').click();
  await expect(page.getByTestId('login-form')).toBeVisible();

  // Another seller on the same device sees none of it, and sends none of it.
  await page.unroute(QUEUE);
  const pushed = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/tgv/integrationqueue')) pushed.push(r.postData());
  });
  await signIn(page, 'bruno');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await page.getByTestId('sync-now').click();
  await page.waitForTimeout(1_000);
  expect(pushed).toHaveLength(0);
  await page.getByTestId('logout').click();

  // The same seller signs in again: it goes out by itself.
  await signIn(page, 'ana');
  await page.goto(`/sent/${externalId}`);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});
