// The screens a rep uses, walked once per size — a phone (390×844), a tablet in portrait
// (768×1024) and landscape (1024×768), a laptop (1280×800) — online and offline, every page,
// order-form step and dialog. At each stop:
// - nothing scrolls sideways: the document is no wider than the window and no visible
//   element reaches past its right edge (content clipped on purpose, like an ellipsis,
//   excepted; a box that scrolls sideways inside the page counts as too wide);
// - pt-BR: no ISO date, no "(s)" plural, no "1 clientes", no decimal point in a number;
// - on the portrait tablet, every tap target measures at least 44×44 px.
const { test, expect } = require('./watched');
const tour = require('./tour');
const { signIn } = require('./helpers');

const SIZES = [[390, 844], [768, 1024], [1024, 768], [1280, 800]];

/** What sticks out at the right edge, described for a failure message. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // Inside a box that hides its overflow (ellipsis, visually hidden text) nothing shows.
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && a.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
      if (getComputedStyle(el).visibility === 'hidden' || clipped(el)) continue;
      const id = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      wide.push(`${el.tagName.toLowerCase()}${id}${cls} ends at ${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
}

/** Every visible control smaller than 44×44 (a checkbox counts with its label). */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const controls = document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])',
    );
    for (const el of controls) {
      const target = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el;
      const r = target.getBoundingClientRect();
      const s = getComputedStyle(target);
      if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') continue;
      // Off-screen until focused (the skip link) is measured as it shows.
      if (r.bottom < 0) continue;
      if (r.width < 43.5 || r.height < 43.5) {
        const id = el.dataset.testid || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30);
        small.push(`${el.tagName.toLowerCase()} "${id}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  });
}

/** What breaks the pt-BR rules in the page's visible text (form values included). */
async function ptBrProblems(page) {
  const text = await page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((i) => i.value || i.placeholder || '');
    return `${document.body.innerText}\n${values.join('\n')}`;
  });
  const problems = [];
  for (const [rule, re] of [
    ['ISO date', /\b\d{4}-\d{2}-\d{2}\b/g],
    ['"(s)" plural', /\w\(s\)/g],
    ['decimal point', /\b\d+\.\d{1,2}(?!\d)/g],
    ['one with a plural', /\b1 (clientes|registros|documentos|itens|recusados|selecionados)\b/g],
    ['a count without its thousands dot', /(?<![\d.,])\d{4,} (clientes|registros|documentos|itens|recusados|selecionados|produtos)\b/g],
  ]) {
    for (const m of text.match(re) || []) problems.push(`${rule}: "${m}"`);
  }
  return problems;
}

test('every page, step and dialog fits the screen at 390, 768, 1024 and 1280 px, online and offline, in pt-BR, with 44 px targets', async ({ page, context }) => {
  test.setTimeout(600_000);
  await tour.prepare(page);
  const problems = [];
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    const stop = async (name) => {
      const o = await overflow(page);
      if (o.scrollWidth > o.width || o.wide.length) {
        problems.push(`${width}×${height} ${name}: page ${o.scrollWidth} px wide; ${o.wide.join(', ')}`);
      }
      for (const p of await ptBrProblems(page)) problems.push(`${width}×${height} ${name}: ${p}`);
      if (width === 768) {
        for (const s of await smallTargets(page)) problems.push(`${width}×${height} ${name}: tap target ${s}`);
      }
    };
    await tour.online(page, stop);
    await tour.offline(page, context, stop);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

/** Every state chip of the page cut or past its table, described. */
async function cutChips(page) {
  return page.evaluate(() => {
    const cut = [];
    for (const chip of document.querySelectorAll('[data-testid=document-state]')) {
      const r = chip.getBoundingClientRect();
      if (r.width === 0) continue;
      const box = chip.closest('.table-wrap, .cards') || document.body;
      const b = box.getBoundingClientRect();
      if (r.right > Math.min(b.right, window.innerWidth) + 1 || chip.scrollWidth > chip.clientWidth + 1) {
        cut.push(`"${chip.textContent.trim()}" ends at ${Math.round(r.right)} of ${Math.round(b.right)}`);
      }
    }
    return cut;
  });
}

// Issue 26, item 4: the widest data any seller has (every order state, the longest names, the
// biggest amounts) — each seller's lists, every order and quotation state on its own page.
test('every seller\'s lists fit at every size, My Orders with every state chip whole', async ({ page }) => {
  test.setTimeout(600_000);
  const problems = [];
  for (const seller of ['ana', 'bruno', 'carla']) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, seller);
    const states = {};
    for (const seg of ['orders', 'quotations']) {
      await page.goto(`/${seg}`);
      states[seg] = await page.getByTestId('documents-filter-status').locator('option').evaluateAll((os) => os.map((o) => o.value));
    }
    const paths = [
      ...states.orders.map((s) => `/orders?status=${s}`),
      ...states.quotations.map((s) => `/quotations?status=${s}`),
      '/', '/customers', '/products', '/invoices', '/tasks', '/notifications', '/statistics',
    ];
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator('main h1').first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        const o = await overflow(page);
        if (o.scrollWidth > o.width || o.wide.length) {
          problems.push(`${seller} ${width}×${height} ${path}: page ${o.scrollWidth} px wide; ${o.wide.join(', ')}`);
        }
        for (const c of await cutChips(page)) problems.push(`${seller} ${width}×${height} ${path}: chip ${c}`);
      }
    }
    // The next seller signs in on a clean device (prefs, session and all).
    await page.evaluate(() => localStorage.clear());
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
