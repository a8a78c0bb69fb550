// Login, the signed-in frame, navigation, languages and logout.
const { test, expect } = require('./watched');
const { signIn, forbidDialogs } = require('./helpers');

test('a wrong password is refused with a clear message and the typed user is kept', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-username-error')).toHaveText('Campo obrigatório.');
  await expect(page.getByTestId('login-password-error')).toHaveText('Campo obrigatório.');

  await page.getByTestId('login-username').fill('ana');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Usuário ou senha inválidos.');
  await expect(page.getByTestId('login-username')).toHaveValue('ana');
  await expect(page).toHaveURL(/\/login$/);
});

test('the demo server lists its demo logins, and one click fills the form', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByTestId('demo-logins')).toBeVisible();
  await page.getByTestId('demo-login-bruno').click();
  await expect(page.getByTestId('login-username')).toHaveValue('bruno');
  await expect(page.getByTestId('login-password')).toHaveValue('mascate2');
});

test('a user that is not a seller cannot enter', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('admin-not-a-seller');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('não está vinculado a um vendedor');
  await expect(page.getByTestId('seller-name')).toHaveCount(0);
});

test('signed in: navigation, the configurator opens, the session survives a reload, logout', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await signIn(page, 'ana');
  await expect(page.getByTestId('seller-name')).toHaveText('Ana Ribeiro');
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('home-welcome')).toContainText('Ana Ribeiro');

  await page.getByTestId('nav-offline-configurator').click();
  await expect(page.getByTestId('offline-readiness')).toBeVisible();
  await page.getByTestId('nav-customers').click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByTestId('customer-row').first()).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('seller-name')).toHaveText('Ana Ribeiro');
  await expect(page.getByTestId('customer-row').first()).toBeVisible();

  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('mascate.session')));
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.goto('/customers');
  await expect(page.getByTestId('login-form')).toBeVisible();
  expect(dialogs).toEqual([]);
  // Signing out revoked the session on the server: the tokens the device held open nothing.
  await expect.poll(async () => (await page.request.get('/api/tgv/sellers/codeuser', {
    headers: { Authorization: `Bearer ${session.access_token}` },
  })).status()).toBe(401);
  const refreshed = await page.request.post(
    `/api/oauth2/v1/token?grant_type=refresh_token&refresh_token=${session.refresh_token}`,
  );
  expect(refreshed.status()).toBe(401);
});

test('signed-out visitors are sent to the login page', async ({ page }) => {
  await page.goto('/customers/000002/01');
  await expect(page).toHaveURL(/\/login$/);
});

test('the language can be switched to English and Spanish and is remembered', async ({ page }) => {
  await signIn(page, 'ana');
  await expect(page.getByTestId('nav-customers')).toContainText('Meus Clientes');
  await page.getByTestId('locale-select').selectOption('en');
  await expect(page.getByTestId('nav-customers')).toContainText('My Customers');
  await page.reload();
  await expect(page.getByTestId('nav-customers')).toContainText('My Customers');
  await page.getByTestId('locale-select').selectOption('es');
  await expect(page.getByTestId('nav-customers')).toContainText('Mis Clientes');
  await expect(page.getByTestId('logout')).not.toHaveText('Logout');
});

test('the app is installable: manifest with icons and a service worker in the release build', async ({ page, request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBeTruthy();
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/png');
  }
  await page.goto('/login');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/\/$/);
});
