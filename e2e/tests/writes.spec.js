// Writes that cannot run twice, and lists that remember: a double tap on send, delete,
// implement or cancel makes one request (counted in the server's access log); Back from a
// customer finds the list's search, filters and page; a search waits for typing to pause.
const { test, expect } = require('./watched');
const { apiToken, fillOrder, signIn } = require('./helpers');
const { BASE, startServer, stopServer, requests } = require('./own_server');

test.use({ baseURL: BASE });

let log;
test.beforeAll(async () => {
  ({ log } = await startServer({ name: 'writes' }));
});
test.afterAll(stopServer);

async function api(request, path) {
  const token = await apiToken(request, 'ana');
  return (await request.get(path, { headers: { Authorization: `Bearer ${token}` } })).json();
}

test('a double tap on send, delete, implement or cancel makes one request', async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, 'ana');

  await fillOrder(page);
  await page.getByTestId('form-send').dblclick();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  expect(requests(log, 'POST', '/api/tgv/integrationqueue')).toHaveLength(1);

  const open = (await api(request, "/api/tgv/salesorders/?pageSize=1&SORT=-orderid&FILTER=status eq 'A'")).items[0];
  await page.goto(`/orders/${open.orderid}`);
  await page.getByTestId('document-delete').click();
  await page.getByTestId('confirm-delete-yes').dblclick();
  await expect(page).toHaveURL(/\/orders$/);
  await page.waitForTimeout(500);
  expect(requests(log, 'DELETE', `/api/tgv/salesorders/${open.orderid}`)).toHaveLength(1);

  const quotations = (await api(request, "/api/tgv/salesbudgets/?pageSize=2&SORT=-budgetid&FILTER=status eq 'A'")).items;
  expect(quotations.length).toBe(2);
  await page.goto(`/quotations/${quotations[0].budgetid}`);
  await page.getByTestId('quotation-implement').dblclick();
  await expect(page).toHaveURL(/\/orders\/\d{6}$/);
  await page.waitForTimeout(500);
  expect(requests(log, 'POST', '/api/tgv/salesbudgets/implement')).toHaveLength(1);

  await page.goto(`/quotations/${quotations[1].budgetid}`);
  await page.getByTestId('quotation-cancel').dblclick();
  await expect(page.getByTestId('document-status')).toHaveText('Cancelado');
  await page.waitForTimeout(500);
  expect(requests(log, 'POST', '/api/tgv/salesbudgets/cancel')).toHaveLength(1);
});

test('Back from a customer restores the search, the filters and the page', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customers-search').fill('a');
  await page.getByTestId('customers-filter-status').selectOption('active');
  await expect(page).toHaveURL(/q=a/);
  await page.getByTestId('customers-next').click();
  await expect(page.getByTestId('customers-page-number')).toContainText('2');
  const listed = await page.getByTestId('customer-row').evaluateAll((rs) => rs.map((r) => r.dataset.code));
  await page.getByTestId('customer-link').first().click();
  await expect(page.getByTestId('customer-details')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('customers-search')).toHaveValue('a');
  await expect(page.getByTestId('customers-filter-status')).toHaveValue('active');
  await expect(page.getByTestId('customers-page-number')).toContainText('2');
  await expect(page.getByTestId('customer-row').first()).toHaveAttribute('data-code', listed[0]);
});

test('a search waits for the typing to pause', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  const before = requests(log, 'GET', '/api/tgv/customers').length;
  const typed = 'padaria sao joao';
  await page.getByTestId('customers-search').pressSequentially(typed, { delay: 50 });
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await page.waitForTimeout(600);
  // One search per pause, not one per key (a busy machine may pause once or twice).
  expect(requests(log, 'GET', '/api/tgv/customers').length - before).toBeLessThanOrEqual(4);
});
