// The session against servers of their own: when the ERP refuses the refresh token the rep
// chooses to go on offline with today's selection (reads and new documents on the device,
// nothing sent, a banner saying why) and the sign-in itself sends what waited, once; and
// with 5-second tokens half a minute of typing an order renews quietly: one token request
// per renewal (counted in the server's access log), the draft intact, one channel listener.
const { test, expect } = require('./watched');
const { apiToken, ordersWithExternalId, selectForToday, signIn, writeFirstOrder } = require('./helpers');
const { BASE, startServer, stopServer, requests, COUNT_CHANNEL_LISTENERS } = require('./own_server');

test.use({ baseURL: BASE });
test.afterEach(stopServer);

test('refresh refused: continue offline with the selection, write an order; signing in sends it at once, once', async ({ page, context, request }) => {
  test.setTimeout(150_000);
  // Tokens for 4 s, renewable for 12 s: idle a little longer and the session is over.
  const { log } = await startServer({ name: 'expiry', args: ['--access-ttl', '4', '--refresh-ttl', '12'] });
  await signIn(page, 'ana');
  await selectForToday(page, 3, 2);
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });

  // No network for longer than the refresh token lives; then the next call is refused.
  await context.setOffline(true);
  await page.waitForTimeout(14_000);
  await context.setOffline(false);
  // The connection's return is noticed within seconds and the first call to the ERP (today's
  // selection is pulled again) is refused: the question comes up by itself, as a modal dialog
  // (nothing behind it can be tapped until the rep answers).
  await expect(page.getByTestId('session-expired-dialog')).toBeVisible({ timeout: 20_000 });
  // Not answered yet: a reload (the tablet closing the app, say) asks again, not a banner.
  await page.reload();
  await expect(page.getByTestId('session-expired-dialog')).toBeVisible();
  await expect(page.getByTestId('session-expired-banner')).toHaveCount(0);
  await page.getByTestId('session-continue-offline').click();
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('session-expired-banner')).toBeVisible();
  await expect(page.getByTestId('seller-name')).toBeVisible();

  // Working offline: today's selection, and a new order that waits on the device.
  await expect(page.getByTestId('customers-list')).toHaveAttribute('data-source', 'device');
  await expect(page.getByTestId('customer-row')).toHaveCount(3);
  const externalId = await writeFirstOrder(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await page.reload();
  await expect(page.getByTestId('session-expired-banner')).toBeVisible();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  expect(requests(log, 'POST', '/api/tgv/integrationqueue')).toHaveLength(0);

  // Signing in again, right here: the order leaves at once, and the page stays.
  await page.getByTestId('session-banner-sign-in').click();
  await page.getByTestId('reauth-password').fill('mascate1');
  const signedIn = Date.now();
  await page.getByTestId('reauth-submit').click();
  await expect(page.getByTestId('session-expired-banner')).toHaveCount(0);
  await expect.poll(() => requests(log, 'POST', '/api/tgv/integrationqueue').length, { timeout: 5_000 }).toBe(1);
  expect(Date.now() - signedIn).toBeLessThan(5_000);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  expect(page.url()).toContain(`/sent/${externalId}`);
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
  expect(requests(log, 'POST', '/api/tgv/integrationqueue')).toHaveLength(1);
});

test('5-second tokens: 30 s of typing an order keeps the draft, one token request per renewal, one listener', async ({ page }) => {
  test.setTimeout(120_000);
  const { log } = await startServer({ name: 'short-tokens', args: ['--access-ttl', '5'] });
  await page.addInitScript(COUNT_CHANNEL_LISTENERS);
  await signIn(page, 'ana');
  await page.goto('/orders/new');
  await page.getByTestId('customer-search').fill('joao');
  await page.locator('[data-testid=customer-option][data-code="000002"]').click();
  await page.getByTestId('form-continue').click();
  await page.getByTestId('form-continue').click();
  const started = Date.now();
  const codes = ['P00001', 'P00002', 'P00003', 'P00004', 'P00005', 'P00006', 'P00007', 'P00008'];
  for (const [i, code] of codes.entries()) {
    await page.getByTestId('product-search').fill(code);
    await page.locator(`[data-testid=product-option][data-code="${code}"]`).click();
    await page.locator(`[data-testid=item-row][data-product="${code}"] [data-testid=item-quantity]`).fill(String(i + 2));
    await page.waitForTimeout(Math.max(0, started + (i + 1) * 3_800 - Date.now()));
  }
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(30_000);

  // The draft is as typed: nothing remounted the form.
  await expect(page.getByTestId('item-row')).toHaveCount(codes.length);
  for (const [i, code] of codes.entries()) {
    await expect(page.locator(`[data-testid=item-row][data-product="${code}"] [data-testid=item-quantity]`)).toHaveValue(String(i + 2));
  }
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-review')).toContainText('PADARIA SÃO JOÃO');

  // Renewals are spaced by the token's life: never a burst, never more than one per window.
  const tokens = requests(log, 'POST', '/api/oauth2/v1/token').filter((r) => r.ms >= started - 1_000);
  expect(tokens.length, "the tokens were renewed while typing").toBeGreaterThanOrEqual(3);
  expect(tokens.length).toBeLessThanOrEqual(Math.ceil(elapsed / 4_000) + 1);
  for (let i = 1; i < tokens.length; i++) expect(tokens[i].ms - tokens[i - 1].ms).toBeGreaterThan(2_500);
  expect(await page.evaluate(() => window.__listening.size)).toBeLessThanOrEqual(2);
});
