// Runs the rep's journey (journey.mjs) in each engine named, one after another, each on a
// server and database of its own: `node engines/run.mjs [chromium] [firefox] [webkit]`
// (all three by default). Prints a line a step, a screenshot of the page where a journey
// failed (target/e2e-engines/ENGINE-failed.png), and closes with "N passed, N failed".

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from './drivers.mjs';
import { Erp, journey } from './journey.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'target/e2e-engines');
const ENGINES = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox', 'webkit'];
// Past the Playwright suite's two servers (MASCATE_E2E_PORT and the one after it).
const FIRST_PORT = Number(process.env.MASCATE_E2E_PORT || 8099) + 10;
// A journey that hangs must still end (an engine's driver can stop answering).
const JOURNEY_MS = 8 * 60_000;

fs.mkdirSync(OUT, { recursive: true });
// Interrupted (Ctrl-C, a time limit): no server is left holding its port.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of Erp.running) child.kill('SIGKILL');
    process.exit(130);
  });
}
let passed = 0;
let failed = 0;
for (const [i, name] of ENGINES.entries()) {
  const erp = new Erp(name, FIRST_PORT + i);
  let browser = null;
  const started = Date.now();
  console.log(`${name}:`);
  try {
    await erp.start();
    browser = await launch(name);
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the journey took over ${JOURNEY_MS / 1000} s`)), JOURNEY_MS);
    });
    await Promise.race([journey(browser, erp, console.log), limit]).finally(() => clearTimeout(timer));
    passed++;
    console.log(`  ${name} passed in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name} failed: ${e.message || e}`);
    if (process.env.JOURNEY_DEBUG) console.log(e); // the whole stack
    if (browser) {
      const shot = path.join(OUT, `${name}-failed.png`);
      await browser.screenshot(shot).then(() => console.log(`    screenshot: ${path.relative(ROOT, shot)}`), () => {});
    }
  } finally {
    if (browser) await browser.close();
    await erp.stop();
  }
}
console.log(`engines: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
