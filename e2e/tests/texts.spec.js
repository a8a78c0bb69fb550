// Issue 23, item 9: the words a rep reads. No sum, quantity, code or date breaks inside itself
// ("R$" on one line and "610,58" on the next, "000000462-" / "1") at 390, 768, 1024 and 1280 px
// on any page that shows them; every text of the app follows the locale picked, also a message
// shown before the switch; the currency is named as the rep knows it, not by the ERP's code.
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

const SIZES = [[390, 844], [768, 1024], [1024, 768], [1280, 800]];

async function get(request, token, path) {
  const res = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), path).toBe(200);
  return res.json();
}

/**
 * Every money or number in the page's text (`R$ 610,58`, `000000462-1`, `1.234,5`, `02/11/2026`,
 * `2,00 %`) that is laid out on more than one line, and how many were looked at.
 */
async function brokenValues(page) {
  return page.evaluate(() => {
    const PATTERNS = [/-?(?:US|R)\$\s?-?\d[\d.,]*/g, /\d[\d.,/-]*\d(?:\s%)?/g];
    const where = (el) => {
      const id = el.closest('[data-testid]');
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}` +
        (id ? ` in [data-testid=${id.dataset.testid}]` : '');
    };
    const broken = [];
    let checked = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const re of PATTERNS) {
        for (const m of node.data.matchAll(re)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
          if (!rects.length) continue; // not shown
          checked += 1;
          const first = rects[0];
          if (rects.some((r) => Math.abs(r.top - first.top) > first.height / 2)) {
            broken.push(`"${m[0]}" (${where(node.parentElement)})`);
          }
        }
      }
    }
    return { checked, broken };
  });
}

test('no money or number breaks across lines at 390, 768, 1024 and 1280 px on the pages that show them', async ({ page, request }) => {
  test.setTimeout(300_000);
  const token = await apiToken(request, 'ana');
  const orders = (await get(request, token, '/api/tgv/salesorders/?pageSize=1000')).items;
  // An invoiced order: its page lists its invoices.
  const invoiced = orders.find((o) => o.status === 'E');
  expect(invoiced, 'an invoiced order of ana').toBeTruthy();
  const quotations = (await get(request, token, '/api/tgv/salesbudgets/?pageSize=1')).items;
  const invoice = (await get(request, token, '/api/mascate/v1/invoices?pageSize=1')).items[0];
  const stops = [
    ['invoice', `/invoices/${invoice.invoice}/${invoice.serie}`, '[data-testid=invoice-item]'],
    ['home', '/', '[data-testid=home-card-total]'],
    ['invoices', '/invoices', '[data-testid=invoice-row]'],
    ['statistics', '/statistics', '[data-testid=statistics-row]'],
    ['orders', '/orders', '[data-testid=document-row], [data-testid=document-card]'],
    ['order', `/orders/${invoiced.orderid}`, '[data-testid=invoice]'],
    ['quotations', '/quotations', '[data-testid=document-row], [data-testid=document-card]'],
    ['quotation', `/quotations/${quotations[0].budgetid}`, '[data-testid=document-item]'],
    ['customers', '/customers', '[data-testid=customer-row], [data-testid=customer-card]'],
    ['customer', '/customers/000002/01', '[data-testid=bill-row], [data-testid=bills-empty]'],
    ['products', '/products', '[data-testid=product-row]'],
  ];
  await signIn(page, 'ana');
  const problems = [];
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    for (const [name, path, ready] of stops) {
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible();
      if (name === 'products') {
        await page.getByTestId('product-stock-toggle').first().click();
        await expect(page.getByTestId('stock-row').first()).toBeVisible();
      }
      const { checked, broken } = await brokenValues(page);
      expect(checked, `${width} ${name}: values looked at`).toBeGreaterThan(0);
      for (const b of broken) problems.push(`${width}×${height} ${name}: ${b}`);
    }
  }
  expect(problems, `${problems.length} values broken across lines:\n${problems.join('\n')}`).toEqual([]);
});

test('a message shown before the locale changes follows it (the safety net\'s "nothing to export"), and the currency is named, not numbered', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/offline');
  await page.getByTestId('export-unsent').click();
  const done = page.getByTestId('safety-net-done');
  await expect(done).toHaveText('Nada pendente para exportar.');
  await page.getByTestId('locale-select').selectOption('en');
  await expect(done).toHaveText('Nothing unsent to export.');
  await page.getByTestId('locale-select').selectOption('es');
  await expect(done).toHaveText('Nada pendiente para exportar.');

  await page.goto('/statistics');
  for (const [locale, real, dollar] of [['es', 'Real (R$)', 'Dólar (US$)'], ['en', 'Real (R$)', 'Dollar (US$)'], ['pt-BR', 'Real (R$)', 'Dólar (US$)']]) {
    await page.getByTestId('locale-select').selectOption(locale);
    const options = page.getByTestId('statistics-currency').locator('option');
    // The ERP's five currencies (GET currencies), the real and the dollar in the rep's words,
    // the others by the ERP's name and symbol; never a bare number.
    await expect(options).toHaveText([real, dollar, 'UFIR (UFIR)', 'Euro (€)', 'Iene (¥)']);
  }
});
