// Smoke check of an app build (used by scripts/check-debian-route.sh): the served app
// shows the login form, signs the demo seller in and reaches home. Exits non-zero if not.
//   node route-check.js http://127.0.0.1:8095
const { chromium } = require('@playwright/test');

const base = process.argv[2] || 'http://127.0.0.1:8095';
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

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
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(`[route-check] FAILED: ${e.message}`);
  process.exit(1);
});
