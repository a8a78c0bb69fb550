// A wasm panic in the release build is never silent (issue 29). The release build aborts on
// a panic (std with panic=immediate-abort), which reaches the page as an uncaught
// WebAssembly.RuntimeError; here that very error is raised by a one-instruction module
// (`unreachable`) run outside any handler, and public/shell.js must tell the rep, in the
// page's language, with a reload that loses nothing. (A panic of the app itself, with its
// message and place, is checked in a dev build by route-check.js.)
const { test, expect } = require('./watched');
const { signIn } = require('./helpers');

// (module (func (export "f") unreachable))
const TRAP = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];

// The trap raised on purpose is the one error this test lets through.
test.use({ allowedPageErrors: /unreachable/ });

test('a wasm abort is said to the rep, with a reload that keeps them signed in', async ({ page }) => {
  await signIn(page, 'ana');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await page.evaluate((bytes) => {
    const { f } = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports;
    setTimeout(f, 0);
  }, TRAP);
  const notice = page.getByTestId('panic-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Algo deu errado no Mascate.');
  await expect(notice).toContainText('nada se perde');
  await expect(page.getByTestId('panic-reload')).toBeFocused();
  await page.getByTestId('panic-reload').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await expect(page.getByTestId('seller-name')).toBeVisible();
  await expect(notice).toHaveCount(0);
});
