// My Notifications: unread first with a badge, mark as read, delete, a link to the document,
// and a clear message offline (also when the connection drops while on the page).
const { test, expect } = require('./watched');
const { signIn } = require('./helpers');

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
