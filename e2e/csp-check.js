// Global setup and teardown: the whole suite runs under the app's Content-Security-Policy
// and fails on any violation. The server appends every violation report the browser sends
// (report-uri in the policy header) to csp-reports.jsonl in its data folder; setup clears the
// files of both servers the suite starts, teardown fails the run if either holds a report.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const FILES = ['target/e2e-data', 'target/e2e-next-day'].map((d) => path.join(ROOT, d, 'csp-reports.jsonl'));

function clear() {
  for (const f of FILES) fs.rmSync(f, { force: true });
}

function check() {
  const reports = FILES.filter((f) => fs.existsSync(f))
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((line) => `${path.basename(path.dirname(f))}: ${line}`));
  if (reports.length) {
    throw new Error(`${reports.length} Content-Security-Policy violation(s):\n${reports.join('\n')}`);
  }
}

module.exports = { clear, check };
