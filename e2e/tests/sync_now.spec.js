// "Sincronizar agora" and data that arrives late (issue 23): a tap on "sync now" always makes
// a pass — it pulls today's selection even right after an automatic pass — and says it is
// running while it runs; a contact added online is on the device at once, not at the next
// minute's pass.
const { test, expect } = require('./watched');
const { readyOffline, apiToken, signIn, selectCustomerForToday } = require('./helpers');

/** The ERP's data requests the page makes from now on (not the probe, not the queue). */
function watchPulls(page) {
  const seen = [];
  page.on('request', (r) => {
    const u = r.url();
    if (/\/api\/(tgv|pgv)\//.test(u) && !/queue|about/.test(u)) seen.push(u);
  });
  return seen;
}

/** The names of the contacts the device holds for customer `code` (any seller's database). */
async function deviceContactNames(page, code) {
  return page.evaluate(async (code) => {
    const ask = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('mascate-'));
    const out = [];
    for (const n of names) {
      const db = await ask(indexedDB.open(n));
      if ([...db.objectStoreNames].includes('contacts')) {
        const all = await ask(db.transaction('contacts').objectStore('contacts').getAll());
        out.push(...all.filter((c) => JSON.stringify(c).includes(code)).map((c) => c.name));
      }
      db.close();
    }
    return out;
  }, code);
}

test.beforeEach(async ({ page }) => {
  // The minute's automatic pass must not do the work this spec asks of a tap.
  await page.addInitScript(() => localStorage.setItem('mascate.sync.interval_s', '3600'));
});

test('"Sincronizar agora" pulls today\'s selection on every tap, and says it is running', async ({ page }) => {
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
});

test('a tap during a pass is not lost: it says it is running and another pass follows', async ({ page }) => {
  test.setTimeout(120_000);
  await readyOffline(page, 'ana', 2, 2);
  const button = page.getByTestId('sync-now');
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

test('a contact added online is on the device at once, for the next time the connection drops', async ({ page, context, request }) => {
  test.setTimeout(120_000);
  const token = await apiToken(request, 'ana');
  const res = await request.get('/api/tgv/customers/?pageSize=1&SORT=code', { headers: { Authorization: `Bearer ${token}` } });
  const customer = (await res.json()).items[0];
  await signIn(page, 'ana');
  await selectCustomerForToday(page, customer.code);
  const name = `Otávio Chegou ${Date.now() % 100000}`;
  await page.goto(`/customers/${customer.code}/${customer.store}`);
  const card = page.getByTestId('customer-contacts');
  await card.getByTestId('contact-add').click();
  const form = card.getByTestId('contact-form');
  await form.getByTestId('contact-name-input').fill(name);
  await form.getByTestId('contact-email-input').fill('otavio@example.com');
  await form.getByTestId('contact-save').click();
  await expect(form).toHaveCount(0);

  // Within seconds, not at the next minute's pass.
  await expect.poll(() => deviceContactNames(page, customer.code), { timeout: 10_000 }).toContain(name);
  await context.setOffline(true);
  await page.goto(`/customers/${customer.code}/${customer.store}`);
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('customer-contacts').getByTestId('contact').filter({ hasText: name })).toHaveCount(1);
  await context.setOffline(false);
});
