// The sync engine's push side: an order saved while the ERP cannot be reached stays on the
// device (also across a reload), then goes out by itself when the ERP answers again, once.
const { test, expect } = require('@playwright/test');
const { signIn, apiToken } = require('./helpers');

test('an order written while the ERP is unreachable is kept, survives a reload, and is sent once it answers', async ({ page, request }) => {
  await signIn(page, 'ana');
  await page.goto('/orders/new');
  await page.getByTestId('customer-search').fill('joao');
  await page.locator('[data-testid=customer-option][data-code="000002"]').click();
  await page.getByTestId('step-3').click();
  await page.getByTestId('product-search').fill('P00001');
  await page.locator('[data-testid=product-option][data-code="P00001"]').click();
  await page.getByTestId('step-4').click();

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
  const orders = await (await request.get(`/api/tgv/salesorders/?FILTER=externalid eq '${externalId}'`, {
    headers: { Authorization: `Bearer ${token}` },
  })).json();
  expect(orders.items).toHaveLength(1);
});
