// The wasm is split in two (src/workspace.rs, scripts/split_wasm.py): the login page loads
// only its own module; the workspace's module (every signed-in page) comes when the rep
// starts typing or signs in, and one that cannot be fetched is said, with a way to try again.
const { test, expect } = require('./watched');

// The service worker would fetch every file of the build (its precache) beside the page;
// these tests look at what the page itself asks for.
test.use({ serviceWorkers: 'block' });

const WORKSPACE = /\/split_mascate_workspace-[0-9a-f]+\.wasm$/;

test('the cold login page loads without the workspace module, in at most 300 KB as sent', async ({ page }) => {
  const finished = [];
  page.on('requestfinished', (request) => finished.push(request));
  await page.goto('/login');
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const paths = finished.map((r) => new URL(r.url()).pathname);
  expect(paths.filter((p) => /_bg\.wasm$/.test(p))).toHaveLength(1);
  expect(paths.filter((p) => WORKSPACE.test(p))).toEqual([]);
  let sent = 0;
  for (const request of finished) {
    const sizes = await request.sizes();
    sent += sizes.responseHeadersSize + sizes.responseBodySize;
  }
  // Every byte of the first screen: page, stylesheet, scripts, the login page's wasm, the
  // API's answers.
  expect(sent).toBeGreaterThan(50_000);
  expect(sent).toBeLessThanOrEqual(300_000);
});

test('the workspace module is fetched once the rep starts typing, and signing in draws the workspace', async ({ page }) => {
  const fetched = [];
  page.on('requestfinished', (request) => { if (WORKSPACE.test(new URL(request.url()).pathname)) fetched.push(request); });
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  expect(fetched).toHaveLength(0);
  await page.getByTestId('login-username').fill('ana');
  await expect.poll(() => fetched.length).toBe(1);
  await page.getByTestId('login-password').fill('mascate1');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('seller-name')).toHaveText('Ana Ribeiro');
  await page.getByTestId('nav-customers').click();
  await expect(page).toHaveURL(/\/customers/);
  // Fetched once: the prefetch is the module the workspace then used.
  expect(fetched).toHaveLength(1);
});

test('a workspace module that cannot be fetched is said, and trying again opens the workspace', async ({ page }) => {
  let reachable = false;
  await page.route(WORKSPACE, (route) => (reachable ? route.continue() : route.abort('internetdisconnected')));
  await page.goto('/login');
  await page.getByTestId('login-username').fill('ana');
  await page.getByTestId('login-password').fill('mascate1');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('workspace-failed')).toContainText('Não foi possível carregar o Mascate neste aparelho');
  // No skeleton left over the message.
  await expect(page.locator('#static-shell')).toHaveCount(0);
  reachable = true;
  await page.getByTestId('workspace-retry').click();
  await expect(page.getByTestId('seller-name')).toHaveText('Ana Ribeiro');
  await expect(page.getByTestId('workspace-failed')).toHaveCount(0);
});
