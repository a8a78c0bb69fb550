// The order form checks each step when the rep presses "Continuar": it stays on the step
// and says what is wrong beside the field (linked for screen readers); no total is ever
// negative; sending checks everything again.
const { test, expect } = require('./watched');
const { signIn } = require('./helpers');

async function describedBy(locator) {
  const id = await locator.getAttribute('aria-describedby');
  return locator.page().locator(`[id="${id}"]`);
}

test('Continuar checks its own step, with the error beside the field', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/orders/new');

  // Step 1 empty: it stays there, and says so beside the customer search.
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-customer')).toBeVisible();
  await expect(page.getByTestId('step-1')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('problem-customer')).toHaveText('Campo obrigatório.');
  const search = page.getByTestId('customer-search');
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await expect(await describedBy(search)).toHaveText('Campo obrigatório.');
  // Jumping ahead by the step list is checked the same way.
  await page.getByTestId('step-4').click();
  await expect(page.getByTestId('step-customer')).toBeVisible();

  await search.fill('joao');
  await page.locator('[data-testid=customer-option][data-code="000002"]').click();
  await expect(page.getByTestId('problem-customer')).toHaveText('');
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-terms')).toBeVisible();

  // A negative freight: stays on the terms, the field marked.
  const freight = page.getByTestId('terms-freight');
  await freight.fill('-5');
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-terms')).toBeVisible();
  await expect(page.getByTestId('problem-terms-freight')).toHaveText('Não pode ser negativo.');
  await expect(freight).toHaveAttribute('aria-invalid', 'true');
  await expect(await describedBy(freight)).toHaveText('Não pode ser negativo.');
  // Even if the review is reached another way, the total is never negative.
  await freight.fill('0');
  await page.getByTestId('form-continue').click();

  // No items: stays on the items.
  await expect(page.getByTestId('step-items')).toBeVisible();
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-items')).toBeVisible();
  await expect(page.getByTestId('problem-items')).not.toHaveText('');
  await page.getByTestId('product-search').fill('P00001');
  await page.locator('[data-testid=product-option][data-code="P00001"]').click();
  const quantity = page.locator('[data-testid=item-row][data-product="P00001"] [data-testid=item-quantity]');
  await expect(quantity).toHaveAttribute('aria-label', /P00001/);
  await quantity.fill('0');
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('problem-item-quantity')).toHaveText('Deve ser maior que zero.');
  await quantity.fill('3');
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-review')).toBeVisible();
  await expect(page.getByTestId('total-before-taxes')).not.toContainText('-');
  await expect(page.getByTestId('form-problems')).toHaveCount(0);
});

test('no negative total reaches the review, and sending re-checks every step', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/orders/new');
  await page.getByTestId('customer-search').fill('joao');
  await page.locator('[data-testid=customer-option][data-code="000002"]').click();
  await page.getByTestId('step-2').click();
  await page.getByTestId('terms-freight').fill('-5');
  await page.getByTestId('step-3').click();
  await expect(page.getByTestId('step-terms')).toBeVisible();
  await expect(page.getByTestId('problem-terms-freight')).not.toHaveText('');
  // The totals never show the bad figure as a negative total.
  await page.getByTestId('terms-freight').fill('12');
  await page.getByTestId('step-3').click();
  await page.getByTestId('product-search').fill('P00001');
  await page.locator('[data-testid=product-option][data-code="P00001"]').click();
  await page.getByTestId('step-4').click();
  await expect(page.getByTestId('total-charges')).toHaveText('R$ 12,00');
  await page.getByTestId('step-2').click();
  await page.getByTestId('terms-freight').fill('-5');
  await page.getByTestId('step-4').click();
  await expect(page.getByTestId('step-terms')).toBeVisible();
});
