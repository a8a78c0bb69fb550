// Minha conta, the customer's rep and the credit sheet (issue 25), through the real UI and
// compared with what the API itself says. The password change and its refusals run on a
// server of their own: a wrong current password counts as a failed login (the throttle), and
// every other spec signs in with the demo passwords.
const { test, expect } = require('./watched');
const { apiToken, signIn } = require('./helpers');
const { BASE, startServer, stopServer, requests } = require('./own_server');

/** R$ in the app's pt-BR format (`R$ 25.000,00`, `-R$ 10,00`). */
const brl = (n) => `${n < 0 ? '-' : ''}R$ ${Math.abs(n).toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** A contract date as the app shows it in pt-BR. */
const ptDate = (iso) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—');

/** A CPF's nine leading digits with their two check digits. */
function withCpfDigits(nine) {
  const d = nine.split('').map(Number);
  for (const len of [9, 10]) {
    const sum = d.slice(0, len).reduce((acc, x, i) => acc + x * (len + 1 - i), 0);
    const r = sum % 11;
    d.push(r < 2 ? 0 : 11 - r);
  }
  return d.join('');
}

async function getJson(request, token, path) {
  const res = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status(), body: res.status() === 200 ? await res.json() : null };
}

test('Minha conta shows exactly what GET sellers/me returns, opened from the top bar and from "more"', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const me = (await getJson(request, token, '/api/mascate/v1/sellers/me')).body;
  const account = (await getJson(request, token, '/api/mascate/v1/account')).body;
  await signIn(page, 'ana');
  await page.getByTestId('seller-name').click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('seller-code')).toHaveText(me.code);
  await expect(page.getByTestId('seller-full-name')).toHaveText(me.name);
  await expect(page.getByTestId('seller-email')).toHaveText(me.email);
  await expect(page.getByTestId('seller-region')).toHaveText(me.region);
  const commission = `${me.commission.toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;
  await expect(page.getByTestId('seller-commission')).toHaveText(commission);
  // The phone with the pt-BR mask: the same digits, written (11) 99123-4567.
  const phone = await page.getByTestId('seller-phone').textContent();
  expect(phone).toMatch(/^\(\d{2}\) \d{4,5}-\d{4}$/);
  expect(phone.replace(/\D/g, '')).toBe(`${me.areacode}${me.phone}`.replace(/\D/g, ''));
  if (!me.cellphone) await expect(page.getByTestId('seller-cellphone')).toHaveText('—');
  // The account: its e-mail in the form, the policy in the app's language beside the new password.
  await expect(page.getByTestId('account-email')).toHaveValue(account.email);
  await expect(page.getByTestId('password-new-hint')).toHaveText(account.passwordpolicy.text['pt-BR']);
  await page.getByTestId('locale-select').selectOption('en');
  await expect(page.getByTestId('password-new-hint')).toHaveText(account.passwordpolicy.text.en);
  await page.getByTestId('locale-select').selectOption('pt-BR');

  // On a phone the name is not in the top bar: "more" has the way in.
  await page.goto('/');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('nav-more').click();
  await page.getByTestId('more-account').click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('seller-code')).toHaveText(me.code);
  await expect(page.getByTestId('more-menu')).toBeHidden();
});

test('offline: the registration read in this session, the forms disabled with the reason', async ({ page, context }) => {
  await signIn(page, 'ana');
  await page.getByTestId('seller-name').click();
  await expect(page.getByTestId('seller-code')).toHaveText('000001');
  await context.setOffline(true);
  await expect(page.getByTestId('account-offline')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('seller-code')).toHaveText('000001');
  await expect(page.getByTestId('registration-session-copy')).toBeVisible();
  await expect(page.getByTestId('password-current')).toBeDisabled();
  await expect(page.getByTestId('account-email')).toBeDisabled();
  await expect(page.getByTestId('password-submit')).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByTestId('account-offline')).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('password-current')).toBeEnabled();
});

test("a customer's page names their rep as the API's sellername, with the code", async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const c = (await getJson(request, token, '/api/tgv/customers/000002/01')).body;
  expect(c.sellername).toBeTruthy();
  await signIn(page, 'ana');
  await page.goto('/customers/000002/01');
  await expect(page.getByTestId('customer-rep')).toHaveText(`${c.sellername} (${c.vendor})`);
});

test('credit sheet: found with and without the mask as the API says; a wrong check digit is refused beside the field, unasked', async ({ page, request }) => {
  const token = await apiToken(request, 'ana');
  const c = (await getJson(request, token, '/api/tgv/customers/000002/01')).body;
  const sheet = (await getJson(request, token, `/api/mascate/v1/creditsheet?taxid=${c.cgc}`)).body;
  const masked = c.cgc.length === 14
    ? c.cgc.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5')
    : c.cgc.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customers-credit').click();
  await expect(page).toHaveURL(/\/credit$/);

  // A wrong check digit: said beside the field, and the ERP is never asked.
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/creditsheet')) asked.push(r.url()); });
  const wrong = `${c.cgc.slice(0, -1)}${(Number(c.cgc.slice(-1)) + 1) % 10}`;
  await page.getByTestId('credit-taxid').fill(wrong);
  await page.getByTestId('credit-lookup').click();
  await expect(page.getByTestId('credit-taxid-problem')).toHaveText('CNPJ/CPF inválido: confira os dígitos.');
  await expect(page.getByTestId('credit-taxid')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('credit-taxid').fill('123.456');
  await page.getByTestId('credit-taxid').blur();
  await expect(page.getByTestId('credit-taxid-problem')).toHaveText('CNPJ tem 14 dígitos e CPF 11.');
  await expect(page.getByTestId('credit-sheet')).toHaveCount(0);
  expect(asked).toHaveLength(0);

  for (const typed of [masked, c.cgc]) {
    await page.getByTestId('credit-taxid').fill(typed);
    await page.getByTestId('credit-lookup').click();
    await expect(page.getByTestId('credit-taxid-problem')).toBeEmpty();
    await expect(page.getByTestId('credit-sheet')).toHaveAttribute('data-code', sheet.customerid);
    await expect(page.getByTestId('credit-customer')).toHaveText(sheet.name);
    await expect(page.getByTestId('credit-limit')).toHaveText(brl(sheet.creditlimit));
    await expect(page.getByTestId('credit-available')).toHaveText(brl(sheet.availablecredit));
    await expect(page.getByTestId('credit-risk')).toHaveText(sheet.risk);
    await expect(page.getByTestId('credit-open-bills')).toHaveText(brl(sheet.openbills));
    await expect(page.getByTestId('credit-overdue-bills')).toHaveText(brl(sheet.overduebills));
    await expect(page.getByTestId('credit-largest-purchase')).toContainText(brl(sheet.largestpurchase));
    await expect(page.getByTestId('credit-largest-balance')).toHaveText(brl(sheet.largestbalance));
    await expect(page.getByTestId('credit-last-purchase')).toHaveText(ptDate(sheet.lastpurchase));
    await expect(page.getByTestId('credit-purchases')).toHaveText(sheet.purchases.toLocaleString('pt-BR'));
    await expect(page.getByTestId('credit-sheet-taxid')).toHaveText(masked);
  }
  expect(asked.length).toBeGreaterThanOrEqual(1);

  // A valid number none of ana's customers has (the API answers 404): said plainly.
  let unknown = null;
  for (let body = 123456789; !unknown; body += 1111) {
    const cpf = withCpfDigits(String(body));
    if ((await getJson(request, token, `/api/mascate/v1/creditsheet?taxid=${cpf}`)).status === 404) unknown = cpf;
  }
  await page.getByTestId('credit-taxid').fill(unknown);
  await page.getByTestId('credit-lookup').click();
  await expect(page.getByTestId('credit-unknown')).toHaveText('Nenhum dos seus clientes tem este CPF/CNPJ.');

  // The way to the customer.
  await page.getByTestId('credit-taxid').fill(masked);
  await page.getByTestId('credit-lookup').click();
  await page.getByTestId('credit-open-customer').click();
  await expect(page).toHaveURL(new RegExp(`/customers/${sheet.customerid}/${sheet.customerstore}$`));

  // Offline: the same word as the other ERP views, nothing asked.
  await page.goto('/credit');
  await page.context().setOffline(true);
  await page.getByTestId('credit-taxid').fill(masked);
  await page.getByTestId('credit-lookup').click();
  await expect(page.getByTestId('credit-offline')).toHaveText('Esta consulta precisa de conexão.', { timeout: 15_000 });
  await page.context().setOffline(false);
});

test.describe('on a server of its own', () => {
  test.use({ baseURL: BASE });
  test.afterEach(stopServer);

  test('each refusal is said beside its field: wrong current, weak new, mismatch; the ERP\'s 400 and 429 too', async ({ page }) => {
    test.setTimeout(120_000);
    const { log } = await startServer({ name: 'account-refusals' });
    await signIn(page, 'ana');
    await page.goto('/account');
    const posts = () => requests(log, 'POST', '/api/mascate/v1/account/password').length;

    // Checked as the rep leaves each field, before anything is sent.
    await page.getByTestId('password-current').focus();
    await page.getByTestId('password-new').focus();
    await expect(page.getByTestId('password-current-problem')).toHaveText('Campo obrigatório.');
    await page.getByTestId('password-new').fill('curta1');
    await page.getByTestId('password-again').focus();
    await expect(page.getByTestId('password-new-problem')).toHaveText('A senha precisa de pelo menos 8 caracteres.');
    await page.getByTestId('password-new').fill('somenteletras');
    await page.getByTestId('password-new').blur();
    await expect(page.getByTestId('password-new-problem')).toHaveText('A senha precisa de pelo menos uma letra e um dígito.');
    await page.getByTestId('password-current').fill('mascate1');
    await page.getByTestId('password-new').fill('mascate1');
    await page.getByTestId('password-new').blur();
    await expect(page.getByTestId('password-new-problem')).toHaveText('A nova senha precisa ser diferente da atual.');
    await page.getByTestId('password-new').fill('Nova-senha-9');
    await expect(page.getByTestId('password-new-problem')).toBeEmpty();
    await page.getByTestId('password-again').fill('Nova-senha-8');
    await page.getByTestId('password-again').blur();
    await expect(page.getByTestId('password-again-problem')).toHaveText('As duas senhas novas não são iguais.');
    await expect(page.getByTestId('password-again')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('password-again')).toHaveAttribute('aria-describedby', 'password-again-problem');
    await expect(page.getByTestId('password-new')).toHaveAttribute('aria-describedby', 'password-new-hint password-new-problem');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-again')).toBeFocused();
    expect(posts()).toBe(0);

    // A wrong current password: the ERP's 403, beside "current".
    await page.getByTestId('password-current').fill('errada123');
    await page.getByTestId('password-again').fill('Nova-senha-9');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-current-problem')).toHaveText('A senha atual não confere.');
    await expect(page.getByTestId('password-new-problem')).toBeEmpty();
    await expect(page.getByTestId('password-changed')).toHaveCount(0);
    expect(posts()).toBe(1);

    // The ERP's own 400 goes beside "new"; its 429 is said with the wait.
    await page.route('**/api/mascate/v1/account/password', (route) => route.fulfill({
      status: 400, contentType: 'application/json',
      body: JSON.stringify({ code: 400, message: 'A nova senha não pode ser uma das últimas usadas.' }),
    }));
    await page.getByTestId('password-current').fill('mascate1');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-new-problem')).toHaveText('A nova senha não pode ser uma das últimas usadas.');
    await expect(page.getByTestId('password-current-problem')).toBeEmpty();
    await page.unroute('**/api/mascate/v1/account/password');
    await page.route('**/api/mascate/v1/account/password', (route) => route.fulfill({
      status: 429, contentType: 'application/json', headers: { 'Retry-After': '42' },
      body: JSON.stringify({ code: 429, message: 'Muitas tentativas de acesso. Tente novamente em 42 segundos.' }),
    }));
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-throttled')).toContainText('Tente de novo em 42 segundos.');
  });

  test('a password changed in the app opens the next sign-in and the old one does not; e-mail and language saved, the language followed at sign-in', async ({ page, request }) => {
    test.setTimeout(120_000);
    await startServer({ name: 'account-change' });
    await signIn(page, 'ana');
    await page.getByTestId('seller-name').click();

    // E-mail and language: saved, and the language becomes the app's.
    await page.getByTestId('account-email').fill('sem-arroba');
    await page.getByTestId('account-language').focus();
    await expect(page.getByTestId('account-email-problem')).toHaveText('E-mail inválido.');
    await page.getByTestId('account-email').fill('ana.nova@demo.mascate.dev');
    await page.getByTestId('account-language').selectOption('en');
    await page.getByTestId('preferences-save').click();
    await expect(page.getByTestId('preferences-saved')).toHaveText('E-mail and language saved.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const token = await apiToken(request, 'ana');
    const account = (await getJson(request, token, `${BASE}/api/mascate/v1/account`)).body;
    expect(account.email).toBe('ana.nova@demo.mascate.dev');
    expect(account.language).toBe('en');
    await page.getByTestId('account-language').selectOption('es');
    await page.getByTestId('preferences-save').click();
    await expect(page.getByTestId('preferences-saved')).toHaveText('Correo e idioma guardados.');
    // The switch in the bar changes this device only: the account keeps Spanish, and the
    // next sign-in (below) follows the account.
    await page.getByTestId('locale-select').selectOption('pt-BR');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');

    await page.getByTestId('password-current').fill('mascate1');
    await page.getByTestId('password-new').fill('Nova-senha-9');
    await page.getByTestId('password-again').fill('Nova-senha-9');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-changed')).toBeVisible();
    await expect(page.getByTestId('password-current')).toHaveValue('');
    // This session goes on.
    await page.getByTestId('nav-customers').click();
    await expect(page.getByTestId('customer-row').first()).toBeVisible();

    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login/);
    await page.getByTestId('login-username').fill('ana');
    await page.getByTestId('login-password').fill('mascate1');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toBeVisible();
    await expect(page.getByTestId('seller-name')).toHaveCount(0);
    await page.getByTestId('login-password').fill('Nova-senha-9');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('seller-name')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByTestId('locale-select')).toHaveValue('es');
    const old = await request.post(`${BASE}/api/oauth2/v1/token?grant_type=password&username=ana&password=mascate1`);
    expect([400, 401]).toContain(old.status());
  });
});
