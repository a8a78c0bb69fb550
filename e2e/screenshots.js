// Screenshots for the README (not a test): home, customers and the order form at a tablet
// (768×1024) and a desktop (1280×800) size, from the real app and server.
//   node screenshots.js http://127.0.0.1:8097 ../docs/screenshots
const { chromium } = require('@playwright/test');

const base = process.argv[2] || 'http://127.0.0.1:8097';
const out = process.argv[3] || '../docs/screenshots';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });
  for (const [w, h] of [[768, 1024], [1280, 800]]) {
    const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('ana');
    await page.getByTestId('login-password').fill('mascate1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-card').first().waitFor();
    await page.locator('[data-testid=home-chart] [data-testid=chart-point]').first().waitFor();
    await page.screenshot({ path: `${out}/home-${w}x${h}.png` });
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    await page.screenshot({ path: `${out}/customers-${w}x${h}.png` });
    await page.goto(`${base}/orders/new`);
    await page.getByTestId('customer-search').fill('joao');
    await page.locator('[data-testid=customer-option][data-code="000002"]').click();
    await page.getByTestId('step-3').click();
    for (const code of ['P00001', 'P00002', 'P00091']) {
      await page.getByTestId('product-search').fill(code);
      await page.locator(`[data-testid=product-option][data-code="${code}"]`).click();
    }
    const qty = page.locator('[data-testid=item-row][data-product="P00001"] [data-testid=item-quantity]');
    await qty.fill('12');
    await qty.press('Tab');
    await page.screenshot({ path: `${out}/order-form-${w}x${h}.png`, fullPage: false });
  }
  await browser.close();
  console.log(`screenshots written to ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
