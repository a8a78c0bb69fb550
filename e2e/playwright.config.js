// Playwright drives Debian's Chromium (never a downloaded browser) against the real
// stand-in server serving the release build from dist/, on a fresh SQLite database.
const { defineConfig } = require('@playwright/test');

const PORT = Number(process.env.MASCATE_E2E_PORT || 8099);

module.exports = defineConfig({
  testDir: './tests',
  // Every test runs under the app's CSP; any violation report fails the run (csp-check.js).
  globalSetup: require.resolve('./csp-setup'),
  globalTeardown: require.resolve('./csp-teardown'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One server, one database: tests that write must not race each other.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1024, height: 768 },
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    cwd: '..',
    command:
      `rm -rf target/e2e-data && MASCATE_LOG=warn target/release/mascate-server --port ${PORT} ` +
      `--data-dir target/e2e-data --dist dist --fixtures fixtures`,
    url: `http://127.0.0.1:${PORT}/api/mascate/v1/about`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
