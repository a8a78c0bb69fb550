// Every page of every spec is watched: an uncaught exception or a wasm panic ("unreachable")
// in any page the test opened — in its own context or in one it made with
// browser.newContext — fails the test that saw it. Specs import `test` and `expect` from here
// instead of from @playwright/test.
const base = require('@playwright/test');

const test = base.test.extend({
  // A spec that raises an error on purpose names what it raises (a RegExp): only that is let through.
  allowedPageErrors: [null, { option: true }],
  pageErrors: [async ({ browser, allowedPageErrors }, use, testInfo) => {
    const seen = [];
    const watched = new WeakSet();
    const watchPage = (page) => page.on('pageerror', (e) => {
      const text = `${page.url()}: ${e.message || e}`;
      if (!(allowedPageErrors && allowedPageErrors.test(text))) seen.push(text);
    });
    const watchContext = (context) => {
      if (watched.has(context)) return;
      watched.add(context);
      context.pages().forEach(watchPage);
      context.on('page', watchPage);
    };
    const newContext = browser.newContext;
    browser.newContext = async function watchedNewContext(...args) {
      const context = await newContext.apply(this, args);
      watchContext(context);
      return context;
    };
    try {
      await use({ seen, watchContext });
    } finally {
      browser.newContext = newContext;
    }
    if (seen.length && testInfo.expectedStatus === 'passed') {
      throw new Error(`uncaught in the page (${seen.length}):\n${seen.join('\n')}`);
    }
  }, { auto: true }],
  context: async ({ context, pageErrors }, use) => {
    pageErrors.watchContext(context);
    await use(context);
  },
});

module.exports = { test, expect: base.expect };
