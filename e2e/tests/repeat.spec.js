// Repeat and suggest (issue 15): "Repetir pedido" opens a new draft with the order's products
// and quantities at today's prices (read independently from the ERP's price list here), and
// (issue 23) each item's discount kept on today's price, which the draft says; in
// the form, the chosen customer's last purchases are one tap from adding, and offline they
// come from the device (downloaded with today's selection).
const { test, expect } = require('./watched');
const { signIn, apiToken, selectCustomerForToday } = require('./helpers');

const num = (v) => Number(String(v).replace(/\./g, '').replace(',', '.'));

async function getJson(request, token, path) {
  const res = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), path).toBe(200);
  return res.json();
}

/** An order of ana's with two or more items whose products all have a price today, and one
 * item or more with a discount of its own. */
async function repeatable(request, token) {
  const orders = (await getJson(request, token, '/api/tgv/salesorders/?pageSize=80&SORT=-orderid')).items;
  for (const o of orders) {
    const items = (await getJson(request, token, `/api/tgv/salesorders/${o.orderid}/items?pageSize=100`)).items;
    if (items.length < 2 || !items.some((i) => i.discount > 0)) continue;
    const prices = {};
    for (const i of items) {
      const list = await getJson(request, token,
        `/api/tgv/products/${o.pricelistid}/${o.clientid}/${o.storeid}?pageSize=10&FILTER=code eq '${i.productid}'`);
      const p = list.items.find((x) => x.code.trim() === i.productid.trim());
      if (p && p.price > 0) prices[i.productid] = p.price;
    }
    if (Object.keys(prices).length === items.length) return { order: o, items, prices };
  }
  throw new Error('no repeatable order');
}

test('"Repetir pedido" opens a new draft with the same products, quantities and item discounts at today\'s prices', async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await apiToken(request, 'ana');
  const { order, items, prices } = await repeatable(request, token);
  await signIn(page, 'ana');
  await page.goto(`/orders/${order.orderid}`);
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  await page.getByTestId('document-repeat').click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.orderid}/repeat$`));
  await expect(page.getByTestId('repeated-from')).toContainText(order.orderid);
  await expect(page.getByTestId('repeat-missing')).toHaveCount(0);
  const rows = page.getByTestId('item-row');
  await expect(rows).toHaveCount(items.length);
  for (const [n, i] of items.entries()) {
    const row = rows.nth(n);
    await expect(row).toHaveAttribute('data-product', i.productid);
    expect(num(await row.getByTestId('item-quantity').inputValue())).toBeCloseTo(i.quantity, 3);
    // The old item's discount, on today's list price.
    expect(num(await row.getByTestId('item-discount').inputValue())).toBeCloseTo(i.discount, 2);
    const net = Math.round(prices[i.productid] * (1 - i.discount / 100) * 100) / 100;
    expect(num(await row.getByTestId('item-unit-price').inputValue())).toBeCloseTo(net, 2);
  }
  // The discounts kept are said plainly.
  await expect(page.getByTestId('repeat-kept-discounts')).toHaveText(
    `Descontos dos itens mantidos do pedido ${order.orderid}, aplicados aos preços de hoje.`);
  // The repeated order goes to the ERP as a new order of the same customer.
  await page.getByTestId('step-4').click();
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  const ext = page.url().split('/sent/')[1];
  await expect.poll(async () => {
    const found = await getJson(request, token, `/api/tgv/salesorders/?FILTER=externalid eq '${ext}'`);
    return found.items.length;
  }, { timeout: 30_000 }).toBe(1);
  const made = (await getJson(request, token, `/api/tgv/salesorders/?FILTER=externalid eq '${ext}'`)).items[0];
  expect(made.orderid).not.toBe(order.orderid);
  expect([made.clientid, made.storeid]).toEqual([order.clientid, order.storeid]);
  const madeItems = (await getJson(request, token, `/api/tgv/salesorders/${made.orderid}/items?pageSize=100`)).items;
  expect(madeItems.map((i) => [i.productid, i.quantity, i.discount]))
    .toEqual(items.map((i) => [i.productid, i.quantity, i.discount]));
});

test('the form offers the customer\'s last purchases, and offline they come from the device', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const token = await apiToken(request, 'ana');
  const customer = (await getJson(request, token, '/api/tgv/customers/?pageSize=1&SORT=code')).items[0];
  const [code, store] = [customer.code, customer.store];
  const expected = (await getJson(request, token, `/api/mascate/v1/lastpurchases/${code}/${store}?pageSize=200`)).items
    .sort((a, b) => b.lastdate.localeCompare(a.lastdate) || b.orderid.localeCompare(a.orderid));
  expect(expected.length).toBeGreaterThan(0);

  await signIn(page, 'ana');
  // Online: from the ERP.
  await page.goto('/orders/new');
  await page.getByTestId('customer-search').fill(code);
  await page.locator(`[data-testid=customer-option][data-code="${code}"]`).first().click();
  await page.getByTestId('step-3').click();
  const offered = page.getByTestId('last-purchase');
  await expect(offered).toHaveCount(Math.min(expected.length, 12));
  await expect(offered.first()).toHaveAttribute('data-product', expected[0].productid);

  // Today's selection: this customer and one product; then offline.
  await selectCustomerForToday(page, code);

  await context.setOffline(true);
  await page.goto('/orders/new');
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('customer-search').fill(code);
  await page.locator(`[data-testid=customer-option][data-code="${code}"]`).first().click();
  await page.getByTestId('step-3').click();
  await expect(offered).toHaveCount(Math.min(expected.length, 12));
  const shown = await offered.evaluateAll((els) => els.map((e) => e.dataset.product));
  expect(shown).toEqual(expected.slice(0, 12).map((e) => e.productid));
  // Folded under the lines, with their count; one tap opens them, one more adds one with its
  // last quantity, and the focus goes to that quantity.
  await expect(page.getByTestId('last-purchases-toggle')).toHaveText(`Últimas compras deste cliente (${Math.min(expected.length, 12)})`);
  await page.getByTestId('last-purchases-toggle').click();
  await offered.first().getByTestId('last-purchase-add').click();
  const row = page.locator(`[data-testid=item-row][data-product="${expected[0].productid}"]`);
  await expect(row).toHaveCount(1);
  expect(num(await row.getByTestId('item-quantity').inputValue())).toBeCloseTo(expected[0].quantity, 3);
  await expect(row.getByTestId('item-quantity')).toBeFocused();
  await expect(offered.first().getByTestId('last-purchase-add')).toBeDisabled();
  await context.setOffline(false);
});
