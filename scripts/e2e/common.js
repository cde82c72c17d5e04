// Shared by the browser-driven scripts: Debian's Chromium through playwright-core (no browser download),
// and a timestamped log.
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', // CI containers often run as root, where Chromium's sandbox cannot start
  '--disable-gpu', '--disable-quic', '--no-first-run',
  // Keep the browser from calling home: the tests must not depend on any network but the local server.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function launch(viewport = { width: 1400, height: 900 }) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sectrace-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close };
}

const started = Date.now();
const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);

module.exports = { launch, log };
