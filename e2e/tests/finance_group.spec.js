// A customer's financial group, the invoice detail and the invoices' number range (issue 25):
// each view lists exactly what the API answers for the same query, asked here with the same
// token; the paid-date range lives in the address; offline the group is hidden and said.
const { test, expect } = require('./watched');
const { signIn, apiToken, selectCustomerForToday } = require('./helpers');

async function get(request, token, path) {
  const res = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), path).toBe(200);
  return res.json();
}

/** `dd/mm/aaaa` as the rep types it. */
const typed = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** pt-BR money as the page writes it. */
const brl = (v) => `R$ ${v.toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const ids = (page, testid) => page.getByTestId(testid).evaluateAll((rows) => rows.map((r) => r.dataset.id));

/** The first of ana's customers with more than a page of paid bills and a credit note. */
async function customerWithHistory(request, token) {
  const customers = (await get(request, token, '/api/tgv/customers/?pageSize=1000')).items;
  for (const c of customers) {
    const base = `/api/mascate/v1/customers/${c.code}/${c.store}`;
    const paid = (await get(request, token, `${base}/paidbills?pageSize=1000`)).items;
    if (paid.length <= 10) continue;
    const notes = (await get(request, token, `${base}/creditnotes?pageSize=1000`)).items;
    if (notes.length) return { c, base, paid, notes };
  }
  throw new Error('no customer with more than 10 paid bills and a credit note');
}

test('paid bills page by page and by paid date from/to, as the API lists them', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const { c, base, paid } = await customerWithHistory(request, token);
  await signIn(page, 'ana');
  await page.goto(`/customers/${c.code}/${c.store}`);
  const rows = page.getByTestId('paid-bill-row');
  const first = (await get(request, token, `${base}/paidbills?page=1&pageSize=10`)).items;
  await expect.poll(() => ids(page, 'paid-bill-row')).toEqual(first.map((b) => b.internalid));
  await expect(rows.first()).toContainText(brl(first[0].amountpaid));
  await expect(rows.first()).toContainText(typed(first[0].paiddate));
  await page.getByTestId('paid-bills-next').click();
  await expect(page).toHaveURL(/ppage=2/);
  const second = (await get(request, token, `${base}/paidbills?page=2&pageSize=10`)).items;
  await expect.poll(() => ids(page, 'paid-bill-row')).toEqual(second.map((b) => b.internalid));

  // A paid-date range in the middle of the history.
  const dates = [...new Set(paid.map((b) => b.paiddate))].sort();
  const [from, to] = [dates[1], dates[dates.length - 2]];
  await page.getByTestId('paid-from').fill(typed(from));
  await expect(page).toHaveURL(new RegExp(`pfrom=${from}`));
  await expect(page).not.toHaveURL(/ppage=/);
  await page.getByTestId('paid-to').fill(typed(to));
  await expect(page).toHaveURL(new RegExp(`pto=${to}`));
  const filter = encodeURIComponent(`paiddate ge '${from}' and paiddate le '${to}'`);
  const ranged = (await get(request, token, `${base}/paidbills?page=1&pageSize=10&FILTER=${filter}`)).items;
  expect(ranged.length).toBeGreaterThan(0);
  await expect.poll(() => ids(page, 'paid-bill-row')).toEqual(ranged.map((b) => b.internalid));
  // The address brings the same list back.
  await page.reload();
  await expect(page.getByTestId('paid-from')).toHaveValue(typed(from));
  await expect.poll(() => ids(page, 'paid-bill-row')).toEqual(ranged.map((b) => b.internalid));
});

test('credit notes and the registration sheet show what the API answers', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const { c, base, notes } = await customerWithHistory(request, token);
  const sheet = await get(request, token, `${base}/financialsheet`);
  await signIn(page, 'ana');
  await page.goto(`/customers/${c.code}/${c.store}`);
  await expect.poll(() => ids(page, 'credit-note-row')).toEqual(notes.map((n) => n.internalid));
  const row = page.getByTestId('credit-note-row').first();
  await expect(row).toContainText(brl(notes[0].amount));
  await expect(row).toContainText(brl(notes[0].balance));
  await expect(row.getByRole('link')).toHaveAttribute('href', `/invoices/${notes[0].invoice}/${notes[0].invoiceserie}`);
  await expect(page.getByTestId('sheet-credit-limit')).toHaveText(brl(sheet.creditlimit));
  await expect(page.getByTestId('sheet-risk')).toHaveText(sheet.risk);
  await expect(page.getByTestId('sheet-largest-purchase')).toContainText(brl(sheet.largestpurchase));
  await expect(page.getByTestId('sheet-largest-balance')).toHaveText(brl(sheet.largestbalance));
  await expect(page.getByTestId('sheet-last-purchase')).toHaveText(typed(sheet.lastpurchase));
  await expect(page.getByTestId('sheet-purchases')).toHaveText(String(sheet.purchases));
  const delay = sheet.averagedelay.toLocaleString('pt-BR', { maximumFractionDigits: 1 });
  await expect(page.getByTestId('sheet-average-delay')).toHaveText(`${delay} ${sheet.averagedelay === 1 ? 'dia' : 'dias'}`);
});

test('invoices from/to number list exactly the API\'s, and an invoice shows its items and totals', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const all = (await get(request, token, '/api/mascate/v1/invoices?pageSize=1000')).items;
  const numbers = all.map((i) => i.invoice).sort();
  const [lo, hi] = [numbers[5], numbers[14]];
  const filter = encodeURIComponent(`invoice ge '${lo}' and invoice le '${hi}'`);
  const want = (await get(request, token, `/api/mascate/v1/invoices?pageSize=20&FILTER=${filter}`)).items;
  await signIn(page, 'ana');
  await page.goto('/invoices');
  await expect(page.getByTestId('invoice-row').first()).toBeVisible();
  // Typed without its zeros, the number is the ERP's.
  await page.getByTestId('range-nfrom').fill(String(Number(lo)));
  await page.getByTestId('range-nfrom').press('Tab');
  await page.getByTestId('range-nto').fill(hi);
  await page.getByTestId('range-nto').press('Tab');
  await expect(page).toHaveURL(/nto=/);
  const shown = () => page.getByTestId('invoice-row').evaluateAll((rs) => rs.map((r) => r.dataset.invoice));
  await expect.poll(shown).toEqual(want.map((i) => i.invoice));
  // Reversed: said, not searched.
  await page.getByTestId('range-nfrom').fill(String(Number(hi) + 1));
  await page.getByTestId('range-nfrom').press('Tab');
  await expect(page.getByTestId('range-problem')).toBeVisible();
  await page.getByTestId('range-nfrom').fill(lo);
  await page.getByTestId('range-nfrom').press('Tab');
  await expect.poll(shown).toEqual(want.map((i) => i.invoice));

  const inv = want[0];
  const detail = await get(request, token, `/api/mascate/v1/invoices/${inv.invoice}/${inv.serie}`);
  await page.locator(`[data-testid=invoice-row][data-invoice="${inv.invoice}"]`).getByTestId('invoice-link').click();
  await expect(page).toHaveURL(new RegExp(`/invoices/${inv.invoice}/${inv.serie}$`));
  await expect(page.getByTestId('invoice-title')).toContainText(`${inv.invoice}-${inv.serie}`);
  const items = page.getByTestId('invoice-item');
  await expect(items).toHaveCount(detail.items.length);
  expect(await items.evaluateAll((rs) => rs.map((r) => [r.dataset.product, Number(r.dataset.total)])))
    .toEqual(detail.items.map((i) => [i.productid, i.total]));
  await expect(page.getByTestId('invoice-total')).toHaveText(brl(detail.totals.total));
  await expect(page.getByTestId('invoice-goods')).toHaveText(brl(detail.totals.goods));
  await expect(page.getByTestId('invoice-installment')).toHaveCount(detail.installments.length);
  await expect(page.getByTestId('invoice-gross-weight')).toContainText(' kg');
  await expect(page.getByTestId('invoice-order')).toHaveText(detail.orderid);
});

test('offline the financial group is hidden and the page says it needs the connection', async ({ page, context, request }) => {
  const token = await apiToken(request, 'ana');
  const { c } = await customerWithHistory(request, token);
  await signIn(page, 'ana');
  await selectCustomerForToday(page, c.code);
  await page.goto(`/customers/${c.code}/${c.store}`);
  await expect(page.getByTestId('paid-bills')).toBeVisible();
  await expect(page.getByTestId('customer-finances-offline')).toHaveCount(0);
  await context.setOffline(true);
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('customer-details')).toBeVisible();
  await expect(page.getByTestId('customer-finances-offline')).toHaveText('Sem conexão: limite de crédito, risco, títulos, ficha financeira, produção e pedidos deste cliente ficam no ERP e voltam quando a conexão voltar.');
  for (const id of ['customer-finances', 'paid-bills', 'credit-notes', 'financial-sheet']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await context.setOffline(false);
});

test('held stock and production orders on the customer\'s page and on the order\'s, as the API lists them', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const customers = (await get(request, token, '/api/tgv/customers/?pageSize=1000')).items;
  let found;
  for (const c of customers) {
    const base = `/api/mascate/v1/customers/${c.code}/${c.store}`;
    const held = (await get(request, token, `${base}/heldstock?pageSize=200`)).items;
    const production = (await get(request, token, `${base}/productionorders?pageSize=200`)).items;
    if (held.length > 1 && production.length > 1) {
      found = { c, held, production };
      break;
    }
  }
  expect(found).toBeTruthy();
  const { c, held, production } = found;
  await signIn(page, 'ana');
  await page.goto(`/customers/${c.code}/${c.store}`);
  await expect.poll(() => ids(page, 'held-stock-row')).toEqual(held.map((h) => h.internalid));
  const customerOrders = page.getByTestId('customer-production-orders');
  await expect.poll(() => customerOrders.getByTestId('production-order-row').evaluateAll((rs) => rs.map((r) => r.dataset.id)))
    .toEqual(production.map((p) => p.internalid));
  const first = production[0];
  await customerOrders.getByTestId('production-order-row').first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/orders/${first.orderid}$`));
  const ofOrder = (await get(request, token, `/api/mascate/v1/orders/${first.orderid}/productionorders`)).items;
  const onOrder = page.getByTestId('order-production-orders');
  await expect.poll(() => onOrder.getByTestId('production-order-row').evaluateAll((rs) => rs.map((r) => r.dataset.id)))
    .toEqual(ofOrder.map((p) => p.internalid));
});

test('statistics in another currency and for a description fragment list the API\'s rows, kept in the address', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const [from, to] = ['2025-01-01', '2026-12-31'];
  const ask = async (extra) => (await get(request, token,
    `/api/mascate/v1/salesstatistics?groupby=product&from=${from}&to=${to}&${extra}`)).items.map((r) => r.key).sort();
  const inDollars = await ask('currency=2');
  const flour = await ask('currency=1&description=farinha');
  expect(inDollars.length).toBeGreaterThan(0);
  expect(flour.length).toBeGreaterThan(0);
  await signIn(page, 'ana');
  await page.goto(`/statistics?groupby=product&from=${from}&to=${to}`);
  const rows = page.getByTestId('statistics-row');
  await expect(rows.first()).toBeVisible();
  const keys = () => rows.evaluateAll((els) => els.map((e) => e.dataset.key).sort());
  // The ERP's five currencies are offered.
  await expect(page.getByTestId('statistics-currency').locator('option')).toHaveCount(5);
  await page.getByTestId('statistics-currency').selectOption('2');
  await expect(page).toHaveURL(/currency=2/);
  await expect.poll(keys).toEqual(inDollars);
  await expect(rows.first().locator('td[data-measure=gross]')).toContainText('US$');
  await page.getByTestId('statistics-currency').selectOption('1');
  await page.getByTestId('statistics-description').fill('farinha');
  await page.getByTestId('statistics-description').press('Tab');
  await expect(page).toHaveURL(/desc=farinha/);
  await expect.poll(keys).toEqual(flour);
  await expect(rows.first().locator('td[data-measure=gross]')).toContainText('R$');
  await page.reload();
  await expect(page.getByTestId('statistics-description')).toHaveValue('farinha');
  await expect.poll(keys).toEqual(flour);
});

test('an order sold in dollars shows US$ in the list and on its page; one in reais stays R$', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const inDollars = (await get(request, token, `/api/tgv/salesorders/?pageSize=1&FILTER=${encodeURIComponent('currencyid eq 2')}`)).items[0];
  const inReais = (await get(request, token, `/api/tgv/salesorders/?pageSize=1&FILTER=${encodeURIComponent('currencyid eq 1')}`)).items[0];
  expect(inDollars && inReais).toBeTruthy();
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
  });
  await signIn(page, 'ana');
  for (const [order, symbol, other] of [[inDollars, 'US$', 'R$'], [inReais, 'R$', 'US$']]) {
    await page.goto(`/orders?nfrom=${order.orderid}&nto=${order.orderid}`);
    const row = page.locator(`[data-testid=document-row][data-number="${order.orderid}"]`);
    await expect(row).toContainText(`${symbol} `);
    await expect(row).not.toContainText(other);
    await page.goto(`/orders/${order.orderid}`);
    await expect(page.getByTestId('document-item').first()).toContainText(`${symbol} `);
    await expect(page.getByTestId('total-gross')).toHaveText(new RegExp(`^${symbol.replace('$', '\\$')} `));
    // The printed sheet and the shared summary say the same currency.
    await expect(page.getByTestId('print-total')).toHaveText(new RegExp(`^${symbol.replace('$', '\\$')} `));
    await expect(page.getByTestId('print-sheet')).not.toContainText(other);
    await page.getByTestId('document-share').click();
    await expect.poll(() => page.evaluate(() => window.__shared.length)).toBeGreaterThan(0);
    const text = await page.evaluate(() => window.__shared.pop().text);
    expect(text).toContain(`${symbol} `);
    expect(text).not.toContain(other);
  }
});
