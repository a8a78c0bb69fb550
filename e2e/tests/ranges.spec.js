// Date and number ranges (issue 15): orders and quotations from/to issue date and from/to
// number, invoices from/to issue date; each list shows exactly the documents the API has in
// that range, the range lives in the address, and a reversed range is said, not searched.
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

async function all(request, token, path) {
  const res = await request.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=1000`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status(), path).toBe(200);
  return (await res.json()).items;
}

/** `dd/mm/aaaa` as the rep types it. */
const typed = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * A range of about ten documents by issue date, narrowed by number to drop the first and
 * last: `{from, to, lo, hi, want}` with `want` the numbers inside, sorted.
 */
function pickRange(docs, number) {
  const byDate = [...docs].sort((a, b) => a.issuedate.localeCompare(b.issuedate) || a[number].localeCompare(b[number]));
  const k = Math.floor(byDate.length / 3);
  const [from, to] = [byDate[k].issuedate, byDate[Math.min(k + 9, byDate.length - 1)].issuedate];
  const inDates = docs.filter((d) => d.issuedate >= from && d.issuedate <= to).map((d) => d[number]).sort();
  const [lo, hi] = [inDates[1], inDates[inDates.length - 2]];
  const want = inDates.filter((n) => n >= lo && n <= hi);
  return { from, to, lo, hi, want };
}

const shownNumbers = async (page) =>
  (await page.getByTestId('document-row').evaluateAll((rows) => rows.map((r) => r.dataset.number))).sort();

test('orders typed from/to date and from/to number list exactly the orders in range', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const orders = await all(request, token, '/api/tgv/salesorders/');
  const r = pickRange(orders, 'orderid');
  expect(r.want.length).toBeGreaterThan(2);
  expect(r.want.length).toBeLessThanOrEqual(20);

  await signIn(page, 'ana');
  await page.goto('/orders');
  await expect(page.getByTestId('document-row').first()).toBeVisible();
  await page.getByTestId('range-from').fill(typed(r.from));
  await expect(page).toHaveURL(new RegExp(`from=${r.from}`));
  await page.getByTestId('range-to').fill(typed(r.to));
  await expect(page).toHaveURL(new RegExp(`to=${r.to}`));
  // Typed without its zeros, the number is the ERP's.
  await page.getByTestId('range-nfrom').fill(String(Number(r.lo)));
  await page.getByTestId('range-nfrom').press('Tab');
  await page.getByTestId('range-nto').fill(r.hi);
  await page.getByTestId('range-nto').press('Tab');
  await expect(page).toHaveURL(/nto=/);
  await expect.poll(() => shownNumbers(page)).toEqual(r.want);
  // The dates show as the rep typed them, and the address brings the same list back.
  await expect(page.getByTestId('range-from')).toHaveValue(typed(r.from));
  const url = page.url();
  await page.goto('/');
  await page.goto(url);
  await expect.poll(() => shownNumbers(page)).toEqual(r.want);
  // Reversed dates: said beside the boxes, nothing listed.
  await page.getByTestId('range-from').fill(typed(r.to));
  await page.getByTestId('range-to').fill(typed(r.from));
  if (r.from !== r.to) {
    await expect(page.getByTestId('range-problem')).toBeVisible();
    await expect(page.getByTestId('document-row')).toHaveCount(0);
  }
  await page.getByTestId('range-clear').click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.getByTestId('document-row')).toHaveCount(20);
});

test('quotations from/to date and number in the address list exactly the quotations in range', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const quotations = await all(request, token, '/api/tgv/salesbudgets/');
  const r = pickRange(quotations, 'budgetid');
  expect(r.want.length).toBeGreaterThan(0);
  expect(r.want.length).toBeLessThanOrEqual(20);
  await signIn(page, 'ana');
  await page.goto(`/quotations?from=${r.from}&to=${r.to}&nfrom=${r.lo}&nto=${r.hi}`);
  await expect.poll(() => shownNumbers(page)).toEqual(r.want);
  await expect(page.getByTestId('range-to')).toHaveValue(typed(r.to));
});

test('invoices from/to issue date list exactly the invoices in range', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const invoices = await all(request, token, '/api/mascate/v1/invoices');
  const byDate = [...invoices].sort((a, b) => a.issuedate.localeCompare(b.issuedate));
  const k = Math.floor(byDate.length / 2);
  const [from, to] = [byDate[k].issuedate, byDate[Math.min(k + 7, byDate.length - 1)].issuedate];
  const want = invoices.filter((i) => i.issuedate >= from && i.issuedate <= to).map((i) => i.invoice).sort();
  expect(want.length).toBeGreaterThan(0);
  expect(want.length).toBeLessThanOrEqual(20);

  await signIn(page, 'ana');
  await page.getByTestId('nav-invoices').click();
  await expect(page.getByTestId('invoice-row').first()).toBeVisible();
  await page.getByTestId('range-from').fill(typed(from));
  await page.getByTestId('range-to').fill(typed(to));
  await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}|to=${to}.*from=${from}`));
  const shown = () => page.getByTestId('invoice-row').evaluateAll((rows) => rows.map((r) => r.dataset.invoice).sort());
  await expect.poll(shown).toEqual(want);
  // Every row's date is inside, written dd/mm/aaaa.
  const dates = await page.getByTestId('invoice-row').evaluateAll((rows) => rows.map((r) => r.dataset.issued));
  expect(dates.every((d) => d >= from && d <= to)).toBe(true);
  await expect(page.getByTestId('invoice-row').first().locator('td').nth(1)).toHaveText(/^(Emissão)?\s*\d{2}\/\d{2}\/\d{4}$/);
});
