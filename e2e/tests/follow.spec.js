// Lists follow the sync: with My Orders open, an order the ERP accepts leaves "not sent" and
// appears in the ERP's list with its number, in place. The browser's "online" is checked
// with the server at once (not taken on trust), and a server that comes back is noticed
// within seconds. Signing in again sends what waited at once.
const { test, expect } = require('./watched');
const { signIn, apiToken, fillOrder, ordersWithExternalId, pendingOrder, QUEUE } = require('./helpers');

async function queueRow(request, token, externalId) {
  const res = await request.get(`/api/tgv/integrationqueue/?FILTER=id eq '${externalId}'`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await res.json()).items[0];
}

test('with My Orders open, an order the ERP accepts appears with its number within 5 s', async ({ page, context, request }) => {
  await signIn(page, 'ana');
  await fillOrder(page);
  await context.setOffline(true);
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  const externalId = page.url().split('/sent/')[1];
  await page.getByTestId('nav-orders').click();
  const unsent = page.locator(`[data-testid=unsent-document][data-external-id="${externalId}"]`);
  await expect(unsent).toBeVisible();
  const url = page.url();

  await context.setOffline(false);
  const token = await apiToken(request, 'ana');
  await expect.poll(async () => (await queueRow(request, token, externalId))?.status, { timeout: 30_000, intervals: [200] }).toBe('2');
  const accepted = Date.now();
  const [order] = await ordersWithExternalId(request, token, externalId);
  await expect(page.locator(`[data-testid=document-row][data-number="${order.orderid}"]`)).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - accepted).toBeLessThan(5_000);
  await expect(unsent).toHaveCount(0);
  expect(page.url()).toBe(url);
});

test('"online" from the browser is checked with the server, and its return is noticed within seconds', async ({ page, context }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.getByTestId('customers-search').fill('ab');
  const badge = page.getByTestId('connectivity');
  await expect(badge).toHaveAttribute('data-state', 'offline');
  // The network "comes back" but the server still does not answer: still offline.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForTimeout(1_500);
  await expect(badge).toHaveAttribute('data-state', 'offline');
  // It answers again.
  await page.unroute('**/api/**');
  const back = Date.now();
  await expect(badge).toHaveAttribute('data-state', 'online', { timeout: 5_000 });
  expect(Date.now() - back).toBeLessThan(5_000);
});

test('after signing out with an order on the device, signing in again sends it at once', async ({ page, request }) => {
  await signIn(page, 'ana');
  const externalId = await pendingOrder(page);
  await page.getByTestId('logout').click();
  await page.getByTestId('logout-anyway').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.unroute(QUEUE);

  await page.getByTestId('login-username').fill('ana');
  await page.getByTestId('login-password').fill('mascate1');
  await page.getByTestId('login-submit').click();
  const signedIn = Date.now();
  const token = await apiToken(request, 'ana');
  await expect.poll(async () => (await queueRow(request, token, externalId))?.id, { timeout: 5_000, intervals: [200] }).toBe(externalId);
  expect(Date.now() - signedIn).toBeLessThan(5_000);
  await expect.poll(async () => (await queueRow(request, token, externalId))?.status, { timeout: 20_000 }).toBe('2');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});
