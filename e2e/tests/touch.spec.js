// The menu under a rep's fingers: no menu text under 14 px on a phone, a tablet or a laptop,
// and on a phone a bottom bar of four entries and "more" (tap targets: layout.spec.js).
const { test, expect } = require('./watched');
const tour = require('./tour');

test('menu text is never under 14 px, on a tablet and on a phone', async ({ page }) => {
  await tour.prepare(page);
  for (const [width, height] of [[768, 1024], [390, 844], [1280, 800]]) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    // The menu is drawn once the app has mounted: wait for it, then read it.
    const visible = () => page.locator('.nav a, .nav-more').evaluateAll((els) => els
      .filter((e) => e.getBoundingClientRect().width > 0)
      .map((e) => [e.dataset.testid, parseFloat(getComputedStyle(e).fontSize)]));
    await expect.poll(async () => (await visible()).length).toBeGreaterThanOrEqual(5);
    const sizes = await visible();
    for (const [id, px] of sizes) expect(px, `${id} at ${width}`).toBeGreaterThanOrEqual(14);
  }
  // On a phone "more" holds the rest of the menu, the language and signing out.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('nav-quotations')).toBeHidden();
  await page.getByTestId('nav-more').click();
  await expect(page.getByTestId('more-menu')).toBeVisible();
  await page.getByTestId('more-quotations').click();
  await expect(page).toHaveURL(/\/quotations$/);
  await expect(page.getByTestId('more-menu')).toBeHidden();
});
