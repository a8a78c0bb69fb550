// A customer's contacts (issue 15): added online on the customer page (the ERP's contacts,
// schema 000003) with call, WhatsApp and e-mail links, checked field by field; after the
// customer is primed for offline use, the contact is on the device and shown read-only offline.
const { test, expect } = require('./watched');
const { signIn, apiToken, selectCustomerForToday } = require('./helpers');

async function contactsOf(request, token, code, store) {
  const res = await request.get(
    `/api/tgv/contacts/?pageSize=100&FILTER=customerid eq '${code}' and customerstore eq '${store}'`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (res.status() === 404) return [];
  expect(res.status()).toBe(200);
  return (await res.json()).items;
}

test('a contact added online is listed with its links, then shown offline after priming', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  const token = await apiToken(request, 'ana');
  const res = await request.get('/api/tgv/customers/?pageSize=1&SORT=code', { headers: { Authorization: `Bearer ${token}` } });
  const customer = (await res.json()).items[0];
  const [code, store] = [customer.code, customer.store];
  const before = await contactsOf(request, token, code, store);

  await signIn(page, 'ana');
  await page.goto(`/customers/${code}/${store}`);
  const card = page.getByTestId('customer-contacts');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('contact')).toHaveCount(before.length);
  await card.getByTestId('contact-add').click();
  const form = card.getByTestId('contact-form');
  await expect(form).toBeVisible();
  // Every field is checked: a bad e-mail and area code are said beside their boxes, nothing saved.
  await form.getByTestId('contact-name-input').fill('Rita Teste Contato');
  await form.getByTestId('contact-ddd-input').fill('1');
  await form.getByTestId('contact-email-input').fill('rita@');
  await form.getByTestId('contact-save').click();
  await expect(form.getByTestId('contact-ddd-input-problem')).toBeVisible();
  await expect(form.getByTestId('contact-email-input-problem')).toBeVisible();
  expect(await contactsOf(request, token, code, store)).toHaveLength(before.length);

  await form.getByTestId('contact-role-input').fill('Compras');
  await form.getByTestId('contact-ddd-input').fill('11');
  await form.getByTestId('contact-phone-input').fill('32101234');
  await form.getByTestId('contact-cell-input').fill('987654321');
  await form.getByTestId('contact-email-input').fill('rita@example.com');
  await form.getByTestId('contact-save').click();
  await expect(form).toHaveCount(0);
  const added = card.getByTestId('contact').filter({ hasText: 'Rita Teste Contato' });
  await expect(added).toHaveCount(1);
  await expect(added.getByTestId('contact-tel')).toHaveAttribute('href', /^tel:\+?(55)?1132101234$/);
  await expect(added.getByTestId('contact-tel')).toContainText('(11) 3210-1234');
  await expect(added.getByTestId('contact-whatsapp')).toHaveAttribute('href', /^https:\/\/wa\.me\/(55)?11987654321$/);
  await expect(added.getByTestId('contact-mailto')).toHaveAttribute('href', 'mailto:rita@example.com');
  // The ERP has it, once.
  const after = await contactsOf(request, token, code, store);
  expect(after.filter((c) => c.name === 'Rita Teste Contato')).toHaveLength(1);

  // Edit: the role changes in the ERP.
  await added.getByTestId('contact-edit').click();
  await card.getByTestId('contact-role-input').fill('Gerente de compras');
  await card.getByTestId('contact-save').click();
  await expect(added).toContainText('Gerente de compras');
  expect((await contactsOf(request, token, code, store)).find((c) => c.name === 'Rita Teste Contato').role)
    .toBe('Gerente de compras');

  // Today's selection: this customer (found by its code) and one product.
  await selectCustomerForToday(page, code);

  // Offline: the contact comes from the device, read-only.
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/api/tgv/contacts')) asked.push(r.url()); });
  await context.setOffline(true);
  await page.goto(`/customers/${code}/${store}`);
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline');
  const offlineCard = page.getByTestId('customer-contacts');
  await expect(offlineCard.getByTestId('contacts-read-only')).toBeVisible();
  const shown = offlineCard.getByTestId('contact').filter({ hasText: 'Rita Teste Contato' });
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText('Gerente de compras');
  await expect(offlineCard.getByTestId('contact')).toHaveCount(after.length);
  await expect(offlineCard.getByTestId('contact-add')).toHaveCount(0);
  await expect(offlineCard.getByTestId('contact-edit')).toHaveCount(0);
  expect(asked).toEqual([]);
  await context.setOffline(false);
});
