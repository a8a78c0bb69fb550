// "Sincronizar agora" (issue 23): a tap always makes a pass — it pulls today's selection even
// right after an automatic pass — says it is running while it runs, and a tap during a pass
// is kept: another pass follows it.
const { test, expect } = require('./watched');
const { readyOffline } = require('./helpers');

/** The ERP's data requests the page makes from now on (not the probe, not the queue). */
function watchPulls(page) {
  const seen = [];
  page.on('request', (r) => {
    const u = r.url();
    if (/\/api\/(tgv|pgv)\//.test(u) && !/queue|about/.test(u)) seen.push(u);
  });
  return seen;
}

test.beforeEach(async ({ page }) => {
  // The minute's automatic pass must not do the work this spec asks of a tap.
  await page.addInitScript(() => localStorage.setItem('mascate.sync.interval_s', '3600'));
});

test('"Sincronizar agora" pulls today\'s selection on every tap, says it is running, and a tap during a pass is not lost', async ({ page }) => {
  test.setTimeout(120_000);
  await readyOffline(page, 'ana', 2, 2);
  const button = page.getByTestId('sync-now');
  await expect(button).toBeEnabled();
  for (const round of [1, 2, 3]) {
    await expect(button, `round ${round}`).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    const pulls = watchPulls(page);
    await button.click();
    await expect.poll(() => pulls.length, { message: `round ${round}: a tap asks the ERP`, timeout: 5_000 }).toBeGreaterThan(0);
    await expect(button).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }

  // A tap during a pass is not lost: it says it is running and another pass follows.
  // Slow answers keep the first pass running while the rep taps again.
  await page.route(/\/api\/(tgv|pgv)\//, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await expect(button).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(button).toContainText('Sincronizando');
  const pulls = watchPulls(page);
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await expect(button).toContainText('Sincronizar agora');
  expect(pulls.length, 'the second tap made its own pass').toBeGreaterThan(0);
});
