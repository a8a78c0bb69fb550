// A rep's day in one browser engine, against the release build and the real server:
// sign in; tap rows 1 and 5 of every list whose whole row opens (customers as a table and
// as cards, orders as a table and as cards, quotations) and land on those; products; the
// Offline Configurator: customers and products chosen, saved, "ready"; the ERP stops; a
// reload opens the app from the service worker with today's selection; an order written
// offline; the ERP starts again; the order reaches it exactly once (counted through the API).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SELLER = { username: 'ana', password: 'mascate1' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const q = (s) => JSON.stringify(s);

/** The stand-in ERP on `port`, its database in target/e2e-engine-NAME (fresh unless kept). */
export class Erp {
  /** Every server started and not yet exited, so that an interrupted run leaves none behind. */
  static running = new Set();

  constructor(name, port) {
    this.base = `http://127.0.0.1:${port}`;
    this.port = port;
    this.data = path.join(ROOT, `target/e2e-engine-${name}`);
    this.process = null;
  }

  async start({ keepData = false } = {}) {
    // Another server on the port (one left behind by an interrupted run) would answer for
    // this one, with another build and another database.
    const busy = await fetch(`${this.base}/api/mascate/v1/about`).then(() => true, () => false);
    if (busy) throw new Error(`port ${this.port} is already taken: stop what listens there first`);
    if (!keepData) fs.rmSync(this.data, { recursive: true, force: true });
    this.process = spawn(path.join(ROOT, 'target/release/mascate-server'), [
      '--port', String(this.port), '--data-dir', this.data, '--dist', path.join(ROOT, process.env.MASCATE_DIST || 'dist'),
      '--fixtures', path.join(ROOT, 'fixtures'),
    ], { stdio: 'ignore', env: { ...process.env, MASCATE_LOG: 'warn' } });
    const child = this.process;
    Erp.running.add(child);
    child.once('exit', () => Erp.running.delete(child));
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
      try {
        if ((await fetch(`${this.base}/api/mascate/v1/about`)).ok) return;
      } catch (_) { /* not up yet */ }
      await sleep(100);
    }
    throw new Error('the server did not start');
  }

  async stop() {
    if (!this.process) return;
    const exited = new Promise((r) => this.process.once('exit', r));
    this.process.kill('SIGTERM');
    await exited;
    this.process = null;
  }

  /** The sales orders the ERP holds under `externalId`, as the API lists them. */
  async ordersWithExternalId(externalId) {
    const auth = await fetch(`${this.base}/api/oauth2/v1/token?grant_type=password&username=${SELLER.username}&password=${SELLER.password}`,
      { method: 'POST' });
    if (auth.status !== 201) throw new Error(`sign-in through the API answered ${auth.status}`);
    const { access_token: token } = await auth.json();
    const filter = encodeURIComponent(`externalid eq '${externalId}'`);
    const res = await fetch(`${this.base}/api/tgv/salesorders/?FILTER=${filter}`, { headers: { Authorization: `Bearer ${token}` } });
    // The contract answers 404 when a FILTER matched nothing.
    if (res.status === 404) return [];
    if (res.status !== 200) throw new Error(`the orders list answered ${res.status}`);
    return (await res.json()).items;
  }
}

function check(cond, message) {
  if (!cond) throw new Error(message);
}

/** Taps rows 1 and 5 of `rowSelector` and checks that each lands on its own page. */
async function tapRows(b, { list, rowSelector, expected, back }) {
  for (const index of [0, 4]) {
    await b.tap(back);
    await b.waitFor(`document.querySelectorAll(${q(rowSelector)}).length >= 5`, `${list}: five rows`);
    const want = await b.eval(`(${expected})(document.querySelectorAll(${q(rowSelector)})[${index}])`);
    await b.tap(rowSelector, index);
    await b.waitFor(`location.pathname === ${q(want)}`, `${list}: row ${index + 1} to open ${want}`, 10_000)
      .catch(async (e) => {
        throw new Error(`${e.message}; it opened ${await b.path()}`);
      });
  }
}

/** Taps `selector` until the page is at `path` (three tries): the configurator re-lays
 * itself out as a download ends, and a finger that lands where the button was a moment ago
 * taps again, as a rep would. */
async function tapTo(b, selector, path) {
  for (let attempt = 1; ; attempt++) {
    await b.tap(selector);
    try {
      await b.waitFor(`location.pathname === ${q(path)}`, `${selector} to open ${path}`, 4_000);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Waits until the configurator is done downloading and has stopped moving its cards. */
async function configuratorSettled(b) {
  await b.waitFor(`location.pathname === '/offline' && !document.querySelector('[data-testid=priming-progress]')`,
    'the day\'s download to end', 60_000);
  await sleep(500);
}

/** Ticks the first `n` candidates of the selection editor and saves them. */
async function pickCandidates(b, n) {
  await b.visible('[data-testid=candidate]');
  for (let i = 0; i < n; i++) await b.tap('[data-testid=candidate-check]', i);
  await b.waitFor(`document.querySelectorAll('[data-testid=candidate-check]:checked').length === ${n}`, `${n} candidates ticked`);
  await b.tap('[data-testid=save-selection]');
  await b.waitFor(`location.pathname === '/offline'`, 'back on the configurator');
}

/** The journey's steps, each named for the report; `b` is a driver (drivers.mjs). */
export async function journey(b, erp, log) {
  const step = async (name, f) => {
    const t = Date.now();
    await f();
    const errors = await b.collectErrors();
    check(errors.length === 0, `uncaught in the page during "${name}": ${errors.join(' | ')}`);
    log(`  ✓ ${name} (${Date.now() - t} ms)`);
  };

  await step('sign in', async () => {
    await b.open(`${erp.base}/login`);
    await b.type('[data-testid=login-username]', SELLER.username);
    await b.type('[data-testid=login-password]', SELLER.password);
    await b.tap('[data-testid=login-submit]');
    await b.visible('[data-testid=seller-name]', 30_000);
  });

  // Each list whose whole row opens, as a table and as cards (the view is switched back to
  // the table after, as the rep left it).
  const customerHref = `(r) => r.querySelector('[data-testid=customer-link]').getAttribute('href')`;
  const documentHref = (seg) => `(r) => '/${seg}/' + r.dataset.number`;
  const lists = [
    { list: 'customers', nav: 'nav-customers', row: 'customer-row', card: 'customer-card', expected: customerHref },
    { list: 'orders', nav: 'nav-orders', row: 'document-row', card: 'document-card', expected: documentHref('orders') },
    { list: 'quotations', nav: 'nav-quotations', row: 'document-row', card: 'document-card', expected: documentHref('quotations') },
  ];
  for (const { list, nav, row, card, expected } of lists) {
    const back = `[data-testid=${nav}]`;
    for (const [view, item] of [['table', row], ['cards', card]]) {
      await step(`${list} as ${view}: 1st and 5th open their own page`, async () => {
        await b.tap(back);
        await b.tap(`[data-testid=view-${view}]`);
        await tapRows(b, { list: `${list} (${view})`, rowSelector: `[data-testid=${item}]`, expected, back });
      });
    }
    await b.tap(back);
    await b.tap('[data-testid=view-table]');
  }

  await step('products', async () => {
    await b.tap('[data-testid=nav-products]');
    await b.waitFor(`document.querySelectorAll('[data-testid=product-row], [data-testid=product-card]').length > 0`, 'products listed');
  });

  await step('Offline Configurator: customers and products chosen, saved, ready', async () => {
    await b.tap('[data-testid=nav-offline-configurator]');
    await configuratorSettled(b);
    await tapTo(b, '[data-testid=edit-customers]', '/offline/customers');
    await b.tap('[data-testid=apply-filter]');
    await pickCandidates(b, 3);
    await configuratorSettled(b);
    await tapTo(b, '[data-testid=edit-products]', '/offline/products');
    await b.tap('[data-testid=apply-filter]');
    await pickCandidates(b, 3);
    await b.waitFor(`document.querySelector('[data-testid=offline-readiness]')?.dataset.ready === 'true'`,
      '"ready for offline"', 90_000);
    await b.waitFor('!!navigator.serviceWorker && !!navigator.serviceWorker.controller', 'the service worker controlling the page', 30_000);
  });

  await step('ERP stopped: a reload opens the app from the service worker with today\'s selection', async () => {
    await erp.stop();
    await b.reload();
    await b.visible('[data-testid=seller-name]', 30_000);
    await b.waitFor(`document.querySelector('[data-testid=connectivity]')?.dataset.state === 'offline'`, 'the app saying offline', 30_000);
    await b.tap('[data-testid=nav-customers]');
    await b.waitFor(`document.querySelector('[data-testid=customers-list]')?.dataset.source === 'device'
      && document.querySelectorAll('[data-testid=customer-row], [data-testid=customer-card]').length === 3`, 'the 3 customers of today\'s selection, from the device');
  });

  let externalId;
  await step('an order written offline', async () => {
    await b.tap('[data-testid=nav-orders]');
    await b.tap('[data-testid=document-new]');
    await b.type('[data-testid=customer-search]', '000');
    await b.visible('[data-testid=customer-option]:not([disabled])');
    await b.tap('[data-testid=customer-option]:not([disabled])');
    await b.tap('[data-testid=step-3]');
    await b.type('[data-testid=product-search]', 'p0');
    await b.visible('[data-testid=product-option]');
    await b.tap('[data-testid=product-option]');
    await b.visible('[data-testid=item-quantity]');
    await b.tap('[data-testid=step-4]');
    await b.tap('[data-testid=form-send]');
    await b.visible('[data-testid=sent-page]', 20_000);
    externalId = (await b.path()).split('/sent/')[1];
    check(externalId, 'the sent page names the document');
    await b.waitFor(`document.querySelector('[data-testid=send-state]')?.dataset.state === 'pending'`, 'the order pending on the device');
  });

  await step('the order\'s card in My Orders opens it', async () => {
    await b.tap('[data-testid=nav-orders]');
    await b.visible('[data-testid=unsent-document]');
    await b.tap('[data-testid=unsent-document]');
    await b.waitFor(`location.pathname === ${q(`/sent/${externalId}`)}`, 'the unsent order\'s card to open it');
  });

  await step('ERP back: the order reaches it exactly once', async () => {
    await erp.start({ keepData: true });
    const end = Date.now() + 90_000;
    let orders = [];
    while (Date.now() < end && orders.length === 0) {
      orders = await erp.ordersWithExternalId(externalId);
      if (orders.length === 0) await sleep(1_000);
    }
    check(orders.length === 1, `the ERP holds ${orders.length} orders under ${externalId} (want 1)`);
    await b.waitFor(`document.querySelector('[data-testid=send-state]')?.dataset.state === 'synced'`, 'the order synced on the device', 60_000);
    await sleep(3_000); // anything sent twice would have arrived by now
    const again = await erp.ordersWithExternalId(externalId);
    check(again.length === 1, `after a pause the ERP holds ${again.length} orders under ${externalId} (want 1)`);
  });
}
