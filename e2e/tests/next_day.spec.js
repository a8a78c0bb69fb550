// A day in the field against a server of its own: the ERP stops (the device is offline
// because nothing answers, not because the browser says so), the access token expires while
// offline and work goes on, then the next morning the ERP is back with its clock a day on:
// the session has expired, the pending order waits for the same seller's sign-in (asked for
// in place) and goes out, and yesterday's selection is not shown as today's.
const { test, expect } = require('./watched');
const { ordersWithExternalId, apiToken, selectForToday, signIn, writeFirstOrder } = require('./helpers');
const { BASE, startServer, stopServer } = require('./own_server');

const DAY_S = 24 * 3600;

test.use({ baseURL: BASE });
test.afterAll(stopServer);

test('server stopped, token expired offline, next day: work goes on, the order goes out once, the selection is asked for again', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  // The day starts at noon UTC on both clocks, whatever the hour the test runs at: two hours
  // on is still the same day (run after 22:00 UTC, "two hours later" was the next day and
  // the selection rightly not today's, so the test failed on the hour, not the app).
  const noon = new Date();
  noon.setUTCHours(12, 0, 0, 0);
  const shift = Math.round((noon.getTime() - Date.now()) / 1000);
  await startServer({ name: 'next-day', args: ['--clock-offset', String(shift)] });
  const start = noon.getTime();
  await page.clock.install({ time: start });

  await signIn(page, 'ana');
  await selectForToday(page, 3, 2);
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);

  // The ERP goes away; two hours later (the access token has expired) the rep reloads and
  // keeps working from the device.
  await stopServer();
  await page.clock.setSystemTime(start + 2 * 3600 * 1000);
  await page.reload();
  await expect(page.getByTestId('seller-name')).toBeVisible();
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('customer-row')).toHaveCount(3);
  const externalId = await writeFirstOrder(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('seller-name')).toBeVisible(); // still signed in

  // Next morning: the ERP is back, a day later by its clock and the tablet's.
  await startServer({ name: 'next-day', keepData: true, args: ['--clock-offset', String(shift + DAY_S)] });
  await page.clock.setSystemTime(start + DAY_S * 1000 + 60_000);
  await page.reload();
  // The refresh token is over too: the session has expired; the order waits on the device
  // until the rep signs in again, right there.
  await expect(page.getByTestId('session-expired-dialog')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('session-sign-in-again').click();
  await page.getByTestId('reauth-password').fill('mascate1');
  await page.getByTestId('reauth-submit').click();
  await expect(page.getByTestId('session-expired-dialog')).toHaveCount(0);
  await expect(page.getByTestId('seller-name')).toBeVisible();
  await page.goto(`/sent/${externalId}`);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);

  // Yesterday's selection: the app says so and asks for today's; offline it is not shown.
  await expect(page.getByTestId('selection-stale')).toBeVisible();
  await context.setOffline(true);
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('offline-banner')).toContainText(/selection|seleção|selección/i);
  await expect(page.getByTestId('customer-row')).toHaveCount(0);
  await context.setOffline(false);
  await page.getByTestId('nav-offline-configurator').click();
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'false');
});
