// The browser's own rules on the rep's data (issue 22): an iPad rep is told once how to keep
// it (add to the home screen), and a database the browser erased since the last visit is
// said, with what went with it, instead of an empty day. Against a server of its own.
const { test, expect } = require('./watched');
const { readyOffline, signIn, writeFirstOrder, QUEUE } = require('./helpers');
const { BASE, startServer, stopServer } = require('./own_server');

test.use({ baseURL: BASE });
test.afterEach(stopServer);

const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

test('erased since the last visit: the rep is told what vanished, once', async ({ page }) => {
  test.setTimeout(120_000);
  await startServer({ name: 'devices-vanished' });
  await readyOffline(page, 'bruno', 2, 2);
  // One order the ERP's queue never answers: it stays unsent on the device.
  await page.route(QUEUE, (route) => route.abort('connectionrefused'));
  await writeFirstOrder(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('data-vanished')).toHaveCount(0);

  // The browser erases the seller's database while no page of the app is open (the session
  // in localStorage survives, as it does when only the site's quota-managed data is evicted).
  await page.goto('/manifest.webmanifest');
  const deleted = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('mascate-000002');
    req.onsuccess = () => resolve('deleted');
    req.onerror = () => resolve('error');
    req.onblocked = () => resolve('blocked');
  }));
  expect(deleted).toBe('deleted');

  await page.goto('/');
  const notice = page.getByTestId('data-vanished');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-unsent', '1');
  await expect(notice).toContainText('foi apagado');
  await expect(notice).toContainText(/A seleção offline de \d{2}\/\d{2}\/\d{4} não está mais neste aparelho/);
  await page.getByTestId('data-vanished-read').click();
  await expect(notice).toHaveCount(0);

  // Said once: the next start compares with what the device holds now.
  await page.reload();
  await expect(page.getByTestId('seller-name')).toBeVisible();
  await expect(page.getByTestId('nav-home')).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('data-vanished')).toHaveCount(0);
});

test('a database emptied on purpose ("remove the device\'s data") is not reported as erased', async ({ page }) => {
  test.setTimeout(120_000);
  await startServer({ name: 'devices-removed' });
  await readyOffline(page, 'bruno', 1, 1);
  await page.getByTestId('remove-device-data').click();
  await page.getByTestId('confirm-remove-yes').click();
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-ready', 'false');
  await page.reload();
  await expect(page.getByTestId('seller-name')).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId('data-vanished')).toHaveCount(0);
});

test.describe('on an iPad', () => {
  // An iPad held sideways (in portrait the top bar keeps the seller's name for the menu).
  test.use({ userAgent: IPAD, hasTouch: true, viewport: { width: 1024, height: 768 } });

  test('the rep is told once how to keep the data: add to the home screen', async ({ page }) => {
    await startServer({ name: 'devices-ipad' });
    await signIn(page, 'carla');
    const hint = page.getByTestId('install-hint');
    await expect(hint).toBeVisible();
    await expect(hint).toContainText('Adicionar à Tela de Início');
    await page.getByTestId('install-hint-read').click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('seller-name')).toBeVisible();
    await expect(hint).toHaveCount(0);
  });
});

test('an Android tablet or a desktop gets no home-screen hint', async ({ page }) => {
  await startServer({ name: 'devices-desktop' });
  await signIn(page, 'carla');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await expect(page.getByTestId('install-hint')).toHaveCount(0);
});
