// Lighthouse benchmark (not a test): the cold login page in Debian's Chromium with tablet
// emulation (768×1024) and Lighthouse's default mobile throttling (simulated slow 4G, 4× CPU).
// Prints the performance score and the load metrics, median of the runs.
//   node bench/lighthouse.js http://127.0.0.1:8140 [runs]
const { execFileSync } = require('child_process');
const path = require('path');

const base = process.argv[2] || 'http://127.0.0.1:8140';
const runs = Number(process.argv[3] || 3);
const bin = path.join(__dirname, '..', 'node_modules', '.bin', 'lighthouse');
const chromeFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
].join(' ');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function run() {
  const out = execFileSync(bin, [
    `${base}/login`, '--quiet', '--only-categories=performance', '--output=json', '--output-path=stdout',
    `--chrome-flags=${chromeFlags}`, '--form-factor=mobile', '--screenEmulation.mobile',
    '--screenEmulation.width=768', '--screenEmulation.height=1024', '--screenEmulation.deviceScaleFactor=2',
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  const lhr = JSON.parse(out.toString());
  const a = lhr.audits;
  const lcpItem = (a['lcp-breakdown-insight']?.details?.items || []).find((i) => i.type === 'node');
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    si: a['speed-index'].numericValue,
    tti: a.interactive?.numericValue ?? NaN,
    lcpElement: lcpItem ? `${lcpItem.selector} "${(lcpItem.nodeLabel || '').slice(0, 40)}"` : '?',
  };
}

const results = [];
for (let i = 0; i < runs; i++) results.push(run());
const m = (k) => median(results.map((r) => r[k]));
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`lighthouse, cold login page, tablet 768×1024, default mobile throttling (median of ${runs}):`);
console.log(`  performance ${m('score')}  (runs: ${results.map((r) => r.score).join(', ')})`);
console.log(`  FCP ${s(m('fcp'))}, LCP ${s(m('lcp'))}, speed index ${s(m('si'))}, TBT ${m('tbt').toFixed(0)} ms, CLS ${m('cls').toFixed(3)}, TTI ${s(m('tti'))}`);
console.log(`  LCP element: ${results[0].lcpElement}`);
