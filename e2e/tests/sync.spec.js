// The sync engine's push side: an order saved while the ERP cannot be reached stays on the
// device (also across a reload), then goes out by itself when the ERP answers again, once.
const { test, expect } = require('./watched');
const { signIn, apiToken, fillOrder, ordersWithExternalId, pendingOrder, QUEUE, tablesLocked } = require('./helpers');

test('an order written while the ERP is unreachable is kept, survives a reload, and is sent once it answers', async ({ page, request }) => {
  await signIn(page, 'ana');
  await fillOrder(page);

  // The ERP's queue stops answering.
  await page.route('**/api/tgv/integrationqueue**', (route) => route.abort('connectionrefused'));
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1');
  const externalId = page.url().split('/sent/')[1];

  await page.reload();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');

  // It answers again: the engine sends it by itself and follows it to the ERP's number.
  await page.unroute('**/api/tgv/integrationqueue**');
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 40_000 });
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');

  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});

// The queue's first POST meets `first`; the others go through to the server. Counts them.
async function onFirstQueuePost(page, first) {
  const seen = { posts: 0 };
  await page.route('**/api/tgv/integrationqueue/', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    seen.posts += 1;
    return seen.posts === 1 ? first(route) : route.continue();
  });
  return seen;
}

// Sends the filled order (unless the test clicked already), waits until the engine has it accepted, and checks the ERP made
// it once; returns how many POSTs it took.
async function sendAndSeeOneOrder(page, request, seen, { clicked = false } = {}) {
  if (!clicked) await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  const externalId = page.url().split('/sent/')[1];
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
  return seen.posts;
}

test('a send cut after the ERP committed it is retried under the same id: still one order', async ({ page, request }) => {
  await signIn(page, 'ana');
  await fillOrder(page);
  // The first POST reaches the server, which queues it; the answer never comes back.
  const seen = await onFirstQueuePost(page, async (route) => {
    await route.fetch();
    return route.abort('connectionreset');
  });
  expect(await sendAndSeeOneOrder(page, request, seen)).toBeGreaterThanOrEqual(2);
});

test('an ERP that answers "not now" (tables locked, 503) gets the order again by itself, once; it is not a refusal', async ({ page, request }) => {
  await signIn(page, 'ana');
  await fillOrder(page);
  // Protheus answers 503 while a routine holds its tables exclusively (the contract's words).
  const lock = { on: true, posts: 0 };
  await page.route('**/api/tgv/integrationqueue/', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    lock.posts += 1;
    if (!lock.on) return route.continue();
    return tablesLocked(route);
  });
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  // Waiting to go again, the ERP's words shown, nothing asked of the rep.
  await expect(page.getByTestId('send-deferred')).toContainText('HTTP 503: As tabelas estão sendo processadas em modo exclusivo');
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('sent-fix')).toHaveCount(0);
  await expect(page.getByTestId('sync-errors')).toHaveCount(0);
  // The routine ends: the engine sends it by itself after its wait.
  lock.on = false;
  expect(await sendAndSeeOneOrder(page, request, lock, { clicked: true })).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('send-deferred')).toHaveCount(0);
  await expect(page.locator('[data-testid="sync-log-entry"][data-event="deferred"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="sync-log-entry"][data-event="rejected"]')).toHaveCount(0);
});

test('two tabs: one pushes each order, the other shows the result without a reload', async ({ context, request }) => {
  const one = await context.newPage();
  await signIn(one, 'ana');
  const two = await context.newPage();
  await two.goto('/orders');
  await expect(two.getByTestId('seller-name')).toBeVisible();

  // Written while the device has no network: it waits on the device, seen by both tabs.
  await fillOrder(one);
  await context.setOffline(true);
  await one.getByTestId('form-send').click();
  await expect(one.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  const externalId = one.url().split('/sent/')[1];
  await two.getByTestId('sync-now').isVisible();

  // The network comes back in both tabs at once: both engines wake, one sends.
  const pushes = [];
  context.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/tgv/integrationqueue')) pushes.push(r.url());
  });
  await context.setOffline(false);
  await expect(one.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 45_000 });
  await expect(two.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 20_000 });
  await two.getByTestId('sync-now').click();
  await one.getByTestId('sync-now').click();
  await one.waitForTimeout(1_000);
  expect(pushes).toHaveLength(1);
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});

test('signing out with documents still on the device warns, keeps them, and sends them at the next sign-in', async ({ page, request }) => {
  await signIn(page, 'ana');
  const externalId = await pendingOrder(page);

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('logout-warning')).toBeVisible();
  await expect(page.getByTestId('logout-pending')).toHaveAttribute('data-count', '1');
  await page.getByTestId('logout-cancel').click();
  await expect(page.getByTestId('seller-name')).toBeVisible();
  await page.getByTestId('logout').click();
  await page.getByTestId('logout-anyway').click();
  await expect(page.getByTestId('login-form')).toBeVisible();

  // Another seller on the same device sees none of it, and sends none of it.
  await page.unroute(QUEUE);
  const pushed = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/tgv/integrationqueue')) pushed.push(r.postData());
  });
  await signIn(page, 'bruno');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await page.getByTestId('sync-now').click();
  await page.waitForTimeout(1_000);
  expect(pushed).toHaveLength(0);
  await page.getByTestId('logout').click();

  // The same seller signs in again: it goes out by itself.
  await signIn(page, 'ana');
  await page.goto(`/sent/${externalId}`);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
  const token = await apiToken(request, 'ana');
  expect(await ordersWithExternalId(request, token, externalId)).toHaveLength(1);
});
