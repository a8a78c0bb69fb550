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

module.exports = { SELLERS, signIn, apiToken, forbidDialogs, fillOrder, ordersWithExternalId };
