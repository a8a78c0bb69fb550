// Startup benchmark (not a test): cold load to the login form, and warm offline start to the
// day's selected customers, in headless Debian Chromium against the real server. Prints figures.
//   node bench/startup.js http://127.0.0.1:8098 [runs]
const { chromium } = require('@playwright/test');

const base = process.argv[2] || 'http://127.0.0.1:8098';
const runs = Number(process.argv[3] || 5);
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms  (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });

  // Cold: a new profile each time (no HTTP cache, no service worker), from navigation
  // start until the login form is on screen and the app is interactive.
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/login`);
    await page.getByTestId('login-form').waitFor();
    cold.push(Date.now() - t0);
    await context.close();
  }

  // Warm offline: one online visit (sign in, select 20 customers and 20 products for today,
  // service worker installed), then with no network, reload until the selected customers are
  // listed.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill('ana');
  await page.getByTestId('login-password').fill('mascate1');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('seller-name').waitFor();
  // Today's selection: 20 customers and 20 products (a day with no products is not ready:
  // no orders could be written), through the Offline Configurator.
  for (const [table, filter] of [['customers', null], ['products', '0001']]) {
    await page.goto(`${base}/offline/${table}`);
    if (filter) await page.getByTestId('adv-group').fill(filter);
    await page.getByTestId('apply-filter').click();
    const checks = page.getByTestId('candidate-check');
    await checks.first().waitFor();
    for (let i = 0; i < 20; i++) await checks.nth(i).check();
    await page.getByTestId('save-selection').click();
    await page.waitForURL(/\/offline$/);
  }
  await page.locator('[data-testid=offline-readiness][data-ready=true]').waitFor({ timeout: 60_000 });
  await page.getByTestId('nav-customers').click();
  await page.locator('[data-testid=customers-list][data-source=server]').waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
    }
  });
  await context.setOffline(true);
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.reload();
    await page.locator('[data-testid=customers-list][data-source=device] [data-testid=customer-row]').first().waitFor();
    warm.push(Date.now() - t0);
  }
  await browser.close();

  console.log(`cold load to the login form:          ${fmt(cold)}`);
  console.log(`warm offline start to today's selection: ${fmt(warm)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
