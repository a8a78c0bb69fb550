// A download the ERP answers "not now" (Protheus's 503 while a routine holds its tables
// exclusively) is not the rep's problem: it says so, and goes on by itself once the ERP
// answers again, with nothing pressed.
const { test, expect } = require('./watched');
const { signIn, selectForToday, tablesLocked } = require('./helpers');
const { BASE, startServer, stopServer } = require('./own_server');

test.describe('on a server of its own', () => {
  test.use({ baseURL: BASE });
  test.afterEach(stopServer);

  test('a download answered 503 says so, and finishes by itself once the ERP answers', async ({ page }) => {
    test.setTimeout(120_000);
    await startServer({ name: 'download-resume' });
    const lock = { on: true, asked: 0 };
    await page.route('**/api/tgv/products/sync**', (route) => {
      lock.asked += 1;
      if (!lock.on) return route.continue();
      return tablesLocked(route);
    });
    await signIn(page, 'ana');
    await selectForToday(page, 1, 1);
    await expect(page.getByTestId('priming-error')).toContainText('modo exclusivo');
    const status = page.getByTestId('offline-readiness');
    await expect(status).toContainText('o download continua sozinho');
    await expect(status).toHaveAttribute('data-ready', 'false');
    // Asked again by itself while locked (the wait doubles from 1–2 s).
    await expect.poll(() => lock.asked, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

    lock.on = false;
    await expect(status).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(page.getByTestId('priming-error')).toHaveCount(0);
    await expect(page.getByTestId('schema-products-count')).toHaveText(/^1 /);
  });
});
