// My Notifications: unread first with a badge, mark as read, delete, a link to the document,
// and a clear message offline (also when the connection drops while on the page).
const { test, expect } = require('./watched');
const { signIn, apiToken } = require('./helpers');

test('unread first, a badge with the count, mark as read, delete, open the order', async ({ page }) => {
  await signIn(page, 'bruno');
  const badge = page.getByTestId('unread-badge');
  await expect(badge).toBeVisible();
  const before = Number(await badge.textContent());
  expect(before).toBeGreaterThan(0);

  await page.getByTestId('nav-notifications').click();
  const items = page.getByTestId('notification');
  await expect(items.first()).toBeVisible();
  const flags = await items.evaluateAll((els) => els.map((e) => e.dataset.unread));
  const firstRead = flags.indexOf('false');
  expect(flags.slice(0, firstRead).every((f) => f === 'true')).toBe(true);
  expect(flags.slice(firstRead).every((f) => f === 'false')).toBe(true);
  expect(flags.filter((f) => f === 'true').length).toBe(before);

  // The failure notification keeps the ERP's line break as text.
  await expect(page.getByTestId('notification-description').filter({ hasText: 'A410VZ' })).toBeVisible();

  await items.first().getByTestId('notification-read').click();
  await expect(badge).toHaveText(String(before - 1));
  const count = await items.count();
  await items.last().getByTestId('notification-delete').click();
  await expect(items).toHaveCount(count - 1);

  await items.filter({ hasText: 'Pedido incluído com sucesso' }).first().getByTestId('notification-open').click();
  await expect(page).toHaveURL(/\/orders\/\d{6}$/);
  await expect(page.getByTestId('document-item').first()).toBeVisible();
});

test('offline, notifications say they need the connection', async ({ page, context }) => {
  await signIn(page, 'carla');
  await page.getByTestId('nav-notifications').click();
  await expect(page.getByTestId('notification').first()).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByTestId('notifications-offline')).toBeVisible();
  await expect(page.getByTestId('notification')).toHaveCount(0);
  await expect(page.getByTestId('unread-badge')).toHaveCount(0);
  await context.setOffline(false);
  await expect(page.getByTestId('notification').first()).toBeVisible();
});

// Issue 23: a notification names the document as the rep knows it (number and customer, or
// "no number yet" and the customer for one the ERP refused, never the external id) and says
// its time on the tablet's clock, here São Paulo's while the ERP keeps UTC.
test.describe('on a tablet in São Paulo', () => {
  test.use({ timezoneId: 'America/Sao_Paulo' });

  /** The API's notifications of ana, newest first. */
  async function erpNotifications(request, token) {
    const res = await request.get('/api/tgv/notifications/?pageSize=100', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    return (await res.json()).items;
  }

  /** `dd/mm/aaaa hh:mm` in São Paulo of the ERP's UTC date and time. */
  function inSaoPaulo(date, time) {
    const d = new Date(`${date}T${time}:00Z`);
    const f = new Intl.DateTimeFormat('pt-BR', {
      timeZone: 'America/Sao_Paulo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    });
    return f.format(d).replace(',', '');
  }

  test('notifications name the order by number or customer and show the tablet\'s time', async ({ page, request }) => {
    const token = await apiToken(request, 'ana');
    await signIn(page, 'ana');
    // One order the ERP accepts and one it refuses (a product with no outflow type). Other
    // tests sign ana in elsewhere and have orders refused too, so the refusal looked at is the
    // one of the order sent here (its external id is in the address of the sent page).
    let refusedId = '';
    let number = '';
    for (const products of [['P00001'], ['P00001', 'P99901']]) {
      await page.goto('/orders/new');
      await page.getByTestId('customer-search').fill('joao');
      await page.locator('[data-testid=customer-option][data-code="000002"]').click();
      await page.getByTestId('step-3').click();
      for (const code of products) {
        await page.getByTestId('product-search').fill(code);
        await page.locator(`[data-testid=product-option][data-code="${code}"]`).click();
      }
      await page.getByTestId('step-4').click();
      await page.getByTestId('form-send').click();
      await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', /synced|error/, { timeout: 20_000 });
      if (products.length === 1) {
        number = (await page.getByTestId('sent-open').getAttribute('href')).split('/').pop();
      } else {
        refusedId = new URL(page.url()).pathname.split('/').pop();
      }
    }
    expect(number).toMatch(/^\d{6}$/);
    expect(refusedId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const erp = await erpNotifications(request, token);
    const accepted = erp.find((n) => n.title.endsWith(`: ${number}`) && /Pedido incluído com sucesso/.test(n.title));
    const refused = erp.find((n) => /Falha ao incluir/.test(n.title) && n.description.includes(refusedId));
    expect(accepted && refused).toBeTruthy();
    const order = await (await request.get(`/api/tgv/salesorders/${number}`, { headers: { Authorization: `Bearer ${token}` } })).json();

    await page.getByTestId('nav-notifications').click();
    const ok = page.locator(`[data-testid=notification][data-id="${accepted.id}"]`);
    await expect(ok.getByTestId('notification-about')).toHaveText(`Pedido ${number} · ${order.customername.trim()}`);
    await expect(ok.getByTestId('notification-when')).toHaveText(inSaoPaulo(accepted.notificationdate, accepted.notificationtime));

    const bad = page.locator(`[data-testid=notification][data-id="${refused.id}"]`);
    await expect(bad.getByTestId('notification-about')).toContainText('(sem número)');
    await expect(bad.getByTestId('notification-about')).toContainText(order.customername.trim());
    await expect(bad.getByTestId('notification-description')).toContainText('A410VZ');
    await expect(bad.getByTestId('notification-description')).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expect(bad.getByTestId('notification-when')).toHaveText(inSaoPaulo(refused.notificationdate, refused.notificationtime));
  });
});
