// A rep's tour of the app, stop by stop: every page, every step of the order form and
// every dialog, online and then offline. The layout and accessibility specs (and the README
// screenshots) walk it and look at each stop. Seller bruno is used, with a small selection
// for today so that the offline stops show real data.
const { expect } = require('@playwright/test');
const helpers = require('./helpers');

const { signIn, SELLERS } = helpers;

/** Chooses today's selection in the Offline Configurator (`n` of each) and waits for the download. */
async function selectForToday(page, n = 5) {
  await page.goto('/offline');
  await helpers.selectForToday(page, n, n);
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await helpers.waitForServiceWorker(page);
}

/** Signs bruno in and prepares the offline selection; returns nothing. */
async function prepare(page) {
  await signIn(page, 'bruno');
  await selectForToday(page);
}

/** One of bruno's customers with production orders, as the API lists them. */
async function industrialCustomer(request) {
  const auth = { headers: { Authorization: `Bearer ${await helpers.apiToken(request, 'bruno')}` } };
  const customers = (await (await request.get('/api/tgv/customers/?pageSize=100', auth)).json()).items;
  for (const c of customers) {
    const orders = await request.get(`/api/mascate/v1/customers/${c.code}/${c.store}/productionorders?pageSize=1`, auth);
    if (orders.ok() && (await orders.json()).items.length > 0) return c;
  }
  throw new Error('bruno has no customer with production orders');
}

/** Opens a path through the app's own navigation when it can (a reload offline works too). */
async function open(page, path, ready) {
  await page.goto(path);
  if (ready) await expect(page.locator(ready).first()).toBeVisible();
}

/**
 * Walks the online stops, calling `stop(name)` at each. The page is signed in (see
 * `prepare`). Leaves every preference as it found it.
 */
async function online(page, stop) {
  await open(page, '/', '[data-testid=home-chart] [data-testid=chart-point]');
  await stop('home');

  await open(page, '/customers', '[data-testid=customer-row]');
  await stop('customers');
  await page.getByTestId('view-cards').click();
  await expect(page.getByTestId('customer-card').first()).toBeVisible();
  await stop('customers-cards');
  await page.getByTestId('view-table').click();
  await page.getByTestId('customer-link').first().click();
  await expect(page.getByTestId('customer-finances')).toBeVisible();
  await expect(page.locator('[data-testid=bills-table], [data-testid=bills-empty]').first()).toBeVisible();
  // The financial group and the industrial side (issue 25) drawn too.
  await expect(page.locator('[data-testid=paid-bills-table], [data-testid=paid-bills-empty]').first()).toBeVisible();
  await expect(page.getByTestId('sheet-credit-limit')).toBeVisible();
  await expect(page.locator('[data-testid=production-orders-table], [data-testid=production-orders-empty]').first()).toBeVisible();
  await stop('customer');
  await page.getByTestId('contact-add').click();
  await expect(page.getByTestId('contact-form')).toBeVisible();
  await stop('customer-contact-form');
  await page.getByTestId('contact-cancel').click();
  await expect(page.getByTestId('contact-form')).toHaveCount(0);
  // A customer the company makes goods for: their held stock and production orders drawn.
  const industrial = await industrialCustomer(page.request);
  await open(page, `/customers/${industrial.code}/${industrial.store}`, '[data-testid=production-orders-table]');
  await expect(page.getByTestId('held-stock-table')).toBeVisible();
  await stop('customer-industrial');

  await open(page, '/products', '[data-testid=product-row]');
  await page.getByTestId('product-stock-toggle').first().click();
  await expect(page.getByTestId('stock-row').first()).toBeVisible();
  await stop('products');

  await open(page, '/orders', '[data-testid=document-row]');
  await stop('orders');
  await page.getByTestId('document-link').first().click();
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  await stop('order');
  if (await page.getByTestId('document-delete').count()) {
    await page.getByTestId('document-delete').click();
    await expect(page.getByTestId('confirm-delete')).toBeVisible();
    await stop('order-delete-dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('confirm-delete')).toBeHidden();
  }

  await open(page, '/quotations', '[data-testid=document-row]');
  await stop('quotations');
  await page.getByTestId('document-link').first().click();
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  await stop('quotation');

  await open(page, '/notifications', '[data-testid=notification], [data-testid=notifications-empty]');
  await stop('notifications');

  await open(page, '/invoices', '[data-testid=invoice-row]');
  await stop('invoices');
  await page.getByTestId('invoice-link').first().click();
  await expect(page.getByTestId('invoice-item').first()).toBeVisible();
  await stop('invoice');
  await open(page, '/statistics?groupby=group', '[data-testid=statistics-row]');
  await stop('statistics');

  await open(page, '/tasks', '[data-testid=task-row]');
  await stop('tasks');
  await page.getByTestId('task-link').first().click();
  await expect(page.getByTestId('task-subject')).toBeVisible();
  await stop('task');
  await open(page, '/tasks/new', '[data-testid=task-form]');
  await page.getByTestId('task-save').click();
  await expect(page.getByTestId('task-subject-problem')).not.toBeEmpty();
  await stop('task-form-problems');
  await open(page, '/agenda', '[data-testid=agenda-item]');
  await stop('agenda');
  await page.getByTestId('agenda-use').click();
  await expect(page.getByTestId('agenda-use-dialog')).toBeVisible();
  await stop('agenda-use-dialog');
  await page.getByTestId('agenda-use-no').click();
  await expect(page.getByTestId('agenda-use-dialog')).toBeHidden();
  await open(page, '/account', '[data-testid=seller-code]');
  await stop('account');
  // Each field's refusal beside it (nothing is sent).
  await page.getByTestId('password-current').focus();
  await page.getByTestId('password-new').fill('curta1');
  await page.getByTestId('password-again').fill('outra');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-again-problem')).not.toBeEmpty();
  await stop('account-refused');
  await creditSheet(page, stop);

  await open(page, '/offline', '[data-testid=schema-customers]');
  await stop('offline-configurator');
  await page.getByTestId('remove-device-data').click();
  await expect(page.getByTestId('confirm-remove')).toBeVisible();
  await stop('remove-device-data-dialog');
  await page.getByTestId('confirm-remove-no').click();
  await expect(page.getByTestId('confirm-remove')).toBeHidden();
  await page.getByTestId('edit-customers').click();
  await expect(page.getByTestId('candidate').first()).toBeVisible();
  await stop('offline-selection');

  await orderForm(page, stop, 'order-form', true);

  await open(page, '/quotations/new', '[data-testid=step-customer]');
  await page.getByTestId('new-prospect').locator('summary').click();
  await expect(page.getByTestId('new-prospect-form')).toBeVisible();
  await stop('quotation-form-prospect');

  if (await page.getByTestId('nav-more').isVisible()) {
    await page.getByTestId('nav-more').click();
    await expect(page.getByTestId('more-menu')).toBeVisible();
    await stop('more-menu');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('more-menu')).toBeHidden();
  }

  await expiry(page, stop);
}

/** The credit sheet of bruno's first customer, found by its CPF/CNPJ. */
async function creditSheet(page, stop) {
  const token = await helpers.apiToken(page.request, 'bruno');
  const res = await page.request.get('/api/tgv/customers/?pageSize=1', { headers: { Authorization: `Bearer ${token}` } });
  const { cgc } = (await res.json()).items[0];
  await open(page, `/credit?taxid=${cgc}`, '[data-testid=credit-sheet]');
  await stop('credit');
}

const TOKEN = '**/api/oauth2/v1/token**';

/**
 * The session expires (the ERP refuses the refresh token): the question, a dialog, and its
 * password form; bruno signs in again right there and the tour goes on.
 */
async function expiry(page, stop) {
  await page.goto('/customers');
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await page.route(TOKEN, (route) => route.fulfill({
    status: 401, contentType: 'application/json', body: '{"code":401,"message":"invalid_grant"}',
  }));
  // The access token looks dead, so the next call renews it, and is refused.
  await page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('mascate.session'));
    localStorage.setItem('mascate.session', JSON.stringify({ ...saved, expires_at_ms: 0 }));
  });
  await page.reload();
  await expect(page.getByTestId('session-expired-dialog')).toBeVisible({ timeout: 20_000 });
  await stop('session-expired-dialog');
  await page.getByTestId('session-sign-in-again').click();
  await expect(page.getByTestId('reauth-password')).toBeFocused();
  await stop('session-expired-sign-in');
  await page.unroute(TOKEN);
  await page.getByTestId('reauth-password').fill(SELLERS.bruno.password);
  await page.getByTestId('reauth-submit').click();
  await expect(page.getByTestId('session-expired-dialog')).toHaveCount(0);
  await expect(page.getByTestId('session-expired-banner')).toHaveCount(0);
}

/** The order form's four steps (with two lines), from a new order. */
async function orderForm(page, stop, name, withTaxes) {
  await open(page, '/orders/new', '[data-testid=step-customer]');
  await stop(`${name}-1-customer`);
  await page.getByTestId('customer-search').fill('000');
  await page.locator('[data-testid=customer-option]:not([disabled])').first().click();
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-terms')).toBeVisible();
  await stop(`${name}-2-terms`);
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-items')).toBeVisible();
  await page.getByTestId('product-search').fill('p0');
  await page.getByTestId('product-option').first().click();
  await page.getByTestId('product-search').fill('p0');
  await page.getByTestId('product-option').nth(1).click();
  await expect(page.getByTestId('item-row')).toHaveCount(2);
  await stop(`${name}-3-items`);
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-review')).toBeVisible();
  if (withTaxes) {
    await page.getByTestId('calculate-taxes').click();
    await expect(page.getByTestId('total-with-taxes')).toBeVisible();
  }
  await stop(`${name}-4-review`);
}

/** Walks the offline stops (the network is cut here and given back at the end). */
async function offline(page, context, stop) {
  await page.goto('/');
  await expect(page.getByTestId('home-chart')).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('home-offline')).toBeVisible();
  await stop('offline-home');

  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await stop('offline-customers');
  await page.getByTestId('customer-link').first().click();
  await expect(page.getByTestId('customer-details')).toBeVisible();
  await stop('offline-customer');

  await page.getByTestId('nav-products').click();
  await expect(page.getByTestId('product-row').first()).toBeVisible();
  await stop('offline-products');

  await page.goto('/account');
  await expect(page.getByTestId('account-offline')).toBeVisible();
  await stop('offline-account');

  await orderForm(page, stop, 'offline-order-form', false);
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await stop('offline-sent');

  await page.goto('/orders');
  await expect(page.getByTestId('unsent-document').first()).toBeVisible();
  await stop('offline-orders');

  await page.goto('/notifications');
  await expect(page.getByTestId('notifications-offline')).toBeVisible();
  await stop('offline-notifications');

  await page.goto('/offline');
  await expect(page.getByTestId('offline-readiness')).toBeVisible();
  await stop('offline-configurator-offline');

  // With a document waiting, signing out warns first.
  const logout = (await page.getByTestId('logout').isVisible()) ? 'logout' : null;
  if (logout) {
    await page.getByTestId('logout').click();
  } else {
    await page.getByTestId('nav-more').click();
    await page.getByTestId('more-logout').click();
  }
  await expect(page.getByTestId('logout-warning')).toBeVisible();
  await stop('logout-warning-dialog');
  await page.getByTestId('logout-cancel').click();
  await expect(page.getByTestId('logout-warning')).toBeHidden();

  await context.setOffline(false);
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 25_000 });
  // The order written offline goes out; nothing is left pending for the next size.
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 60_000 });
}

module.exports = { prepare, online, offline, selectForToday };
