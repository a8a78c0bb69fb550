// Print and share (issue 15): an order's print media layout is an A4 sheet with its seller,
// customer, items and totals and nothing of the app around it, with no horizontal overflow;
// "Compartilhar" hands the Web Share API a WhatsApp-friendly summary (navigator.share is
// stubbed only to capture its argument), falls back to the clipboard, and works offline on
// the device's copy of an unsent order.
const { test, expect } = require('./watched');
const { signIn, apiToken, pendingOrder } = require('./helpers');

/** A4 at 96 dpi: 210 mm. */
const A4 = { width: 794, height: 1123 };

/** Captures what the page hands to navigator.share (the stub only records it). */
async function captureShare(page) {
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
  });
}

/** An order of ana's with at least two items, and its items. */
async function orderWithItems(request, token) {
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const orders = (await (await request.get('/api/tgv/salesorders/?pageSize=30&SORT=-orderid', auth)).json()).items;
  for (const o of orders) {
    const items = (await (await request.get(`/api/tgv/salesorders/${o.orderid}/items?pageSize=100`, auth)).json()).items;
    if (items.length >= 2) return { order: o, items };
  }
  throw new Error('no order with two items');
}

const parsePtBr = (t) => Number(t.replace(/[^\d,-]/g, '').replace(',', '.'));

test('an order prints as an A4 sheet of its items and totals, nothing else, no sideways overflow', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const { order, items } = await orderWithItems(request, token);
  await signIn(page, 'ana');
  await page.goto(`/orders/${order.orderid}`);
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  // On screen the sheet is not shown.
  await expect(page.getByTestId('print-sheet')).toBeHidden();

  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('h1')).toContainText(order.orderid);
  await expect(sheet.getByTestId('print-item')).toHaveCount(items.length);
  for (const [n, i] of items.entries()) {
    await expect(sheet.getByTestId('print-item').nth(n)).toContainText(i.productid);
  }
  const total = items.reduce((s, i) => s + i.amount, 0) + (order.freight || 0) + (order.insurance || 0)
    + (order.expenses || 0) - (order.discount || 0);
  const printed = parsePtBr(await sheet.getByTestId('print-total').innerText());
  expect(Math.abs(printed - total)).toBeLessThan(0.02);
  await expect(sheet.getByTestId('print-total')).toHaveText(/^R\$\s?[\d.]+,\d{2}$/);
  // Taxes: the ERP's figures, or the words that say the ERP computes them.
  await expect(sheet.locator('[data-testid=print-taxes], [data-testid=print-taxes-by-erp]').first()).toBeVisible();
  // Nothing of the app prints: no navigation, no buttons.
  await expect(page.getByTestId('nav-orders')).toBeHidden();
  await expect(page.getByTestId('share-bar')).toBeHidden();
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('[data-testid=print-sheet] *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => el.tagName);
    return { scroll: document.documentElement.scrollWidth, width, wide };
  });
  expect(overflow.wide).toEqual([]);
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
  // The browser makes the PDF from it on A4.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
});

test('share hands a WhatsApp-friendly summary to the share sheet, and copies it when there is none', async ({ page, context, request }) => {
  const token = await apiToken(request, 'ana');
  const { order, items } = await orderWithItems(request, token);
  await captureShare(page);
  await signIn(page, 'ana');
  await page.goto(`/orders/${order.orderid}`);
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  await page.getByTestId('document-share').click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  const shared = await page.evaluate(() => window.__shared[0]);
  expect(shared.title).toContain(order.orderid);
  const text = shared.text;
  expect(text).toContain(order.orderid);
  // Each line by the product's name, as a customer reads it.
  for (const i of items) expect(text).toContain(i.description.trim());
  expect(text).toMatch(/Total.*R\$\s?[\d.]+,\d{2}/);
  expect(text).not.toMatch(/\d\.\d{2}\b(?!\d)/); // no decimal point in money
  expect(text).toContain('Vendedor');

  // Without the Web Share API: the same text goes to the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => { delete navigator.share; navigator.share = undefined; });
  await page.getByTestId('document-share').click();
  await expect(page.getByTestId('share-copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
});

test('offline, an unsent order on the device prints and shares, taxes left to the ERP', async ({ page, context }) => {
  await captureShare(page);
  await signIn(page, 'ana');
  await pendingOrder(page);
  await expect(page.getByTestId('sent-page')).toBeVisible();
  await context.setOffline(true);
  await page.getByTestId('document-share').click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  const text = await page.evaluate(() => window.__shared[0].text);
  expect(text).toMatch(/\n1\. .+ — 1( \w+)? × R\$\s?[\d.]+,\d{2} = R\$/);
  expect(text).toContain('(sem número)');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-sheet')).toBeVisible();
  await expect(page.getByTestId('print-item')).toHaveCount(1);
  await expect(page.getByTestId('print-taxes-by-erp')).toHaveText('impostos calculados pelo ERP');
  await page.emulateMedia({ media: 'screen' });
  await context.setOffline(false);
});
