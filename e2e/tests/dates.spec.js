// Dates as a rep types them (issue 23): in every date box, a one-digit day or month closed
// with a slash is read right ("1/10/2026" is 1 October), and a date that cannot be read —
// impossible (31/02) or incomplete — is said beside the box, marked invalid, and no date
// filter is applied with it.
const { test, expect } = require('./watched');
const { signIn, fillFirstOrder } = require('./helpers');

/** Types `text` one key at a time, as a rep does. */
async function typeInto(box, text) {
  await box.fill('');
  await box.pressSequentially(text);
}

/** Every filter date box: the page, the box, and the address key it fills (if any). */
const FILTER_BOXES = [
  { path: '/orders', box: 'range-from', key: 'from' },
  { path: '/orders', box: 'range-to', key: 'to' },
  { path: '/quotations', box: 'range-from', key: 'from' },
  { path: '/quotations', box: 'range-to', key: 'to' },
  { path: '/invoices', box: 'range-from', key: 'from' },
  { path: '/invoices', box: 'range-to', key: 'to' },
  { path: '/invoices', box: 'range-dfrom', key: 'dfrom' },
  { path: '/invoices', box: 'range-dto', key: 'dto' },
  { path: '/statistics', box: 'statistics-from', key: 'from' },
  { path: '/statistics', box: 'statistics-to', key: 'to' },
];

test('a one-digit day and month typed with slashes are read right in every filter date box', async ({ page }) => {
  await signIn(page, 'ana');
  for (const { path, box, key } of FILTER_BOXES) {
    await page.goto(path);
    const input = page.getByTestId(box);
    await typeInto(input, '1/10/2026');
    await expect(input, `${path} ${box}`).toHaveValue('01/10/2026');
    await expect(page, `${path} ${box}`).toHaveURL(new RegExp(`[?&]${key}=2026-10-01`));
    await typeInto(input, '5/3/2026');
    await expect(input, `${path} ${box}`).toHaveValue('05/03/2026');
    await expect(page, `${path} ${box}`).toHaveURL(new RegExp(`[?&]${key}=2026-03-05`));
  }
});

test('an impossible or incomplete date is refused beside every filter date box and no date filter applies', async ({ page }) => {
  await signIn(page, 'ana');
  for (const { path, box, key } of FILTER_BOXES) {
    const where = `${path} ${box}`;
    await page.goto(`${path}?${key}=2026-01-15`);
    const input = page.getByTestId(box);
    await expect(input, where).toHaveValue('15/01/2026');
    const problem = page.getByTestId(`${box}-problem`);
    await expect(problem, where).toBeHidden();

    await typeInto(input, '31/02/2026');
    await expect(problem, where).toBeVisible();
    await expect(problem, where).toContainText('Data inexistente');
    await expect(problem, where).toContainText('não aplicado');
    await expect(input, where).toHaveAttribute('aria-invalid', 'true');
    await expect(input, where).toHaveValue('31/02/2026');
    await expect(page, where).not.toHaveURL(new RegExp(`[?&]${key}=`));

    // Incomplete: said when the rep leaves the box.
    await page.goto(`${path}?${key}=2026-01-15`);
    await typeInto(input, '01/10/20');
    await input.press('Tab');
    await expect(problem, where).toContainText('Data incompleta');
    await expect(input, where).toHaveAttribute('aria-invalid', 'true');
    await expect(page, where).not.toHaveURL(new RegExp(`[?&]${key}=`));

    // Mended, it applies and the message goes.
    await typeInto(input, '2/1/2026');
    await expect(page, where).toHaveURL(new RegExp(`[?&]${key}=2026-01-02`));
    await expect(problem, where).toBeHidden();
    await expect(input, where).toHaveAttribute('aria-invalid', 'false');
  }
});

test('"Limpar filtros" empties the date boxes too', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/orders?from=2026-01-15&to=2026-02-20');
  await expect(page.getByTestId('range-from')).toHaveValue('15/01/2026');
  await page.getByTestId('range-clear').click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.getByTestId('range-from')).toHaveValue('');
  await expect(page.getByTestId('range-to')).toHaveValue('');
});

test('the offline selection\'s "bought since" reads typed dates and refuses impossible ones', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/offline');
  await page.getByTestId('edit-customers').click();
  const input = page.getByTestId('adv-bought-since');
  await typeInto(input, '1/10/2025');
  await expect(input).toHaveValue('01/10/2025');
  await expect(page.getByTestId('adv-bought-since-problem')).toBeHidden();
  await typeInto(input, '30/02/2025');
  await expect(page.getByTestId('adv-bought-since-problem')).toContainText('Data inexistente');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
});

test('an item\'s delivery date in the order form reads one-digit days and refuses what is no date', async ({ page }) => {
  await signIn(page, 'ana');
  await fillFirstOrder(page);
  await page.getByTestId('step-3').click();
  const input = page.getByTestId('item-delivery').first();
  await typeInto(input, '1/10/2099');
  await expect(input).toHaveValue('01/10/2099');
  await expect(page.getByTestId('problem-item-delivery').first()).toBeHidden();
  // The form checks the line when the rep moves on: an impossible date, then a partial one.
  for (const bad of ['31/02/2099', '01/10']) {
    await typeInto(input, bad);
    await page.getByTestId('step-4').click();
    await expect(page.getByTestId('problem-item-delivery').first(), bad).toBeVisible();
    await expect(input, bad).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('step-items'), `${bad}: the form stays on the items`).toBeVisible();
  }
});
