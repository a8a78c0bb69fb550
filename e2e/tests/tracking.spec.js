// Order tracking by release state (tgv-api.md §9.2, §9.5): each filter of My Orders lists
// only its state, a credit-held order (header status L) is blocked — never "released" — and
// its page shows the releases with their quantities, as the list's chip says.
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

// The filter codes and the states each may show (data-state of a row).
const FILTERS = {
  OPN: ['open'],
  RLS: ['released'],
  BLQ: ['blocked-credit', 'blocked-stock', 'blocked-rule', 'blocked-budget'],
  BIL: ['invoiced'],
};

test('each state filter lists only its state; a credit-held order is blocked, with its releases', async ({ page, request }) => {
  test.setTimeout(90_000);
  const token = await apiToken(request, 'ana');
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const held = (await (await request.get(`/api/tgv/salesorders/?pageSize=5&SORT=-orderid&FILTER=blockreason eq 'credit'`, auth)).json()).items;
  expect(held.length).toBeGreaterThan(0);
  const order = held[0];
  expect(order.status).toBe('L'); // released by its header, held by its credit block

  await signIn(page, 'ana');
  await page.getByTestId('nav-orders').click();
  const rows = page.getByTestId('document-row');
  await expect(rows.first()).toBeVisible();
  for (const [code, states] of Object.entries(FILTERS)) {
    await page.getByTestId('documents-filter-status').selectOption(code);
    await expect(page).toHaveURL(new RegExp(`status=${code}`));
    await expect(page.getByTestId('documents-list')).toHaveAttribute('data-filter', code, { timeout: 20_000 });
    await expect(rows.first()).toBeVisible();
    const seen = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.state));
    expect(seen.length, code).toBeGreaterThan(0);
    for (const s of seen) expect(states, `${code} lists ${s}`).toContain(s);
  }

  // The credit-held order: under "Bloqueado", not under "Liberado".
  await page.getByTestId('documents-search').fill(order.orderid);
  await page.getByTestId('documents-filter-status').selectOption('RLS');
  await expect(page.getByTestId('documents-empty')).toBeVisible();
  await page.getByTestId('documents-filter-status').selectOption('BLQ');
  const row = page.locator(`[data-testid=document-row][data-number="${order.orderid}"]`);
  await expect(row).toHaveAttribute('data-state', 'blocked-credit');
  await expect(row.getByTestId('document-state')).toHaveText('Bloqueado por crédito');

  // Its page says the same, and shows its releases with the items' quantities.
  await row.getByTestId('document-link').click();
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-state', 'blocked-credit');
  await expect(page.getByTestId('document-status')).toHaveText('Bloqueado por crédito');
  const items = (await (await request.get(`/api/tgv/salesorders/${order.orderid}/items`, auth)).json()).items;
  const total = items.reduce((s, i) => s + i.quantity, 0);
  await expect(page.getByTestId('release-item')).toHaveCount(items.length);
  for (const s of await page.getByTestId('release-item').evaluateAll((rs) => rs.map((r) => r.dataset.state))) {
    expect(s).toBe('blocked-credit');
  }
  await expect(page.getByTestId('release-credit-block')).toHaveAttribute('data-quantity', String(total));
  for (const other of ['release-portfolio', 'release-released', 'release-stock-block', 'release-invoiced']) {
    await expect(page.getByTestId(other)).toHaveAttribute('data-quantity', '0');
  }

  // Back: the list as it was (filter and search in the address).
  await page.goBack();
  await expect(page.getByTestId('documents-filter-status')).toHaveValue('BLQ');
  await expect(page.getByTestId('documents-search')).toHaveValue(order.orderid);
  await expect(row).toBeVisible();
});

// Issue 23: tracking by period is the ERP's tracking list (§9.5): orders issued *or* invoiced
// in the period, so an order issued earlier and invoiced in it is listed; the page says which
// dates the period applies to.
test('a state filter with a period lists what the ERP\'s tracking list has for that period, and says which dates count', async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await apiToken(request, 'ana');
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const ddmmyyyy = (iso) => encodeURIComponent(`${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
  async function tracked(from, to, code) {
    const out = new Set();
    for (let p = 1; p < 50; p += 1) {
      const res = await request.get(`/api/pgv/salesorderslist/${ddmmyyyy(from)}/${ddmmyyyy(to)}?STATUSFILTER=${code}&page=${p}&pageSize=500`, auth);
      if (res.status() === 404) break;
      expect(res.status()).toBe(200);
      const body = await res.json();
      body.items.forEach((r) => out.add(String(r.order).trim()));
      if (!body.hasNext) break;
    }
    return [...out].sort();
  }
  const headers = (await (await request.get('/api/tgv/salesorders/?pageSize=1000', auth)).json()).items;
  const issued = Object.fromEntries(headers.map((o) => [o.orderid.trim(), o.issuedate]));
  // A month whose invoiced orders include one issued before it (the case issue-date-only missed).
  let period = null;
  const today = new Date();
  for (let back = 0; back < 24 && !period; back += 1) {
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const [from, to] = [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
    const want = await tracked(from, to, 'BIL');
    const earlier = want.filter((n) => issued[n] && issued[n] < from);
    if (want.length > 0 && want.length <= 20 && earlier.length > 0) period = { from, to, want, earlier };
  }
  expect(period, 'the fixtures have orders invoiced in a month after the one they were issued in').not.toBeNull();

  await signIn(page, 'ana');
  await page.goto(`/orders?status=BIL&from=${period.from}&to=${period.to}`);
  await expect(page.getByTestId('documents-list')).toHaveAttribute('data-filter', 'BIL', { timeout: 20_000 });
  const shown = async () => (await page.getByTestId('document-row').evaluateAll((rs) => rs.map((r) => r.dataset.number))).sort();
  await expect.poll(shown, { timeout: 20_000 }).toEqual(period.want);
  // Which dates count is said beside the boxes.
  await expect(page.getByTestId('range-dates-mean')).toBeVisible();
  await expect(page.getByTestId('range-filter')).toContainText('Emissão ou faturamento de');
  // Without a state, the list is by issue date, and the labels say so.
  await page.getByTestId('documents-filter-status').selectOption('');
  await expect(page.getByTestId('range-dates-mean')).toHaveCount(0);
  await expect(page.getByTestId('range-filter')).toContainText('Emissão de');
});
