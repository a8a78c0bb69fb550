// Print and share (issue 15): an order's print media layout is an A4 sheet with its seller,
// customer, items and totals and nothing of the app around it, with no horizontal overflow;
// "Compartilhar" hands the Web Share API a WhatsApp-friendly summary (navigator.share is
// stubbed only to capture its argument), falls back to the clipboard, and works offline on
// the device's copy of an unsent order. Issue 23: the sheet's totals add up to the ERP's
// (the total, the taxes added on top of it, the grand total; the taxes already in the prices
// said apart), its units are the products', its headers never break inside a word, a
// prospect's quotation carries the prospect's name, and the sheet follows the rep's language.
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
  for (const o of orders.filter((o) => o.currencyid === 1)) { // these tests read reais
    const items = (await (await request.get(`/api/tgv/salesorders/${o.orderid}/items?pageSize=100`, auth)).json()).items;
    if (items.length >= 2) return { order: o, items };
  }
  throw new Error('no order with two items');
}

const parsePtBr = (t) => Number(t.replace(/[^\d,-]/g, '').replace(',', '.'));

/** A4's printable width at 96 dpi: 210 mm less the @page margins of 12 mm. */
const A4_PRINTABLE = { width: 703, height: 1123 };

async function getJson(request, token, path) {
  const res = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), path).toBe(200);
  return res.json();
}

/** Recent orders of ana's with two or more items and the ERP's taxes (§11), one of each
 * kind: `added`, with IPI or ICMS-ST on top of the prices; `inside`, with all its taxes
 * already in the prices. */
async function ordersByTaxes(request, token) {
  const orders = (await getJson(request, token, '/api/tgv/salesorders/?pageSize=80&SORT=-orderid')).items;
  const found = {};
  for (const o of orders) {
    if (found.added && found.inside) break;
    const items = (await getJson(request, token, `/api/tgv/salesorders/${o.orderid}/items?pageSize=100`)).items;
    if (items.length < 2) continue;
    const answer = await getJson(request, token, `/api/fat/v1/SalesTaxes/${o.orderid}`);
    const taxes = answer.items ? answer.items[0] : answer;
    const kind = taxes.total_impostos_sem_incidencia > 0 ? 'added' : 'inside';
    if (!found[kind] && taxes.total_impostos_embutidos > 0) found[kind] = { order: o, items, taxes };
  }
  expect(Object.keys(found).sort(), 'orders of both kinds').toEqual(['added', 'inside']);
  return found;
}

/** The headers of the sheet's items whose words the layout broke (a word on two lines). */
async function brokenHeaders(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-testid=print-items] th')].filter((th) => {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      for (const m of node.data.matchAll(/\S+/g)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (range.getClientRects().length > 1) return true;
      }
    }
    return false;
  }).map((th) => th.textContent));
}

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
  await expect(sheet.locator('[data-testid=print-taxes-added], [data-testid=print-taxes-by-erp]').first()).toBeVisible();
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

for (const kind of ['added', 'inside']) {
  const what = kind === 'added' ? 'IPI or ICMS-ST added on top' : 'all taxes already in the prices';
  test(`the sheet's totals add up to the ERP's, with the products' units (${what})`, async ({ page, request }) => {
    test.setTimeout(120_000);
    const token = await apiToken(request, 'ana');
    const { order, items, taxes } = (await ordersByTaxes(request, token))[kind];
    await captureShare(page);
    await signIn(page, 'ana');
    await page.goto(`/orders/${order.orderid}`);
    await expect(page.getByTestId('document-item').first()).toBeVisible();
    await page.setViewportSize(A4_PRINTABLE);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    await expect(sheet).toBeVisible();
    // Each line's unit is its product's.
    const units = sheet.locator('[data-testid=print-item] td:nth-child(4)');
    await expect(units).toHaveCount(items.length);
    for (const [n, i] of items.entries()) {
      const product = (await getJson(request, token, `/api/tgv/products/?FILTER=code eq '${i.productid}'`)).items[0];
      expect(product.measureunit.trim()).not.toBe('');
      await expect.soft(units.nth(n)).toHaveText(product.measureunit.trim());
    }
    // On A4's printable width no header breaks inside a word ("Quanti-dade").
    expect.soft(await brokenHeaders(page)).toEqual([]);

    // The ERP's figures, each in its place.
    await expect(sheet.getByTestId('print-taxes-added')).toBeVisible();
    const money = async (testid) => parsePtBr(await sheet.getByTestId(testid).innerText());
    const total = await money('print-total');
    const added = await money('print-taxes-added');
    const grand = await money('print-total-with-taxes');
    expect(added).toBeCloseTo(taxes.total_impostos_sem_incidencia, 2);
    expect(await money('print-taxes-included')).toBeCloseTo(taxes.total_impostos_embutidos, 2);
    expect(grand).toBeCloseTo(taxes.valor_contabil, 2);
    // And they add up: the total, plus the taxes added, is the total with taxes.
    const difference = (await sheet.getByTestId('print-taxes-difference').count())
      ? await money('print-taxes-difference') : 0;
    expect(Math.abs(difference)).toBeLessThan(0.05);
    expect(total + added + difference).toBeCloseTo(grand, 2);
    if (kind === 'inside') expect(grand).toBeCloseTo(total, 2);
    await expect(sheet.getByTestId('print-totals')).toContainText(kind === 'added' ? 'Impostos adicionados (' : 'Impostos adicionados');
    await expect(sheet.getByTestId('print-totals')).toContainText('Impostos já inclusos no preço (ICMS');
    await page.emulateMedia({ media: 'screen' });

    // The shared summary says the same.
    await page.getByTestId('document-share').click();
    await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
    const text = await page.evaluate(() => window.__shared[0].text);
    // Money in pt-BR as a pattern: R$ 1.234,56.
    const brl = (v) => `R\\$\\s?${v.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\\.')}`;
    expect(text).toMatch(new RegExp(`\\*Total: ${brl(total)}\\*\\nImpostos adicionados[^\\n]*: ${brl(added)}\\n`));
    expect(text).toMatch(new RegExp(`\\*Total com impostos: ${brl(taxes.valor_contabil)}\\*`));
    expect(text).toMatch(new RegExp(`_Impostos já inclusos no preço[^\\n]*: ${brl(taxes.total_impostos_embutidos)}_`));
    const firstUnit = (await getJson(request, token, `/api/tgv/products/?FILTER=code eq '${items[0].productid}'`)).items[0].measureunit.trim();
    expect(text).toMatch(new RegExp(`\\n1\\. .+ — [\\d.,]+ ${firstUnit} × `));
  });
}

test('the sheet follows the rep\'s language when it changes', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const { order } = await orderWithItems(request, token);
  await signIn(page, 'ana');
  await page.goto(`/orders/${order.orderid}`);
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  await page.getByTestId('locale-select').selectOption('en');
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet.locator('h1')).toHaveText(`Order ${order.orderid}`);
  await expect(sheet.locator('[data-testid=print-items] th').nth(2)).toHaveText('Qty');
  await expect(sheet.getByTestId('print-totals')).toContainText('Total with taxes');
  await expect(sheet.getByTestId('print-total')).toHaveText(/^R\$\s?[\d,]+\.\d{2}$/);
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('locale-select').selectOption('pt-BR');
  await page.emulateMedia({ media: 'print' });
  await expect(sheet.locator('h1')).toHaveText(`Pedido ${order.orderid}`);
  await page.emulateMedia({ media: 'screen' });
});

test('a prospect\'s quotation prints and shares with the prospect\'s name', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const prospect = (await getJson(request, token, '/api/tgv/prospects/?pageSize=1&SORT=code')).items[0];
  const product = (await getJson(request, token, "/api/tgv/products/?FILTER=code eq 'P00010'")).items[0];
  const externalid = `print-prospect-${Date.now()}`;
  const res = await request.post('/api/tgv/salesbudgets/', {
    ...auth,
    data: {
      header: {
        externalid, prospectid: prospect.code, prospectstore: prospect.store, paymentconditionid: '001',
        pricelistid: '001', issuedate: new Date().toISOString().slice(0, 10), currencyid: 1,
      },
      items: [{ itemid: '01', productid: 'P00010', quantity: 2, pricelist: product.price, unitprice: product.price }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const number = (await res.json()).items[0].budgetid;
  await captureShare(page);
  await signIn(page, 'ana');
  await page.goto(`/quotations/${number}`);
  await expect(page.getByTestId('document-item').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-customer-name')).toHaveText(prospect.name.trim());
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('document-share').click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  expect(await page.evaluate(() => window.__shared[0].text)).toContain(`: ${prospect.name.trim()} (${prospect.code}/${prospect.store})`);
});
