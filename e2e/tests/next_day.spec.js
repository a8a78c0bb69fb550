// A day in the field against a server of its own: the ERP stops (the device is offline
// because nothing answers, not because the browser says so), the access token expires while
// offline and work goes on, then the next morning the ERP is back with its clock a day on:
// the session has expired, the pending order waits for the same seller's sign-in and goes
// out, and yesterday's selection is not shown as today's.
const { test, expect } = require('@playwright/test');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ordersWithExternalId, apiToken } = require('./helpers');

const ROOT = path.resolve(__dirname, '../..');
const PORT = Number(process.env.MASCATE_E2E_PORT || 8099) + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA = path.join(ROOT, 'target/e2e-next-day');
const DAY_S = 24 * 3600;

test.use({ baseURL: BASE });

let server = null;

async function startServer(clockOffsetSecs) {
  server = spawn(path.join(ROOT, 'target/release/mascate-server'), [
    '--port', String(PORT), '--data-dir', DATA, '--dist', path.join(ROOT, 'dist'),
    '--fixtures', path.join(ROOT, 'fixtures'), '--clock-offset', String(clockOffsetSecs),
  ], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/api/mascate/v1/about`)).ok) return;
    } catch (_) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

async function stopServer() {
  if (!server) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  server = null;
}

test.afterAll(stopServer);

async function pick(page, n) {
  const rows = page.getByTestId('candidate');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < n; i++) await rows.nth(i).getByTestId('candidate-check').check();
  await page.getByTestId('save-selection').click();
  await expect(page).toHaveURL(/\/offline$/);
}

test('server stopped, token expired offline, next day: work goes on, the order goes out once, the selection is asked for again', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  fs.rmSync(DATA, { recursive: true, force: true });
  await startServer(0);
  const start = Date.now();
  await page.clock.install({ time: start });

  await page.goto('/login');
  await page.getByTestId('login-username').fill('ana');
  await page.getByTestId('login-password').fill('mascate1');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-offline-configurator').click();
  await page.getByTestId('edit-customers').click();
  await page.getByTestId('apply-filter').click();
  await pick(page, 3);
  await page.getByTestId('edit-products').click();
  await page.getByTestId('adv-group').fill('0001');
  await page.getByTestId('apply-filter').click();
  await pick(page, 2);
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
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('document-new').click();
  await page.getByTestId('customer-search').fill('000');
  await page.locator('[data-testid=customer-option]:not([disabled])').first().click();
  await page.getByTestId('step-3').click();
  await page.getByTestId('product-search').fill('p0');
  await page.getByTestId('product-option').first().click();
  await page.getByTestId('step-4').click();
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  const externalId = page.url().split('/sent/')[1];
  await expect(page.getByTestId('seller-name')).toBeVisible(); // still signed in

  // Next morning: the ERP is back, a day later by its clock and the tablet's.
  await startServer(DAY_S);
  await page.clock.setSystemTime(start + DAY_S * 1000 + 60_000);
  await page.reload();
  // The refresh token is over too: the session has expired; the order waits on the device.
  await expect(page.getByTestId('session-expired')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('login-username').fill('ana');
  await page.getByTestId('login-password').fill('mascate1');
  await page.getByTestId('login-submit').click();
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
