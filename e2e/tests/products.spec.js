// Products: search, group and type filters, stock per warehouse, prices of a list for a
// customer, and the "only the list's products" filter.
const { test, expect } = require('./watched');
const { signIn } = require('./helpers');

const brl = (text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));

test('search, filters, stock and prices by price list', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-products').click();
  const rows = page.getByTestId('product-row');
  await expect(rows).toHaveCount(20);

  // The next page, then a new search: back at its first page.
  const first = await rows.first().getAttribute('data-code');
  await page.getByTestId('products-next').click();
  await expect(page.getByTestId('products-page-number')).toHaveText('Página 2');
  await expect(rows.first()).not.toHaveAttribute('data-code', first);
  await page.getByTestId('products-search').fill('cafe');
  await expect(page.getByTestId('products-page-number')).toHaveText('Página 1');
  await expect(rows.first()).toContainText('CAFÉ');
  await page.getByTestId('products-search').fill('');
  await expect(rows.first()).toHaveAttribute('data-code', first);
  await expect(page.getByTestId('products-page-number')).toHaveText('Página 1');
  await page.getByTestId('products-search').fill('cafe');
  await expect(rows.first()).toContainText('CAFÉ');
  for (const t of await rows.allTextContents()) expect(t).toContain('CAFÉ');

  await page.getByTestId('products-search').fill('');
  await page.getByTestId('products-filter-group').selectOption('0007');
  await expect(rows.first()).toContainText('FRIOS E EMBUTIDOS');
  for (const t of await rows.allTextContents()) expect(t).toContain('FRIOS E EMBUTIDOS');
  await page.getByTestId('products-filter-group').selectOption('');

  // Stock per warehouse.
  await page.getByTestId('products-search').fill('P00001');
  await expect(rows).toHaveCount(1);
  const base = brl(await rows.first().getByTestId('product-price').textContent());
  await rows.first().getByTestId('product-stock-toggle').click();
  await expect(page.getByTestId('stock-row').first()).toContainText('01 — DEPÓSITO CENTRAL');

  // The wholesale list (−8 %) for a customer.
  await page.getByTestId('products-price-list').selectOption('002');
  await page.getByTestId('products-customer').fill('joao');
  await page.locator('[data-testid=products-customer-option][data-code="000002"]').click();
  await expect(page.getByTestId('products-chosen-customer')).toContainText('000002');
  await expect.poll(async () => brl(await rows.first().getByTestId('product-price').textContent()))
    .toBeCloseTo(Math.round(base * 92) / 100, 2);

  // The summer promotion covers only some products: the filter keeps those.
  await page.getByTestId('products-search').fill('');
  await page.getByTestId('products-price-list').selectOption('003');
  await page.getByTestId('products-only-price-list').check();
  await expect(rows.first()).toBeVisible();
  for (const p of await page.getByTestId('product-price').allTextContents()) expect(brl(p)).toBeGreaterThan(0);
  await page.getByTestId('products-only-price-list').uncheck();
  await expect.poll(async () => (await page.getByTestId('product-price').allTextContents()).some((p) => brl(p) === 0)).toBe(true);
});
