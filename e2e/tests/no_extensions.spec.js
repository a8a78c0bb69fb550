// On a company's own Protheus, which has none of Mascate's extensions (every
// `/api/mascate/…` path answers 404 and there is no `about`), the views built on them say so
// in words — "an extension of Mascate's server" — instead of "not found" or a bare error.
// The extensions' absence is made here by answering 404 for their paths; the rest (sign-in,
// customers, the TGV API) is the real server.
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

test('without the Mascate extensions, tasks, agenda, invoices, the account and the credit sheet say the view is an extension', async ({ page, context, request }) => {
  const token = await apiToken(request, 'ana');
  const customer = await (await request.get('/api/tgv/customers/000002/01', { headers: { Authorization: `Bearer ${token}` } })).json();
  await signIn(page, 'ana');
  await context.route('**/api/mascate/**', (route) => route.fulfill({
    status: 404, contentType: 'text/html', body: '<html><body>Not Found</body></html>',
  }));
  const extension = 'Esta consulta é uma extensão do servidor Mascate; este ERP não a oferece.';
  for (const [path, testid] of [['/tasks', 'tasks-unavailable'], ['/agenda', 'agenda-unavailable'], ['/invoices', 'invoices-unavailable']]) {
    await page.goto(path);
    await expect(page.getByTestId(testid)).toHaveText(extension);
  }
  await page.goto('/account');
  await expect(page.getByTestId('api-error-message')).toHaveText(extension);
  await page.goto(`/credit?taxid=${customer.cgc}`);
  await expect(page.getByTestId('api-error-message')).toHaveText(extension);
  await expect(page.getByTestId('credit-unknown')).toHaveCount(0);

  // On Mascate's server a 404 of an extension is its own answer: an unknown CNPJ is unknown.
  await context.unroute('**/api/mascate/**');
  await page.goto('/credit?taxid=11444777000161');
  await expect(page.getByTestId('credit-unknown')).toBeVisible();
});
