// Runs the integration suite (mocha) INSIDE code-server's real extension host.
// How: the web workbench's `payload` URL parameter (extensionDevelopmentPath / extensionTestsPath), the same
// mechanism @vscode/test-web uses. code-server must run with `--vscode-option enable-smoke-test-driver`,
// otherwise the built workbench ignores the payload. The result comes back through
// window.codeAutomationExit and the extension host's console through window.codeAutomationLog.
//
// env: CS_URL, EXT_DEV (extension folder: the installed .vsix), EXT_TESTS (test module, without .js),
//      WS_FOLDER, TEST_TIMEOUT_MS, LOG_FILE, SHOT
const fs = require('fs');
const path = require('path');
const util = require('util');
const { launch, log } = require('./common');

const BASE = process.env.CS_URL;
const EXT = path.resolve(process.env.EXT_DEV);
const TESTS = path.resolve(process.env.EXT_TESTS);
const FOLDER = path.resolve(process.env.WS_FOLDER);
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 300000);
// Startup chatter of the workbench that says nothing about our tests.
const NOISE = /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate)\]|open-vsx\.org|authentication provider 'github'|^\s+at /;

(async () => {
  const remote = (p) => `vscode-remote://${new URL(BASE).host}${p}`; // the remote authority is host:port
  const payload = [['extensionDevelopmentPath', remote(EXT)], ['extensionTestsPath', remote(TESTS)], ['skipWelcome', 'true']];
  const url = `${BASE}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const logFile = process.env.LOG_FILE ? fs.createWriteStream(process.env.LOG_FILE) : null;
  let passes = 0;
  let failures = null;

  const { page, close } = await launch();
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    logFile?.write(line + '\n');
    const match = /MOCHA RESULT passes=(\d+) failures=(\d+)/.exec(line);
    if (match) {
      passes = Number(match[1]);
      failures = Number(match[2]);
    }
    const shown = line.split('\n').filter((l) => !NOISE.test(l)).join('\n');
    if (shown.trim()) console.log('[exthost]', shown);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  log('opening the workbench in extension-test mode');
  await page.goto(url);
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT))]);
  log('extension host exited, code =', code);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT }).catch(() => {});
  await close();
  logFile?.end();
  const ok = code === 0 && failures === 0;
  console.log(`EXTHOST SUMMARY passes=${passes} failures=${failures ?? (ok ? 0 : 1)} exit=${code}`);
  process.exit(ok ? 0 : 1);
})().catch((error) => {
  console.error(error);
  console.log('EXTHOST SUMMARY passes=0 failures=1 exit=error');
  process.exit(2);
});
