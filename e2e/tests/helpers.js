// Shared steps for the specs. Everything goes through the real UI and the real server.
const { expect } = require('@playwright/test');

const SELLERS = {
  ana: { password: 'mascate1', code: '000001' },
  bruno: { password: 'mascate2', code: '000002' },
  carla: { password: 'mascate3', code: '000003' },
};

/** Signs in through the login form and waits for the signed-in shell. */
async function signIn(page, username = 'ana') {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(SELLERS[username].password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('seller-name')).toBeVisible();
}

/** Gets a token straight from the API, to compare what the UI shows with what the server says. */
async function apiToken(request, username = 'ana') {
  const res = await request.post(
    `/api/oauth2/v1/token?grant_type=password&username=${username}&password=${SELLERS[username].password}`,
  );
  expect(res.status()).toBe(201);
  return (await res.json()).access_token;
}

/** Fails the test if the page ever opens a dialog (alert/confirm/prompt). */
function forbidDialogs(page) {
  const seen = [];
  page.on('dialog', async (d) => {
    seen.push(d.message());
    await d.dismiss();
  });
  return seen;
}

/** Fills a new order for ana's customer 000002 with product P00001, up to the review step. */
async function fillOrder(page) {
  await page.goto('/orders/new');
  await page.getByTestId('customer-search').fill('joao');
  await page.locator('[data-testid=customer-option][data-code="000002"]').click();
  await page.getByTestId('step-3').click();
  await page.getByTestId('product-search').fill('P00001');
  await page.locator('[data-testid=product-option][data-code="P00001"]').click();
  await page.getByTestId('step-4').click();
}

/** The orders the server holds under an external id (through the API, as the ERP sees them). */
async function ordersWithExternalId(request, token, externalId) {
  const res = await request.get(`/api/tgv/salesorders/?FILTER=externalid eq '${externalId}'`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).items;
}

/** Sends ana's order of `fillOrder` while the ERP's queue does not answer: it waits on the
 * device. Returns its external id; `page.unroute(QUEUE)` lets it through again. */
const QUEUE = '**/api/tgv/integrationqueue**';
async function pendingOrder(page) {
  await fillOrder(page);
  await page.route(QUEUE, (route) => route.abort('connectionrefused'));
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  return page.url().split('/sent/')[1];
}

/** Ticks the first `n` candidates of the selection editor and saves them. */
async function pickCandidates(page, n) {
  const rows = page.getByTestId('candidate');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < n; i++) await rows.nth(i).getByTestId('candidate-check').check();
  await page.getByTestId('save-selection').click();
  await expect(page).toHaveURL(/\/offline$/);
}

/**
 * Today's selection in the Offline Configurator: the first `customers` customers and the
 * first `products` products of group 0001; waits until the device is ready for offline.
 */
async function selectForToday(page, customers, products) {
  await page.getByTestId('nav-offline-configurator').click();
  await page.getByTestId('edit-customers').click();
  await page.getByTestId('apply-filter').click();
  await pickCandidates(page, customers);
  if (products > 0) {
    await page.getByTestId('edit-products').click();
    await page.getByTestId('adv-group').fill('0001');
    await page.getByTestId('apply-filter').click();
    await pickCandidates(page, products);
  }
}

/**
 * Today's selection of one customer (found by its code) and the first product; waits until
 * the device is ready and the service worker controls the page.
 */
async function selectCustomerForToday(page, code) {
  await page.goto('/offline');
  await page.getByTestId('edit-customers').click();
  await page.getByTestId('quick-filter').fill(code);
  await page.getByTestId('apply-filter').click();
  await page.getByTestId('candidate').filter({ hasText: code }).first().getByTestId('candidate-check').check();
  await page.getByTestId('save-selection').click();
  await expect(page).toHaveURL(/\/offline$/);
  await page.getByTestId('edit-products').click();
  await page.getByTestId('apply-filter').click();
  await page.getByTestId('candidate').first().getByTestId('candidate-check').check();
  await page.getByTestId('save-selection').click();
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await waitForServiceWorker(page);
}

/** Signs `seller` in and prepares today's selection (the first `customers` customers and
 * `products` products), then waits until the device is ready and the service worker controls
 * the page: a rep ready to go offline. */
async function readyOffline(page, seller, customers, products) {
  await signIn(page, seller);
  await selectForToday(page, customers, products);
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await waitForServiceWorker(page);
}

/** Waits until the service worker controls the page (it claims clients on activation). */
async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
}

/** Fills a new order with the first customer and product the form offers, up to the review. */
async function fillFirstOrder(page, quantity = 1) {
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('document-new').click();
  await page.getByTestId('customer-search').fill('000');
  await page.locator('[data-testid=customer-option]:not([disabled])').first().click();
  await page.getByTestId('step-3').click();
  await page.getByTestId('product-search').fill('p0');
  await page.getByTestId('product-option').first().click();
  await page.getByTestId('item-quantity').first().fill(String(quantity));
  await page.getByTestId('step-4').click();
}

/** Writes an order with the first customer and product the form offers, up to sending. */
async function writeFirstOrder(page, quantity = 1) {
  await fillFirstOrder(page, quantity);
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  return page.url().split('/sent/')[1];
}

/** Answers a request as Protheus does while a routine holds its tables exclusively (503). */
function tablesLocked(route) {
  return route.fulfill({
    status: 503,
    contentType: 'application/json',
    body: JSON.stringify({ code: 503, message: 'As tabelas estão sendo processadas em modo exclusivo. Tente mais tarde.' }),
  });
}

module.exports = {
  tablesLocked, SELLERS, signIn, apiToken, forbidDialogs, fillOrder, ordersWithExternalId, pickCandidates, selectForToday,
  waitForServiceWorker, readyOffline, fillFirstOrder, writeFirstOrder, pendingOrder, QUEUE, selectCustomerForToday,
};
