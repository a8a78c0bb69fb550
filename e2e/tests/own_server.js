// A server of a spec's own (port MASCATE_E2E_PORT + 1), for what the shared one cannot do:
// short token lifetimes, a shifted clock, being stopped and started, and an access log to
// count what reached it. One at a time (the suite runs with one worker).
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const PORT = Number(process.env.MASCATE_E2E_PORT || 8099) + 1;
const BASE = `http://127.0.0.1:${PORT}`;

let server = null;

/** Starts the server on a fresh database (unless `keepData`), with extra flags. */
async function startServer({ name, args = [], keepData = false }) {
  const data = path.join(ROOT, `target/e2e-${name}`);
  if (!keepData) fs.rmSync(data, { recursive: true, force: true });
  const log = path.join(data, 'access.log');
  server = spawn(path.join(ROOT, 'target/release/mascate-server'), [
    '--port', String(PORT), '--data-dir', data, '--dist', path.join(ROOT, 'dist'),
    '--fixtures', path.join(ROOT, 'fixtures'), '--access-log', log, ...args,
  ], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${BASE}/api/mascate/v1/about`)).ok) return { log };
    } catch (_) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

async function stopServer() {
  if (!server) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  server = null;
}

/** The requests the server logged: [{ ms, method, path, status }], optionally filtered. */
function requests(log, method, pathPrefix) {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [ms, m, p, status] = l.split(' ');
    return { ms: Number(ms), method: m, path: p, status: Number(status) };
  }).filter((r) => (!method || r.method === method) && (!pathPrefix || r.path.startsWith(pathPrefix)));
}

/** Counts the BroadcastChannel listeners a page holds open (installed before the app runs). */
const COUNT_CHANNEL_LISTENERS = () => {
  const Real = window.BroadcastChannel;
  window.__listening = new Set();
  window.BroadcastChannel = class extends Real {
    set onmessage(f) {
      super.onmessage = f;
      if (f) window.__listening.add(this); else window.__listening.delete(this);
    }
    get onmessage() { return super.onmessage; }
    close() { window.__listening.delete(this); super.close(); }
  };
};

module.exports = { BASE, PORT, startServer, stopServer, requests, COUNT_CHANNEL_LISTENERS };
