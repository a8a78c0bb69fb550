// The app's own words in the other languages: in English the dashboard names its months,
// cards and lines in English (pt-BR rules on every page: layout.spec.js). A document written
// on the device is listed with its customer's name, its date and its item count.
const { test, expect } = require('./watched');
const { signIn } = require('./helpers');
const tour = require('./tour');

test('in English the dashboard has no Portuguese month, card or line name', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('locale-select').selectOption('en');
  for (const months of ['6', '12']) {
    await page.getByTestId('home-period').selectOption(months);
    await expect(page.getByTestId('chart-point').first()).toBeVisible();
    const text = await page.getByTestId('home').innerText();
    const svg = await page.getByTestId('home-chart').textContent();
    for (const pt of ['Janeiro', 'Fevereiro', 'Março', 'Abril', 'Maio', 'Junho', 'Julho', 'Agosto', 'Setembro',
      'Outubro', 'Novembro', 'Dezembro', 'Fev', 'Abr', 'Mai', 'Ago', 'Set', 'Out', 'Dez']) {
      expect(`${text} ${svg}`).not.toMatch(new RegExp(`\\b${pt}\\b`));
    }
    expect(text).not.toMatch(/Itens|Faturado|faturado/);
  }
  await expect(page.getByTestId('home-card').first()).toContainText('Total items');
  await expect(page.getByTestId('chart-legend-item').first()).toHaveText('Billed');
  await expect(page.getByTestId('chart-legend-item').nth(1)).toHaveText('Unbilled');
});

test('a document written on the device is listed with its customer\'s name, date and items; its notification speaks English too', async ({ page, context }) => {
  await tour.prepare(page);
  await context.setOffline(true);
  await page.goto('/orders/new');
  await page.getByTestId('customer-search').fill('000');
  const option = page.locator('[data-testid=customer-option]:not([disabled])').first();
  const name = (await option.innerText()).split(' — ')[1].split(' (')[0].trim();
  await option.click();
  await page.getByTestId('step-3').click();
  await page.getByTestId('product-search').fill('p0');
  await page.getByTestId('product-option').first().click();
  await page.getByTestId('step-4').click();
  await page.getByTestId('form-send').click();
  await expect(page.getByTestId('send-state')).toHaveAttribute('data-state', 'pending');
  await page.goto('/orders');
  const doc = page.getByTestId('unsent-document').first();
  await expect(doc.getByTestId('unsent-customer')).toHaveText(name);
  await expect(doc.getByTestId('unsent-meta')).toHaveText(/^\d{2}\/\d{2}\/\d{4} · 1 item$/);
  await context.setOffline(false);
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 60_000 });

  // The ERP's notification of it, titled in the rep's language (the ERP writes Portuguese).
  await page.goto('/notifications');
  await expect(page.getByTestId('notification-title').first()).toHaveText(/^Pedido incluído/);
  await page.getByTestId('locale-select').selectOption('en');
  await expect(page.getByTestId('notification-title').first()).toHaveText(/^Order created: \d{6}$/);
  await page.getByTestId('locale-select').selectOption('pt-BR');
});
