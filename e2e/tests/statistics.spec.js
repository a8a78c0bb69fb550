// Sales statistics (issue 15): the page's figures for a product group and a date range equal
// the ones this test adds up itself from the server's invoices, returns and orders, read
// through the API; the choices live in the address; columns sort; the chart has a bar a month.
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

/** A figure as the page shows it (`R$ 1.234,56`, `1.234`), as a number. */
function parsePtBr(text) {
  const clean = text.replace(/[^\d,.-]/g, '').replace(/\./g, '').replace(',', '.');
  return Number(clean);
}

/** `days` days before `iso`. */
function daysBefore(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function get(request, token, path) {
  const res = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), path).toBe(200);
  return res.json();
}

/** The five figures of `group` over [from, to], added up from the contract's own lists. */
async function independently(request, token, group, from, to) {
  const products = await get(request, token, `/api/tgv/products/?pageSize=1000&FILTER=productgroup eq '${group}'`);
  const inGroup = new Set(products.items.map((p) => p.code));
  const range = `FILTER=issuedate ge '${from}' and issuedate le '${to}'`;
  const itemsOf = async (order) => (await get(request, token, `/api/tgv/salesorders/${order}/items?pageSize=100`)).items;
  const f = { sold: 0, gross: 0, returned: 0, returnedValue: 0, balance: 0 };
  // The figures are in reais (currency 1, the default): orders sold in another currency do not count.
  const foreign = new Set((await get(request, token,
    `/api/tgv/salesorders/?pageSize=1000&FILTER=${encodeURIComponent('currencyid ne 1')}`)).items.map((o) => o.orderid));
  const inReais = (orderid) => !foreign.has(orderid);
  const invoices = await get(request, token, `/api/mascate/v1/invoices?pageSize=1000&${range}`);
  for (const inv of invoices.items.filter((i) => inReais(i.orderid))) {
    for (const i of (await itemsOf(inv.orderid)).filter((i) => inGroup.has(i.productid))) {
      f.sold += i.quantity;
      f.gross += i.amount;
    }
  }
  const returns = await get(request, token, `/api/mascate/v1/returns?pageSize=1000&${range}`);
  for (const r of returns.items.filter((r) => inReais(r.orderid) && inGroup.has(r.productid))) {
    f.returned += r.quantity;
    f.returnedValue += r.amount;
  }
  const orders = await get(request, token, `/api/tgv/salesorders/?pageSize=1000&${range}`);
  for (const o of orders.items.filter((o) => o.status !== 'E' && inReais(o.orderid))) {
    for (const i of (await itemsOf(o.orderid)).filter((i) => inGroup.has(i.productid))) {
      f.balance += (i.quantity - i.quantitydelivered) * i.unitprice;
    }
  }
  return f;
}

test('statistics for a product group and a date range equal the sums of the server\'s invoices, returns and orders', async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await apiToken(request, 'ana');
  // A range that ends after the server's today, whatever its time zone.
  const today = daysBefore(new Date().toISOString().slice(0, 10), -2);
  const from = daysBefore(today, 200);
  // The group with the most sales in the range.
  const groups = await get(request, token, `/api/mascate/v1/salesstatistics?groupby=group&from=${from}&to=${today}`);
  expect(groups.items.length).toBeGreaterThan(0);
  const group = groups.items.reduce((a, b) => (b.grossvalue > a.grossvalue ? b : a)).key;
  const want = await independently(request, token, group, from, today);
  expect(want.sold).toBeGreaterThan(0);

  await signIn(page, 'ana');
  await page.goto(`/statistics?groupby=group&pgroup=${group}&from=${from}&to=${today}`);
  const row = page.locator(`[data-testid=statistics-row][data-key="${group}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId('statistics-row')).toHaveCount(1);
  const cell = async (m) => parsePtBr(await row.locator(`td[data-measure=${m}]`).innerText());
  const close = (a, b) => Math.abs(a - b) < 0.02;
  const shown = {
    sold: await cell('sold'), returned: await cell('returned'), gross: await cell('gross'),
    net: await cell('net'), balance: await cell('balance'),
  };
  expect(close(shown.sold, want.sold), `sold ${shown.sold} vs ${want.sold}`).toBe(true);
  expect(close(shown.gross, want.gross), `gross ${shown.gross} vs ${want.gross}`).toBe(true);
  expect(close(shown.returned, want.returned), `returned ${shown.returned} vs ${want.returned}`).toBe(true);
  expect(close(shown.net, want.gross - want.returnedValue), `net ${shown.net}`).toBe(true);
  expect(close(shown.balance, want.balance), `balance ${shown.balance} vs ${want.balance}`).toBe(true);
  // Money is written the pt-BR way.
  await expect(row.locator('td[data-measure=gross]')).toHaveText(/^R\$\s?[\d.]+,\d{2}$/);

  // The chart: one bar per month of the range, adding up to the row's figure.
  await page.getByTestId('statistics-measure').selectOption('gross');
  await expect(page).toHaveURL(/measure=gross/);
  const bars = page.getByTestId('chart-bar');
  const months = (await get(request, token,
    `/api/mascate/v1/salesstatistics?groupby=group&productgroup=${group}&from=${from}&to=${today}`)).months;
  await expect(bars).toHaveCount(months.length);
  const values = await bars.evaluateAll((els) => els.map((e) => Number(e.dataset.value)));
  expect(close(values.reduce((a, b) => a + b, 0), want.gross)).toBe(true);
});

test('the statistics table sorts by each column and keeps every choice in the address', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  // Wide enough for the table's own column headers.
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'ana');
  await page.goto('/statistics');
  await page.getByTestId('statistics-groupby').selectOption('product');
  await expect(page).toHaveURL(/groupby=product/);
  const rows = page.getByTestId('statistics-row');
  await expect(rows.first()).toBeVisible();
  const figures = (m) => rows.locator(`td[data-measure=${m}]`).allInnerTexts().then((t) => t.map(parsePtBr));
  // By default the biggest gross value first.
  await expect(page.getByTestId('statistics-measure')).toHaveValue('gross');
  const gross = await figures('gross');
  expect(gross).toEqual([...gross].sort((a, b) => b - a));
  await page.getByTestId('sort-sold').click();
  await expect(page).toHaveURL(/measure=sold/);
  const sold = await figures('sold');
  expect(sold.length).toBeGreaterThan(1);
  expect(sold).toEqual([...sold].sort((a, b) => b - a));
  await page.getByTestId('sort-sold').click();
  await expect(page).toHaveURL(/asc=1/);
  const soldUp = await figures('sold');
  expect(soldUp).toEqual([...soldUp].sort((a, b) => a - b));
  await page.getByTestId('sort-key').click();
  const keys = await rows.evaluateAll((els) => els.map((e) => e.dataset.key));
  expect(keys).toEqual([...keys].sort());
  // On a portrait tablet the rows are cards: the sort is a choice and a direction.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.getByTestId('statistics-sort').selectOption('');
  await expect(page).not.toHaveURL(/sort=key/);
  await page.getByTestId('statistics-order').click();
  await expect(page.getByTestId('statistics-order')).toHaveAttribute('aria-pressed', 'false');
  const soldDown = await figures('sold');
  expect(soldDown).toEqual([...soldDown].sort((a, b) => b - a));
  // By code, biggest first (the direction chosen stays).
  await page.getByTestId('statistics-sort').selectOption('key');
  await expect(page).toHaveURL(/sort=key/);
  await expect(rows.first()).toHaveAttribute('data-key', keys[keys.length - 1]);
  // The address alone brings the same view back.
  const url = page.url();
  await page.goto('/');
  await page.goto(url);
  await expect(rows.first()).toHaveAttribute('data-key', keys[keys.length - 1]);
  // Offline the page says it needs the connection.
  await page.context().setOffline(true);
  await expect(page.getByTestId('statistics-offline')).toBeVisible();
  await page.context().setOffline(false);
  await expect(rows.first()).toBeVisible();
  expect(token).toBeTruthy();
});
