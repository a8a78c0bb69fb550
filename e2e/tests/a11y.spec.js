// axe-core on every page, order-form step and dialog of the tour, online and offline, at a
// portrait tablet (768×1024) and a laptop (1280×800): no critical and no serious finding.
// Plus what axe cannot see: a skip link, a title per page, route changes announced, focus
// moved to each form step's heading, and dialogs that take focus and give it back.
const { test, expect } = require('./watched');
const { default: AxeBuilder } = require('@axe-core/playwright');
const { signIn } = require('./helpers');
const tour = require('./tour');

test('axe finds nothing critical or serious at 768 and 1280 px, online and offline', async ({ page, context }) => {
  test.setTimeout(600_000);
  await tour.prepare(page);
  const found = [];
  for (const [width, height] of [[768, 1024], [1280, 800]]) {
    await page.setViewportSize({ width, height });
    const stop = async (name) => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations.filter((x) => x.impact === 'critical' || x.impact === 'serious')) {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
        found.push(`${width} ${name}: ${v.id} (${v.impact}, ${v.nodes.length}) ${where}`);
      }
    };
    await tour.online(page, stop);
    await tour.offline(page, context, stop);
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('a skip link, a title per page and route changes said aloud', async ({ page }) => {
  await signIn(page, 'ana');
  await expect(page).toHaveTitle('Início · Mascate');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  await page.getByTestId('nav-orders').click();
  await expect(page).toHaveTitle('Meus Pedidos · Mascate');
  await expect(page.getByTestId('route-announcer')).toHaveText('Meus Pedidos');
  await page.getByTestId('document-link').first().click();
  await expect(page).toHaveTitle(/^Pedido \d{6} · Mascate$/);
  await expect(page.getByTestId('route-announcer')).toHaveText(/^Pedido \d{6}$/);
});

test('the order form: focus goes to each step\'s heading; errors mark their field', async ({ page }) => {
  await signIn(page, 'ana');
  await page.goto('/orders/new');
  await expect(page).toHaveTitle('Novo pedido · Mascate');
  await page.getByTestId('customer-search').fill('joao');
  await page.locator('[data-testid=customer-option][data-code="000002"]').click();
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-heading')).toBeFocused();
  await expect(page.getByTestId('step-heading')).toHaveText('2. Condições');
  await page.getByTestId('form-continue').click();
  await expect(page.getByTestId('step-heading')).toHaveText('3. Itens');
  await page.getByTestId('product-search').fill('zzzz-nada');
  await expect(page.getByTestId('product-none')).toHaveText('Nenhum produto encontrado.');
  await page.getByTestId('product-search').fill('P00001');
  await page.locator('[data-testid=product-option][data-code="P00001"]').click();
  const qty = page.getByTestId('item-quantity');
  // The next thing to type: the new line's quantity has the focus (issue 26).
  await expect(qty).toBeFocused();
  // Its label, and the line's product (several lines each have a quantity).
  await expect(qty).toHaveAccessibleName('Quantidade — P00001');
  await qty.fill('0');
  await page.getByTestId('step-4').click();
  // Held on the step with the problem, focus on the box, which says it and points at the message.
  await expect(page.getByTestId('step-items')).toBeVisible();
  await expect(qty).toBeFocused();
  await expect(qty).toBeInViewport();
  await expect(qty).toHaveAttribute('aria-invalid', 'true');
  const described = await qty.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${described}"]`)).toHaveText('Deve ser maior que zero.');
  await expect(qty).toHaveAccessibleDescription('Deve ser maior que zero.');
});

test('dialogs: named, focus moves in, Escape closes, focus comes back to the opener', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('document-link').first().click();
  const opener = page.getByTestId('document-delete');
  // Where the menu is, not how tall: its height follows the page, which may still be
  // growing as the document's lines, releases and invoices arrive.
  const placeOfNav = async () => {
    const { x, y, width } = await page.locator('.nav').boundingBox();
    return { x, y, width };
  };
  await expect(opener).toBeVisible();
  const navBefore = await placeOfNav();
  await opener.click();
  const dialog = page.getByRole('alertdialog', { name: 'Excluir documento?' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('confirm-delete-no')).toBeFocused();
  // A modal in the browser's top layer, not a box in the shell's grid: the menu stays put.
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  expect(await placeOfNav()).toEqual(navBefore);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
