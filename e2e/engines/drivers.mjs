// The browser engines a rep carries, each behind the same small driver: Chromium (Android's
// Chrome) and Firefox ESR (Android's Firefox) through puppeteer-core — CDP and WebDriver BiDi
// — and WebKitGTK (the engine of the iPad's Safari) through WebKitWebDriver under Xvfb with
// selenium-webdriver. Every browser is Debian's; nothing is downloaded.
//
// A tap is a real pointer press and release at the element's centre (the engine decides
// what is under it), never a script's `element.click()`; typing is real key events.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const VIEWPORT = { width: 1024, height: 768 };

/** Errors the page threw, gathered by a listener the journey installs after each load. */
const WATCH = `(() => {
  if (window.__journeyErrors) return;
  window.__journeyErrors = [];
  addEventListener('error', (e) => window.__journeyErrors.push(String(e.message || e.error)));
  addEventListener('unhandledrejection', (e) => window.__journeyErrors.push('unhandled rejection: ' + String(e.reason)));
})()`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What every driver shares: waiting, and the page's own error log. */
class Base {
  constructor(name) {
    this.name = name;
    this.errors = [];
  }

  /** Polls `expr` (a JavaScript expression) until it is truthy; returns its value. */
  async waitFor(expr, what, timeout = 20_000) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        last = await this.eval(expr);
        if (last) return last;
      } catch (e) {
        last = e.message; // a page between two documents
      }
      await sleep(150);
    }
    throw new Error(`${this.name}: timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
  }

  /** Waits for `selector` to be on the page and visible. */
  async visible(selector, timeout) {
    const q = JSON.stringify(selector);
    await this.waitFor(`(() => { const e = document.querySelector(${q}); return !!e && e.getClientRects().length > 0; })()`,
      selector, timeout);
  }

  /** Installs the error listener (after every full load) and collects what it caught. */
  async watch() {
    await this.eval(WATCH);
  }

  async collectErrors() {
    const seen = await this.eval('window.__journeyErrors || []');
    this.errors.push(...seen);
    await this.eval('window.__journeyErrors && (window.__journeyErrors.length = 0)');
    return this.errors;
  }

  /** Waits for the `index`-th match of `selector` to be shown, then taps its centre. */
  async tap(selector, index = 0) {
    const q = JSON.stringify(selector);
    // Shown, enabled, and in the same place as a moment ago (as Playwright's "stable"): a
    // finger lands where the button is, not where it was before the page moved it.
    const where = `(() => { const e = document.querySelectorAll(${q})[${index}];
      if (!e || e.getClientRects().length === 0 || e.disabled) return '';
      const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(','); })()`;
    let last = '';
    await this.waitFor(`${where}`, `${selector} #${index + 1} to tap`);
    for (let i = 0; i < 50; i++) {
      const now = await this.eval(where);
      if (now && now === last) break;
      last = now;
      await sleep(100);
    }
    await this.pointerTap(selector, index);
  }

  /** Taps a field, then types `text` into it as keys. */
  async type(selector, text) {
    await this.tap(selector);
    await this.keys(text);
  }

  /** The path and query of the page. */
  async path() {
    return this.eval('location.pathname + location.search');
  }
}

/** Chromium or Firefox through puppeteer-core. */
class Puppeteer extends Base {
  static async launch(name) {
    const puppeteer = (await import('puppeteer-core')).default;
    const firefox = name === 'firefox';
    const browser = await puppeteer.launch({
      browser: firefox ? 'firefox' : 'chrome',
      executablePath: firefox ? '/usr/bin/firefox-esr' : (process.env.CHROMIUM || '/usr/bin/chromium'),
      headless: true,
      // Firefox's `persist()` prompt is deliberately left unanswered (no
      // dom.storageManager.prompt.testing): a rep who never answers it must still get "ready".
      args: firefox ? [] : ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      defaultViewport: VIEWPORT,
    });
    const page = (await browser.pages())[0] || (await browser.newPage());
    const d = new Puppeteer(name);
    d.browser = browser;
    d.page = page;
    page.on('pageerror', (e) => {
      d.errors.push(String(e.message || e));
      if (process.env.JOURNEY_DEBUG) console.log('pageerror:', e.stack || e);
    });
    // JOURNEY_DEBUG=1 also prints what the page logged as an error or a warning.
    if (process.env.JOURNEY_DEBUG) {
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn') console.log('console:', m.text().slice(0, 2000));
      });
    }
    return d;
  }

  async open(url) {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.watch();
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    await this.watch();
  }

  async eval(expr) {
    return this.page.evaluate(expr);
  }

  async pointerTap(selector, index) {
    const handles = await this.page.$$(selector);
    const el = handles[index];
    if (!el) throw new Error(`${this.name}: no ${selector} #${index + 1} to tap`);
    await el.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
    const box = await el.boundingBox();
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async keys(text) {
    await this.page.keyboard.type(text, { delay: 20 });
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file });
  }

  async close() {
    await this.browser.close().catch(() => {});
  }
}

/** A free TCP port on the loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver, on an Xvfb display of its own. */
class WebKit extends Base {
  static async launch() {
    const { Builder, By } = await import('selenium-webdriver');
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'pipe', 'ignore'] });
    const display = await new Promise((resolve, reject) => {
      xvfb.stdout.once('data', (b) => resolve(`:${String(b).trim()}`));
      xvfb.once('exit', (c) => reject(new Error(`Xvfb exited (${c})`)));
    });
    const port = await freePort();
    const env = { ...process.env, DISPLAY: display };
    const driverProcess = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], { env, stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
      } catch (_) { /* not up yet */ }
      await sleep(100);
    }
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          // Automation mode keeps the site's data (IndexedDB, the service worker) for the
          // session in a store of its own, gone when the browser quits.
          args: ['--automation'],
        },
      })
      .build();
    const d = new WebKit('webkit');
    Object.assign(d, { driver, By, xvfb, driverProcess });
    await d.fitViewport();
    return d;
  }

  /** Sizes the window so that the page itself (the viewport) is 1024×768. */
  async fitViewport() {
    await this.driver.manage().window().setRect({ width: VIEWPORT.width, height: VIEWPORT.height, x: 0, y: 0 });
    const inner = await this.eval('[innerWidth, innerHeight]');
    const rect = await this.driver.manage().window().getRect();
    await this.driver.manage().window().setRect({
      width: rect.width + (VIEWPORT.width - inner[0]), height: rect.height + (VIEWPORT.height - inner[1]),
    });
  }

  async open(url) {
    await this.driver.get(url);
    await this.watch();
  }

  async reload() {
    await this.driver.navigate().refresh();
    await this.watch();
  }

  async eval(expr) {
    return this.driver.executeScript(`return (${expr});`);
  }

  async pointerTap(selector, index) {
    const els = await this.driver.findElements(this.By.css(selector));
    const el = els[index];
    if (!el) throw new Error(`webkit: no ${selector} #${index + 1} to tap`);
    const [x, y] = await this.driver.executeScript(`const e = arguments[0];
      e.scrollIntoView({ block: 'center', inline: 'center' });
      const r = e.getBoundingClientRect();
      return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];`, el);
    // A pointer moved to the element's centre on the page, pressed and released there:
    // whatever the engine finds at that point gets the tap.
    await this.driver.actions({ async: true }).move({ x, y, origin: 'viewport' }).press().release().perform();
  }

  async keys(text) {
    await this.driver.actions({ async: true }).sendKeys(text).perform();
  }

  async screenshot(file) {
    fs.writeFileSync(file, await this.driver.takeScreenshot(), 'base64');
  }

  async close() {
    await this.driver.quit().catch(() => {});
    this.driverProcess.kill();
    this.xvfb.kill();
  }
}

/** Starts the named engine: chromium, firefox or webkit. */
export async function launch(name) {
  if (name === 'webkit') return WebKit.launch();
  if (name === 'chromium' || name === 'firefox') return Puppeteer.launch(name);
  throw new Error(`unknown engine ${name}`);
}
