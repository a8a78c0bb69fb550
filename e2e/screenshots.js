// Screenshots for the README (not a test), from the real app and server: the home page, My
// Customers and the order form's items and review steps at a phone (390×844), a tablet
// (768×1024) and a laptop (1280×800). With `all`, every stop of the tour (tests/tour.js) —
// each page, form step and dialog, online and offline — for looking at before a release.
//   node screenshots.js http://127.0.0.1:8097 ../docs/screenshots [all]
const { chromium } = require('@playwright/test');
const tour = require('./tests/tour');

const base = process.argv[2] || 'http://127.0.0.1:8097';
const out = process.argv[3] || '../docs/screenshots';
const all = process.argv[4] === 'all';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The README's stops (tour names → file names). */
const README = {
  home: 'home',
  customers: 'customers',
  'order-form-3-items': 'order-form-items',
  'order-form-4-review': 'order-form-review',
};

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });
  const context = await browser.newContext({ baseURL: base, locale: 'pt-BR' });
  const page = await context.newPage();
  await tour.prepare(page);
  for (const [w, h] of [[390, 844], [768, 1024], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    const stop = async (name) => {
      // Let the last re-render settle (totals, focus) before the picture.
      await page.waitForTimeout(300);
      if (README[name]) await page.screenshot({ path: `${out}/${README[name]}-${w}x${h}.png` });
      if (all) await page.screenshot({ path: `${out}/all-${name}-${w}x${h}.png`, fullPage: true });
    };
    await tour.online(page, stop);
    if (all) await tour.offline(page, context, stop);
  }
  await browser.close();
  console.log(`screenshots written to ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
