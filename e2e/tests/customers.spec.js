// My Customers online: only the seller's own, search, filters, views, paging, details.
const { test, expect } = require('./watched');
const { signIn, apiToken, forbidDialogs } = require('./helpers');

async function allCodesFromApi(request, token) {
  const res = await request.get('/api/tgv/customers?page=1&pageSize=1000', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).items.map((c) => c.code);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customers-list')).toHaveAttribute('data-source', 'server');
});

test('lists only the signed-in seller\'s customers, page by page', async ({ page, request }) => {
  const own = new Set(await allCodesFromApi(request, await apiToken(request, 'ana')));
  const others = await allCodesFromApi(request, await apiToken(request, 'bruno'));
  expect(own.size).toBeGreaterThan(40);
  expect(others.some((c) => own.has(c))).toBe(false);

  const seen = [];
  const rows = page.getByTestId('customer-row');
  await expect(rows).toHaveCount(20);
  seen.push(...(await rows.evaluateAll((rs) => rs.map((r) => r.dataset.code))));
  await expect(page.getByTestId('customers-prev')).toBeDisabled();
  await page.getByTestId('customers-next').click();
  await expect(page.getByTestId('customers-page-number')).toContainText('2');
  await expect(rows.first()).not.toHaveAttribute('data-code', seen[0]);
  seen.push(...(await rows.evaluateAll((rs) => rs.map((r) => r.dataset.code))));
  expect(new Set(seen).size).toBe(40);
  for (const code of seen) expect(own.has(code)).toBe(true);
  // Bruno's Supermercado Mineirão (000007) is never among Ana's.
  expect(seen).not.toContain('000007');
  await page.getByTestId('customers-prev').click();
  await expect(rows.first()).toHaveAttribute('data-code', seen[0]);
});

test('quick search ignores accents and case', async ({ page }) => {
  await page.getByTestId('customers-search').fill('joao');
  const rows = page.getByTestId('customer-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-code', '000002');
  await expect(rows.first()).toContainText('PADARIA SÃO JOÃO');
  await page.getByTestId('customers-search').fill('no such customer zzz');
  await expect(page.getByTestId('customers-empty')).toBeVisible();
});

test('filters by status, UF and city, and sorts', async ({ page }) => {
  // The list keeps showing the last page until the filtered one arrives: wait until every
  // row answers the filter (a filter never applied times out here), then check the rows.
  const rows = page.getByTestId('customer-row');
  // What to read of each row: its status, its place (city / UF) or its code.
  const read = (what) => rows.evaluateAll((rs, w) => rs.map((r) =>
    (w === 'place' ? r.cells[3].textContent : r.dataset[w])), what);
  const settled = async (f, ok) => {
    await expect.poll(async () => {
      const v = await read(f);
      return v.length > 0 && v.every(ok);
    }).toBe(true);
    return read(f);
  };

  await page.getByTestId('customers-filter-status').selectOption('blocked');
  const statuses = await settled('status', (s) => s === 'blocked');
  expect(new Set(statuses)).toEqual(new Set(['blocked']));
  await expect(page.locator('[data-testid=customer-row][data-code="000005"]')).toBeVisible();

  await page.getByTestId('customers-filter-status').selectOption('all');
  await page.getByTestId('customers-filter-uf').selectOption('RJ');
  const places = await settled('place', (p) => / \/ RJ$/.test(p));
  for (const p of places) expect(p).toMatch(/ \/ RJ$/);
  await expect(page.locator('[data-testid=customer-row][data-code="000006"]')).toBeVisible();

  await page.getByTestId('customers-filter-uf').selectOption('');
  await page.getByTestId('customers-filter-city').fill('Campinas');
  const cities = await settled('place', (p) => p === 'Campinas / SP');
  for (const p of cities) expect(p).toBe('Campinas / SP');
  await expect(page.locator('[data-testid=customer-row][data-code="000003"]')).toBeVisible();

  await page.getByTestId('customers-filter-city').fill('');
  await page.getByTestId('customers-sort').selectOption('code');
  await expect(rows.first()).toHaveAttribute('data-code', '000002');
  const codes = await read('code');
  expect([...codes].sort()).toEqual(codes);
});

test('table and cards views, remembered across reloads', async ({ page }) => {
  await expect(page.getByTestId('customers-table')).toBeVisible();
  await page.getByTestId('view-cards').click();
  await expect(page.getByTestId('customers-cards')).toBeVisible();
  await expect(page.getByTestId('customer-card')).toHaveCount(20);
  await page.reload();
  await expect(page.getByTestId('customers-cards')).toBeVisible();
  await page.getByTestId('view-table').click();
  await expect(page.getByTestId('customers-table')).toBeVisible();
});

test('details: masked CNPJ and CPF, money and dates per locale, address', async ({ page }) => {
  await page.getByTestId('customers-search').fill('joao');
  // The search goes out once typing pauses.
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await page.getByTestId('customer-link').first().click();
  await expect(page).toHaveURL(/\/customers\/000002\/01$/);
  await expect(page.getByTestId('customer-name')).toHaveText('PADARIA SÃO JOÃO DA MANHÃ LTDA');
  await expect(page.getByTestId('customer-taxid')).toContainText('11.222.333/0001-81');
  await expect(page.getByTestId('customer-credit-limit')).toContainText('R$ 25.000,00');
  await expect(page.getByTestId('customer-last-purchase')).toContainText('15/10/2026');
  await expect(page.getByTestId('customer-address')).toContainText('São Paulo / SP');
  await expect(page.getByTestId('customer-status')).toHaveText('Ativo');

  await page.getByTestId('locale-select').selectOption('en');
  await expect(page.getByTestId('customer-credit-limit')).toContainText('R$25,000.00');
  await expect(page.getByTestId('customer-last-purchase')).toContainText('10/15/2026');
  await page.getByTestId('locale-select').selectOption('pt-BR');

  await page.goto('/customers/000006/01');
  await expect(page.getByTestId('customer-taxid')).toContainText('529.982.247-25');
});

test('another seller\'s customer cannot be opened by address', async ({ page }) => {
  await page.goto('/customers/000007/01');
  await expect(page.getByTestId('customer-missing')).toBeVisible();
  await expect(page.getByTestId('customer-name')).toHaveCount(0);
});

test('text with markup is shown as text, never run', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await page.getByTestId('customers-search').fill('script');
  const row = page.locator('[data-testid=customer-row][data-code="000004"]');
  await expect(row).toContainText("<SCRIPT>ALERT('XSS')</SCRIPT> COMERCIO LTDA");
  await expect(row).toContainText("<script>alert('xss')</script> Empório");
  expect(await page.locator('table script').count()).toBe(0);
  await row.getByTestId('customer-link').click();
  await expect(page.getByTestId('customer-name')).toHaveText("<SCRIPT>ALERT('XSS')</SCRIPT> COMERCIO LTDA");
  expect(dialogs).toEqual([]);
});

test('details online: credit, delinquency, oldest due date, open bills with the prefix search, documents', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const statuses = await (await request.get('/api/tgv/financialstatus?pageSize=1000', {
    headers: { Authorization: `Bearer ${token}` },
  })).json();
  const withBills = statuses.items.find((s) => s.oldestdue);
  await page.goto(`/customers/${withBills.code}/${withBills.store}`);
  await expect(page.getByTestId('customer-finances')).toBeVisible();
  await expect(page.getByTestId('customer-available-credit')).toContainText('R$');
  await expect(page.getByTestId('customer-delinquency')).toContainText('%');
  const [y, m, d] = withBills.oldestdue.split('-');
  await expect(page.getByTestId('customer-oldest-due')).toContainText(`${d}/${m}/${y}`);
  const rows = page.getByTestId('bill-row');
  await expect(rows.first()).toBeVisible();
  const number = await rows.first().getAttribute('data-number');
  const all = await rows.count();
  await page.getByTestId('bills-search').fill(number.slice(0, 8));
  await expect(rows.first()).toHaveAttribute('data-number', new RegExp(`^${number.slice(0, 8)}`));
  expect(await rows.count()).toBeLessThanOrEqual(all);
  await page.getByTestId('bills-search').fill('zzz');
  await expect(page.getByTestId('bills-empty')).toBeVisible();
  await expect(page.getByTestId('customer-documents')).toBeVisible();
});
