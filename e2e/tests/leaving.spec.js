// Leaving a list with every kind of filter set (issue 23): each menu link, from orders and
// quotations with a from/to date and number range, invoices with a date range, customers
// and products with their filters. The watcher (watched.js) fails the test on any uncaught
// exception or wasm panic; this spec makes sure each exit is taken.
const { test, expect } = require('./watched');
const { signIn } = require('./helpers');

const EXITS = ['nav-home', 'nav-customers', 'nav-products', 'nav-quotations', 'nav-orders', 'nav-invoices',
  'nav-statistics', 'nav-notifications', 'nav-offline-configurator'];

const LISTS = [
  '/orders?from=2026-01-01&to=2026-12-31&nfrom=000001&nto=000900&q=a',
  '/quotations?from=2026-01-01&to=2026-12-31&nfrom=000001&nto=000900&q=a',
  '/orders?status=BIL',
  '/invoices?from=2026-01-01&to=2026-12-31&dfrom=2026-01-01&dto=2026-12-31&q=0',
  '/customers?q=com&uf=SP&city=a&status=active&sort=city',
  '/products?q=a',
];

test('leaving each list with its filters set throws nothing', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'ana');
  for (const list of LISTS) {
    for (const exit of EXITS) {
      if (list.startsWith('/' + exit.replace('nav-', ''))) continue;
      await page.goto(list);
      await expect(page.getByTestId('seller-name')).toBeVisible();
      await page.waitForTimeout(300); // the list's first read under way or done
      await page.getByTestId(exit).click();
      await expect(page).not.toHaveURL(list);
      await page.waitForTimeout(200);
    }
  }
});
