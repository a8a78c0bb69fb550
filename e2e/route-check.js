// Smoke check of an app build (used by scripts/check-debian-route.sh): the served app
// shows the login form, signs the demo seller in and reaches home; then, this being a dev
// build, a panic triggered on purpose is said and logged and loses nothing. Exits non-zero if not.
//   node route-check.js http://127.0.0.1:8095
const { chromium } = require('@playwright/test');
const { fillFirstOrder } = require('./tests/helpers');

const base = process.argv[2] || 'http://127.0.0.1:8095';
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** This is a dev build (the panic probe is compiled out of release builds): an order is
 * written, a panic is triggered on purpose, and the rep's notice, the logged place and the
 * order after the reload are checked. */
async function panicProbe(page) {
  await fillFirstOrder(page);
  await page.getByTestId('form-send').click();
  await page.getByTestId('sent-page').waitFor({ timeout: 30_000 });
  const sent = new URL(page.url()).pathname;

  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
  await page.goto(`${base}/?panic-probe=1`);
  await page.getByTestId('panic-notice').waitFor({ timeout: 30_000 });
  const notice = await page.getByTestId('panic-notice').textContent();
  if (!notice.includes('Algo deu errado') || !notice.includes('nada se perde')) throw new Error(`the notice says: ${notice}`);
  if (!logged.some((l) => l.includes('panic probe') && l.includes('src/panic.rs'))) {
    throw new Error(`no panic message with its place in the console: ${logged.join(' | ')}`);
  }
  // "Recarregar" reloads the page; the order written before the panic is still there.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('panic-reload').click()]);
  await page.goto(`${base}${sent}`);
  await page.getByTestId('send-state').waitFor({ timeout: 30_000 });
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill('ana', { timeout: 60_000 });
    await page.getByTestId('login-password').fill('mascate1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-welcome').waitFor({ timeout: 60_000 });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    console.log(`[route-check] ${base}: login form, sign-in and home all rendered`);
    await panicProbe(page);
    console.log(`[route-check] ${base}: a deliberate panic is said to the rep, logged with its place, and loses nothing`);
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(`[route-check] FAILED: ${e.message}`);
  process.exit(1);
});
