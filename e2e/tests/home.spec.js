// Home: indicator cards and the billed vs unbilled chart over a chosen period.
const { test, expect } = require('./watched');
const { signIn } = require('./helpers');

test('the dashboard shows the seller\'s indicators and an SVG chart for the period', async ({ page }) => {
  await signIn(page, 'ana');
  const cards = page.getByTestId('home-card');
  await expect(cards).toHaveCount(4);
  await expect(cards.first()).toContainText('Total de itens');
  const six = Number((await page.getByTestId('home-card-total').first().textContent()).replace(/\D/g, ''));
  expect(six).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-line')).toHaveCount(2);
  // Six months of history: six points on each line.
  await expect(page.locator('[data-testid=home-chart] [data-testid=chart-point]')).toHaveCount(12);

  await page.getByTestId('home-period').selectOption('12');
  await expect(page.locator('[data-testid=home-chart] [data-testid=chart-point]')).toHaveCount(24);
  const twelve = Number((await page.getByTestId('home-card-total').first().textContent()).replace(/\D/g, ''));
  expect(twelve).toBeGreaterThan(six);

  await page.getByTestId('chart-quantity').click();
  await expect(page.getByRole('heading', { name: /quantidade/i })).toBeVisible();
  await expect(page.getByTestId('chart-line')).toHaveCount(2);
});

test('offline, home says the indicators need the ERP', async ({ page, context }) => {
  await signIn(page, 'ana');
  await expect(page.getByTestId('home-card').first()).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByTestId('home-offline')).toBeVisible();
  await expect(page.getByTestId('home-card')).toHaveCount(0);
  await context.setOffline(false);
  await expect(page.getByTestId('home-card').first()).toBeVisible();
});
