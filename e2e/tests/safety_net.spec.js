// The safety net (issue 15): a tablet whose orders cannot get out exports them to a file
// ("Exportar pendentes": JSON with a readable summary); a fresh browser of the same seller
// imports it ("Importar") and, online, sends them: each external id becomes one order on the
// server, importing the file again changes nothing, and when the first tablet finally gets
// through it makes no second order. The sent page shows each document's sending history.
const fs = require('fs');
const { test, expect } = require('./watched');
const { signIn, apiToken, fillOrder, QUEUE, selectCustomerForToday } = require('./helpers');

/** How many orders the server holds under `externalId` (the ERP's 404 for none is 0). */
async function ordersOf(request, token, externalId) {
  const res = await request.get(`/api/tgv/salesorders/?FILTER=externalid eq '${externalId}'`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status() === 404) return 0;
  expect(res.status()).toBe(200);
  return (await res.json()).items.length;
}

/** Sends `fillOrder`'s order while the queue does not answer; returns its external id. */
async function stuckOrder(page) {
  await fillOrder(page);
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  return page.url().split('/sent/')[1];
}

test('export on one browser, import on a fresh one: each external id is one order, twice changes nothing', async ({ browser, page, request }, info) => {
  test.setTimeout(180_000);
  const token = await apiToken(request, 'ana');
  await signIn(page, 'ana');
  // A queue that does not answer makes the app work offline: the order form then finds the
  // customer and the product on the device.
  await selectCustomerForToday(page, '000002');
  await page.route(QUEUE, (route) => route.abort('connectionrefused'));
  const first = await stuckOrder(page);

  // The sent page's history: saved, then an attempt that got no answer. Read on the first
  // order, sent at once while the app still took the ERP for reachable: once a send fails the
  // app is offline, and the second may be saved with no attempt until the probe brings it
  // back (which of the two a pass tries first then depends on their random ids).
  const log = page.getByTestId('sync-log');
  await expect(log).toBeVisible();
  await expect(log.locator('[data-testid=sync-log-entry][data-event=saved]')).toHaveCount(1);
  await expect(log.locator('[data-testid=sync-log-entry][data-event=unreachable]').first()).toBeVisible();
  await expect(page.getByTestId('sync-attempts')).toBeVisible();
  const ids = [first, await stuckOrder(page)];

  // Export.
  await page.goto('/offline');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-unsent').click()]);
  await expect(page.getByTestId('safety-net-done')).toContainText('2');
  expect(download.suggestedFilename()).toMatch(/^mascate-pendentes-000001-\d{4}-\d{2}-\d{2}\.json$/);
  const file = info.outputPath('pendentes.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.seller).toBe('000001');
  expect(exported.documents.map((d) => d.external_id).sort()).toEqual([...ids].sort());
  expect(exported.summary).toHaveLength(2);
  expect(exported.summary[0]).toMatch(/Pedido .*\d{2}\/\d{2}\/\d{4}.*R\$/);
  for (const id of ids) expect(await ordersOf(request, token, id)).toBe(0);

  // Another seller cannot import it.
  const baseURL = info.project.use.baseURL;
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'bruno');
  await otherPage.goto('/offline');
  await otherPage.getByTestId('import-file').setInputFiles(file);
  await expect(otherPage.getByTestId('safety-net-error')).toContainText('000001');
  await other.close();

  // A fresh browser of the same seller: import, and online they go out.
  const fresh = await browser.newContext({ baseURL });
  const second = await fresh.newPage();
  await signIn(second, 'ana');
  await second.goto('/offline');
  await second.getByTestId('import-file').setInputFiles(file);
  await expect(second.getByTestId('safety-net-done')).toContainText('Novos: 2');
  for (const id of ids) {
    await expect.poll(() => ordersOf(request, token, id), { timeout: 30_000 }).toBe(1);
  }
  // The imported document's history says where it came from.
  await second.goto(`/sent/${ids[0]}`);
  await expect(second.locator('[data-testid=sync-log-entry][data-event=imported]')).toHaveCount(1);
  await expect(second.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });

  // The same file again: nothing new.
  await second.goto('/offline');
  await second.getByTestId('import-file').setInputFiles(file);
  await expect(second.getByTestId('safety-net-done')).toContainText('Novos: 0');
  await second.waitForTimeout(1500);
  for (const id of ids) expect(await ordersOf(request, token, id)).toBe(1);
  await fresh.close();

  // The first tablet gets through at last: still one order per external id.
  await page.unroute(QUEUE);
  await page.goto(`/sent/${ids[1]}`);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  for (const id of ids) expect(await ordersOf(request, token, id)).toBe(1);
});

test('a file that is not an export is refused with a clear message and changes nothing', async ({ page }, info) => {
  await signIn(page, 'ana');
  await page.goto('/offline');
  const file = info.outputPath('nada.json');
  fs.writeFileSync(file, '{"hello": "world"}');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('safety-net-error')).toContainText('não é uma exportação');
  await page.getByTestId('export-unsent').click();
  await expect(page.getByTestId('safety-net-done')).toContainText('Nada pendente');
});
