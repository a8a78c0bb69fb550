// Issue 26, item 2: tabbing through a page never leaves the focused control under a sticky
// bar (the top bar, the bottom menu, the form's actions) or off screen, at 390 and 768 px,
// on every page and every step of the order form.
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

const SIZES = [[390, 844], [768, 1024]];
/** Tabs per page: enough to walk every control of the longest page's first screens. */
const TABS = 60;

/**
 * After one more Tab: whether the focused control lies wholly inside the window and is the
 * topmost thing at its corners and centre (so no sticky bar, menu or dialog sits on it).
 */
async function focusProblem(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return null;
    const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}` +
      `${el.id ? `#${el.id}` : ''} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().split('\n')[0].slice(0, 30)}"`;
    const h = window.innerHeight;
    if (r.top < -1 || r.bottom > h + 1) return `${name} off screen (${Math.round(r.top)}..${Math.round(r.bottom)} of ${h})`;
    // Far enough in that a rounded corner (a pill is round to half its height) is still the control.
    const inset = Math.max(4, Math.min(r.width, r.height) * 0.3);
    const points = [
      [r.left + inset, r.top + inset], [r.right - inset, r.top + inset],
      [r.left + inset, r.bottom - inset], [r.right - inset, r.bottom - inset],
      [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
    ].filter(([x]) => x >= 0 && x < window.innerWidth);
    for (const [x, y] of points) {
      const top = document.elementFromPoint(x, y);
      // A label's own text, or the control's own parts, are the control.
      if (!top || el.contains(top) || top.contains(el) || (top.closest('label') && top.closest('label').contains(el))) continue;
      const cover = top.closest('header, nav, footer, .form-actions, dialog, [role=dialog]') || top;
      const what = `${cover.tagName.toLowerCase()}${typeof cover.className === 'string' && cover.className ? `.${cover.className.trim().split(/\s+/).join('.')}` : ''}`;
      return `${name} covered by ${what} at ${Math.round(x)},${Math.round(y)}`;
    }
    return null;
  });
}

/** Tabs through the page from its top and returns what was hidden. */
async function tabThrough(page, label) {
  await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement?.blur(); });
  const problems = [];
  for (let i = 0; i < TABS; i += 1) {
    await page.keyboard.press('Tab');
    const p = await focusProblem(page);
    // Tabbing wraps round past the last control: each problem is said once.
    if (p && !problems.includes(`${label}: ${p}`)) problems.push(`${label}: ${p}`);
  }
  return problems;
}

test('every focused control is wholly in view, clear of the sticky bars, at 390 and 768', async ({ page, request }) => {
  test.setTimeout(600_000);
  const token = await apiToken(request, 'ana');
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const order = (await (await request.get('/api/tgv/salesorders/?pageSize=1', auth)).json()).items[0];
  const invoice = (await (await request.get('/api/mascate/v1/invoices?pageSize=1', auth)).json()).items[0];
  const pages = [
    ['home', '/', '[data-testid=home-card-total]'],
    ['customers', '/customers', '[data-testid=customer-row], [data-testid=customer-card]'],
    ['customer', '/customers/000002/01', '[data-testid=customer-details]'],
    ['products', '/products', '[data-testid=product-row]'],
    ['orders', '/orders', '[data-testid=document-row], [data-testid=document-card]'],
    ['order', `/orders/${order.orderid}`, '[data-testid=document-item]'],
    ['quotations', '/quotations', '[data-testid=document-row], [data-testid=document-card]'],
    ['invoices', '/invoices', '[data-testid=invoice-row]'],
    ['invoice', `/invoices/${invoice.invoice}/${invoice.serie}`, '[data-testid=invoice-item]'],
    ['statistics', '/statistics', '[data-testid=statistics-query]'],
    ['tasks', '/tasks', '[data-testid=tasks-list]'],
    ['agenda', '/agenda', 'h1'],
    ['notifications', '/notifications', '[data-testid=notification]'],
    ['account', '/account', '[data-testid=account-email]'],
    ['offline', '/offline', '[data-testid=offline-readiness]'],
  ];
  await signIn(page, 'ana');
  const problems = [];
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    for (const [name, path, ready] of pages) {
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible();
      problems.push(...await tabThrough(page, `${width} ${name}`));
    }
    // The order form, step by step, with two lines written.
    await page.goto('/orders/new');
    await page.getByTestId('customer-search').fill('joao');
    await page.locator('[data-testid=customer-option][data-code="000002"]').click();
    problems.push(...await tabThrough(page, `${width} form-1`));
    await page.getByTestId('step-2').click();
    problems.push(...await tabThrough(page, `${width} form-2`));
    await page.getByTestId('step-3').click();
    for (const code of ['P00001', 'P00002']) {
      await page.getByTestId('product-search').fill(code);
      await page.locator(`[data-testid=product-option][data-code="${code}"]`).click();
    }
    problems.push(...await tabThrough(page, `${width} form-3`));
    await page.getByTestId('step-4').click();
    problems.push(...await tabThrough(page, `${width} form-4`));
  }
  expect(problems, `${problems.length} focused controls hidden:\n${problems.join('\n')}`).toEqual([]);
});
