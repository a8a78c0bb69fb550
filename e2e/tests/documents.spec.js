// Orders and quotations online: the stepwise form, validation, taxes, the queue's states
// until the ERP's number, refusals that keep the data, edit, delete, quotation → order.
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

async function chooseCustomer(page, search, code) {
  await page.getByTestId('customer-search').fill(search);
  await page.locator(`[data-testid=customer-option][data-code="${code}"]`).click();
  await expect(page.getByTestId('chosen-customer')).toContainText(code);
}

async function addProduct(page, code) {
  await page.getByTestId('product-search').fill(code);
  await page.locator(`[data-testid=product-option][data-code="${code}"]`).click();
  await expect(page.locator(`[data-testid=item-row][data-product="${code}"]`)).toBeVisible();
}

async function setLine(page, code, testid, value) {
  const input = page.locator(`[data-testid=item-row][data-product="${code}"] [data-testid=${testid}]`);
  await input.fill(value);
  await input.press('Tab');
}

/** Goes to the review step and sends; returns the page of the sent document. */
async function send(page) {
  await page.getByTestId('step-4').click();
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
}

test('an order with 3 items: totals, the ERP taxes, waiting → done with a number and a notification', async ({ page, request }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-orders').click();
  await expect(page.getByTestId('document-row').first()).toBeVisible();
  await page.getByTestId('document-new').click();

  await chooseCustomer(page, 'joao', '000002');
  await page.getByTestId('form-continue').click();
  // The customer's own terms come as defaults.
  await expect(page.getByTestId('terms-payment')).toHaveValue('001');
  await expect(page.getByTestId('terms-price-list')).toHaveValue('001');
  await page.getByTestId('terms-payment').selectOption('002');
  await page.getByTestId('terms-freight').fill('15,50');
  await page.getByTestId('terms-freight').press('Tab');
  await page.getByTestId('form-continue').click();

  for (const code of ['P00001', 'P00002', 'P00091']) await addProduct(page, code);
  // Totals follow the keystrokes, before the field is left.
  const amount = page.locator('[data-testid=item-row][data-product="P00001"] [data-testid=item-amount]');
  const one = await amount.textContent();
  await page.locator('[data-testid=item-row][data-product="P00001"] [data-testid=item-quantity]').fill('10');
  await expect(amount).not.toHaveText(one);
  await setLine(page, 'P00001', 'item-quantity', '10');
  await setLine(page, 'P00001', 'item-customer-order', 'PC-778');
  await setLine(page, 'P00002', 'item-quantity', '3');
  await setLine(page, 'P00002', 'item-discount', '10');
  await setLine(page, 'P00091', 'item-quantity', '2');
  await expect(page.getByTestId('item-row')).toHaveCount(3);

  // What the form will send, read from its lines, to ask the server for the same taxes.
  const products = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=item-row]')].map((r) => ({
      ProductId: r.dataset.product,
      Quantity: Number(r.querySelector('[data-testid=item-quantity]').value.replace(',', '.')),
      UnitaryValue: Number(r.querySelector('[data-testid=item-unit-price]').value.replace(',', '.')),
    })));
  expect(products.map((p) => p.Quantity)).toEqual([10, 3, 2]);
  // 10 % off the list price shows in the unit price.
  const p2 = await page.locator('[data-testid=item-row][data-product="P00002"] td').nth(2).textContent();
  const list2 = Number(p2.replace(/[^\d,]/g, '').replace(',', '.'));
  expect(products[1].UnitaryValue).toBeCloseTo(Math.round(list2 * 90) / 100, 2);

  await page.getByTestId('step-4').click();
  const before = await page.getByTestId('total-before-taxes').textContent();
  await expect(page.getByTestId('total-charges')).toHaveText('R$ 15,50');
  await page.getByTestId('calculate-taxes').click();
  await expect(page.getByTestId('tax-line').first()).toBeVisible();
  const grand = await page.getByTestId('total-with-taxes').textContent();

  // The app's taxes are the server's own figures for the same order.
  const token = await apiToken(request, 'ana');
  const sim = await (await request.post('/api/fat/v1/SalesTaxes', {
    headers: { Authorization: `Bearer ${token}` },
    data: { CustomerId: '000002', CustomerUnit: '01', Freight: 15.5, ListofProducts: products },
  })).json();
  const brl = (v) => 'R$ ' + v.toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  expect(grand).toBe(brl(sim.valor_contabil));
  expect(before).not.toBe(grand);

  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('sent-page')).toBeVisible();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', /queued|processing|synced/);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  const number = (await page.getByTestId('send-state').textContent()).match(/(\d{6})/)[1];
  await page.getByTestId('sent-open').click();
  await expect(page.getByTestId('document-number')).toContainText(number);
  await expect(page.getByTestId('document-item')).toHaveCount(3);

  const notes = await (await request.get('/api/tgv/notifications/?pageSize=50', { headers: { Authorization: `Bearer ${token}` } })).json();
  expect(notes.items.map((n) => n.title)).toContain(`Pedido incluído com sucesso: ${number}`);

  // Edit: one more unit of the first line.
  await page.getByTestId('document-edit').click();
  await expect(page.locator('[data-testid=item-row][data-product="P00001"] [data-testid=item-quantity]')).toHaveValue('10');
  await setLine(page, 'P00001', 'item-quantity', '11');
  await send(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  await expect(page.getByTestId('send-state')).toContainText(number);
  const items = await (await request.get(`/api/tgv/salesorders/${number}/items`, { headers: { Authorization: `Bearer ${token}` } })).json();
  expect(items.items.find((i) => i.productid === 'P00001').quantity).toBe(11);
  expect(items.items.find((i) => i.productid === 'P00001').customerorder).toBe('PC-778');

  // Delete, with confirmation.
  await page.goto(`/orders/${number}`);
  await page.getByTestId('document-delete').click();
  await page.getByTestId('confirm-delete-yes').click();
  await expect(page).toHaveURL(/\/orders$/);
  const gone = await request.get(`/api/tgv/salesorders/${number}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(gone.status()).toBe(404);
});

test('field validation blocks a bad quantity and names the fields', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/orders/new');
  // Jumping to the review with nothing chosen stops at the customer, which says why.
  await page.getByTestId('step-4').click();
  await expect(page.getByTestId('form-problems')).toBeVisible();
  await expect(page.getByTestId('problem-customer')).toHaveText('Campo obrigatório.');
  await chooseCustomer(page, 'joao', '000002');
  await page.getByTestId('step-3').click();
  await addProduct(page, 'P00001');
  await setLine(page, 'P00001', 'item-quantity', '0');
  await page.getByTestId('step-4').click();
  await expect(page.getByTestId('step-items')).toBeVisible();
  await expect(page.getByTestId('problem-item-quantity')).toHaveText('Deve ser maior que zero.');
  await expect(page).toHaveURL(/\/orders\/new$/, 'nothing was sent');
});

test('an order the ERP refuses shows its reason and keeps everything typed', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/orders/new');
  await chooseCustomer(page, 'joao', '000002');
  await page.getByTestId('step-3').click();
  await addProduct(page, 'P00001');
  await addProduct(page, 'P99901'); // no outflow type (TES)
  await setLine(page, 'P99901', 'item-quantity', '4');
  await send(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'error', { timeout: 20_000 });
  await expect(page.getByTestId('send-error')).toContainText('A410VZ');
  await expect(page.getByTestId('send-error')).toContainText('P99901');

  // Fix: the form comes back with the lines as typed; drop the bad one and send again.
  await page.getByTestId('sent-fix').click();
  await expect(page.locator('[data-testid=item-row][data-product="P99901"] [data-testid=item-quantity]')).toHaveValue('4');
  await page.locator('[data-testid=item-row][data-product="P99901"] [data-testid=item-remove]').click();
  await send(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
});

test('a quotation is written, then implemented into an order', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-quotations').click();
  await page.getByTestId('document-new').click();
  await chooseCustomer(page, 'barateiro', '000003');
  await page.getByTestId('step-3').click();
  await addProduct(page, 'P00010');
  await setLine(page, 'P00010', 'item-quantity', '5');
  await send(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  await page.getByTestId('sent-open').click();
  await expect(page.getByTestId('document-status')).toHaveText('Em aberto');
  await page.getByTestId('quotation-implement').click();
  await expect(page).toHaveURL(/\/orders\/\d{6}$/);
  await expect(page.getByTestId('document-item')).toHaveCount(1);
});

test('a quotation for a new prospect: a bad CNPJ is refused beside the field, a good one is saved and used', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/quotations/new');
  await page.getByTestId('new-prospect').locator('summary').click();
  await page.getByTestId('prospect-name').fill('Bar do Zé');
  await page.getByTestId('prospect-taxid').fill('11.222.333/0001-80');
  await page.getByTestId('prospect-uf').fill('SP');
  await page.getByTestId('prospect-city').fill('Santos');
  await page.getByTestId('prospect-save').click();
  await expect(page.getByTestId('problem-prospect-taxid')).toHaveText('CNPJ/CPF inválido: confira os dígitos.');
  await expect(page.getByTestId('chosen-customer')).toContainText('Escolha o cliente');

  await page.getByTestId('prospect-taxid').fill('34.028.316/0001-03');
  await page.getByTestId('prospect-save').click();
  await expect(page.getByTestId('problem-prospect-taxid')).toHaveText('');
  await expect(page.getByTestId('chosen-customer')).toContainText('BAR DO ZÉ');

  // A prospect has no terms of its own: going past them names the field.
  await page.getByTestId('step-3').click();
  await expect(page.getByTestId('problem-terms-payment')).toHaveText('Campo obrigatório.');
  await page.getByTestId('terms-payment').selectOption('001');
  await page.getByTestId('step-3').click();
  await addProduct(page, 'P00010');
  await send(page);
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
});
