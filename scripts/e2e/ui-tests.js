// Drives the real workbench UI in headless Chromium with the extension installed from the .vsix:
// the activity-bar container and its tree, a click that opens the item's line, a hover with the title,
// highlighting of IDs in comments, and a command run from the command palette that opens the report.
// Then the report webview's own attack surface, after the screenshots: hostile spec text, code comments
// and a file name written into the workspace must show as text and run nothing, the webview may load
// only the extension's media, crafted messages from the webview open nothing, and export replaces a file
// only after VS Code asked (keeping the file's mode).
// env: CS_URL, WS_FOLDER, SHOTS (screenshot folder)
const fs = require('fs');
const path = require('path');
const { launch, log } = require('./common');
const { hostileFiles } = require('./hostile-workspace');
const { workspaceFacts } = require('./workspace-facts');

const BASE = process.env.CS_URL;
const FOLDER = path.resolve(process.env.WS_FOLDER);
const SHOTS = path.resolve(process.env.SHOTS);
const EXPECTED_CHECKS = 11;

(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const facts = workspaceFacts(FOLDER);
  const { page, close } = await launch();
  // Content-Security-Policy reports from any frame (the webview's frames included), for the hostile checks.
  const policyReports = [];
  page.on('console', (message) => /Content.Security.Policy/i.test(message.text()) && policyReports.push(message.text()));
  const results = [];
  const check = async (name, fn) => {
    try {
      await fn();
      results.push(true);
      log('PASS', name);
    } catch (error) {
      results.push(false);
      log('FAIL', name, '-', String(error.message).split('\n')[0]);
      await shot(page, `FAILED-${results.length}`);
    }
  };
  try {
    await page.goto(`${BASE}/?folder=${encodeURIComponent(FOLDER)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    log('workbench loaded');
    const ui = helpers(page);
    let threatId;

    await check('the Security Traceability container shows the Threats tree', async () => {
      await ui.openContainer();
      const row = ui.viewRow('Threats', /^THR-\d/);
      await row.first().waitFor({ timeout: 60000 });
      threatId = /^(THR-\d+(?:\.\d+)*)/.exec((await row.first().innerText()).trim())[1];
      const definition = facts.definitions.get(threatId);
      if (!definition) throw new Error(`${threatId} is shown but not defined in the workspace`);
      if (!(await row.first().innerText()).includes(definition.title.slice(0, 20))) throw new Error(`the row does not show the title "${definition.title}"`);
      await ui.widenSidebar(520);
      await ui.expand(row.first());
      // One level deeper (the first mitigation), so the screenshot shows code and tests too.
      await ui.expand(page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Threats' }) }).locator('.monaco-list-row[aria-level="2"]').first());
    });

    await check('clicking a tree item opens its definition at the line, with CodeLens', async () => {
      const definition = facts.definitions.get(threatId);
      await ui.viewRow('Threats', new RegExp(`^${threatId}\\b`)).first().click();
      await ui.waitForEditorTab(path.posix.basename(definition.file));
      await ui.waitForCursorLine(definition.line);
      // CodeLens above spec items shows coverage; wait for it so the screenshot has it.
      await page.locator('.monaco-editor .codelens-decoration a').first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(500);
      await shot(page, 'tree');
    });

    await check('hover on a tagged ID shows the item title', async () => {
      const { tagged } = facts;
      if (!tagged) throw new Error('no code comment tags a defined ID in this workspace');
      await ui.openFileAtLine(tagged.file, tagged.line);
      const title = facts.definitions.get(tagged.id).title;
      await ui.hoverUntil(ui.editorToken(tagged.id), page.locator('.monaco-hover', { hasText: title.slice(0, 25) }).first());
      await page.waitForTimeout(600); // the hover fades in
      await shot(page, 'hover');
    });

    await check('IDs and tags in comments are highlighted by the injection grammar', async () => {
      const { tagged } = facts;
      const id = await ui.editorToken(tagged.id).getAttribute('class');
      const tag = await ui.editorToken('@implements').getAttribute('class');
      const line = ui.editorLineContaining(`@implements ${tagged.id}`);
      const comment = await line.locator('span > span').first().getAttribute('class');
      if (!id || id === comment || tag === comment) throw new Error(`ID/tag tokens are styled like the comment (${id}, ${tag}, ${comment})`);
      await page.mouse.move(5, 5);
    });

    await check('Run Traceability Check from the command palette', async () => {
      await ui.runCommand('sectrace: Run Traceability Check');
      const toast = page.locator('.notification-toast', { hasText: 'Traceability check' });
      await toast.waitFor({ timeout: 30000 });
      log('  notification:', (await toast.innerText()).replace(/\s+/g, ' '));
      await toast.locator('.monaco-button', { hasText: 'Open Report' }).click();
    });

    await check('the report webview shows the engine report', async () => {
      await ui.waitForEditorTab('Traceability Report');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await frame.locator('.sectrace-toolbar').waitFor({ timeout: 30000 });
      await frame.locator('main.sectrace-report', { hasText: threatId }).waitFor({ timeout: 30000 });
      await page.waitForTimeout(500);
      await shot(page, 'report');
    });

    await check('a file link in the report opens the file in the editor', async () => {
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const link = frame.locator('main.sectrace-report a[data-file]').first();
      const file = await link.getAttribute('data-file');
      await link.click();
      await ui.waitForActiveEditorTab(path.posix.basename(file));
    });

    // ---- The report webview's attack surface (after the screenshots, which must not show it).
    const hostile = hostileFiles(FOLDER);
    let report;
    await check('hostile spec text, comments and file names in the report webview show as text and run nothing', async () => {
      for (const [file, content] of Object.entries(hostile.files)) {
        fs.mkdirSync(path.dirname(path.join(FOLDER, file)), { recursive: true });
        fs.writeFileSync(path.join(FOLDER, file), content);
      }
      const reportsBefore = policyReports.length;
      // The extension picks the new files up through its file watcher; the report renders the trace it has.
      let found = false;
      for (let attempt = 0; attempt < 6 && !found; attempt++) {
        await ui.runCommand('sectrace: Open Traceability Report');
        await ui.waitForEditorTab('Traceability Report');
        report = await reportFrames(page);
        found = await report.inner.evaluate((id) => document.body.innerText.includes(id), hostile.threatId).catch(() => false);
        if (!found) await page.waitForTimeout(2000);
      }
      if (!found) throw new Error(`${hostile.threatId} never appeared in the report`);
      await page.waitForTimeout(1000); // any payload that could run has had its chance
      const seen = await report.inner.evaluate((markers) => {
        const text = document.body.innerText;
        const attributes = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => [el.tagName, a.name, a.value]));
        return {
          missing: markers.filter((m) => !text.includes(m)),
          elements: [...document.querySelectorAll('main img, main svg, main iframe, main textarea, main object, main embed, main script, main style, main b')].map((el) => el.outerHTML.slice(0, 80)),
          handlers: attributes.filter(([, name]) => /^on/i.test(name)).map((a) => a.join(' ')),
          scriptLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
          // VS Code puts its own script (which defines acquireVsCodeApi) at the top of the page, before our
          // policy applies; every other script must carry our nonce.
          scripts: [...document.querySelectorAll('script')].map((el) => (el.nonce ? 'nonce' : /acquireVsCodeApi\s*=/.test(el.textContent) ? "VS Code's" : 'NO NONCE') + ' ' + (el.src ? 'src' : 'inline')),
          pwned: window.__pwned,
        };
      }, hostile.markers);
      const outer = await report.outer.evaluate(() => window.__pwned);
      const top = await page.evaluate(() => window.__pwned);
      const problems = [];
      if (seen.missing.length) problems.push(`not shown as text: ${seen.missing.join(' | ')}`);
      if (seen.elements.length) problems.push(`elements from workspace text: ${seen.elements.join(' | ')}`);
      if (seen.handlers.length) problems.push(`event handler attributes: ${seen.handlers.join(' | ')}`);
      if (seen.scriptLinks.length) problems.push(`script links: ${seen.scriptLinks.join(' | ')}`);
      if (seen.scripts.some((s) => s.startsWith('NO NONCE'))) problems.push(`a script without the nonce: ${seen.scripts.join(', ')}`);
      if (seen.pwned !== undefined || outer !== undefined || top !== undefined) problems.push(`a payload ran: __pwned = ${seen.pwned ?? outer ?? top}`);
      const reports = policyReports.slice(reportsBefore);
      if (reports.length) problems.push(`policy violations (a blocked payload, or our own script refused): ${reports.join(' | ')}`);
      if (problems.length) throw new Error(problems.join('; '));
      log(`  ${hostile.markers.length} hostile texts shown as text; scripts: ${seen.scripts.join(', ')}`);
    });

    await check('the webview enforces its policy and runs its own scripts: an injected inline script is refused', async () => {
      if (!report) throw new Error('no report frame');
      // The report's inline script (under the nonce) made the tables sortable; report.js acquired the API.
      const own = await report.inner.evaluate(async () => {
        const button = document.querySelector('table.sortable th button');
        button?.click();
        let acquired = false;
        try {
          acquireVsCodeApi();
        } catch (error) {
          acquired = /already been acquired/.test(String(error));
        }
        return { sorted: button?.closest('th')?.getAttribute('aria-sort') ?? 'no sortable table', acquired };
      });
      if (own.sorted !== 'ascending') throw new Error(`the report's inline script did not run: ${own.sorted}`);
      if (!own.acquired) throw new Error('report.js did not run (the webview API was not acquired)');
      // A script added to the page without the nonce is what an injection would be: the policy refuses it.
      const injected = await report.inner.evaluate(() => new Promise((resolve) => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = "inline"';
        document.body.appendChild(script);
        const img = document.createElement('img');
        img.setAttribute('src', 'data:,');
        img.setAttribute('onerror', 'window.__pwned = "handler"');
        document.body.appendChild(img);
        setTimeout(() => resolve({ pwned: window.__pwned, violations }), 1000);
      }));
      if (injected.pwned !== undefined) throw new Error(`an injected script ran: ${injected.pwned}`);
      if (!injected.violations.some((d) => d.startsWith('script-src'))) throw new Error(`no script-src violation was reported: ${injected.violations.join(', ')}`);
      log(`  refused: ${injected.violations.join(', ')}`);
    });

    await check('the webview may load only the extension\'s media, and crafted messages from it open nothing', async () => {
      if (!report) throw new Error('no report frame');
      // localResourceRoots: the extension's media folder loads; a picture in the workspace does not.
      const loads = await report.inner.evaluate(async (workspacePicture) => {
        const css = document.querySelector('link[rel="stylesheet"]').href;
        const load = (url) => new Promise((resolve) => {
          const img = new Image();
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('refused');
          img.src = url;
          setTimeout(() => resolve('timeout'), 10000);
        });
        const media = new URL('icon.png', css).href;
        const outside = new URL(css);
        outside.pathname = workspacePicture.split('/').map(encodeURIComponent).join('/');
        return { media: await load(media), workspace: await load(outside.href), mediaUrl: media, workspaceUrl: outside.href };
      }, path.join(FOLDER, hostile.picture).split(path.sep).join('/'));
      if (loads.media !== 'loaded') throw new Error(`the extension's own media did not load: ${loads.media} ${loads.mediaUrl}`);
      if (loads.workspace !== 'refused') throw new Error(`a workspace file outside media was not refused: ${loads.workspace} ${loads.workspaceUrl}`);
      log(`  loaded ${loads.mediaUrl}; refused ${loads.workspaceUrl}`);
      // Messages: what a script in the webview could send, straight into the webview's channel to the extension.
      const tabsBefore = await page.locator('.tabs-container .tab').allInnerTexts();
      await report.outer.evaluate((messages) => {
        for (const message of messages) window.__vscode_post_message__('onmessage', { message });
      }, [
        // Deep enough to reach the file system's root from any workspace folder.
        { type: 'open', file: `${'../'.repeat(24)}etc/passwd`, line: 1 },
        { type: 'open', file: '/etc/passwd', line: 1 },
        { type: 'open', file: 'src/../../../../etc/passwd', line: 1 },
        { type: 'open', file: '..\\..\\etc\\passwd', line: 1 },
        { type: 'open', file: 'file:///etc/passwd', line: 1 },
        { type: 'open', file: 'src/not-in-the-trace.ts', line: 1 },
        { type: 'open', file: 42 },
        { type: 'open' },
        { type: 'export', format: 'exe' },
        { type: 'run', command: 'workbench.action.terminal.new' },
        'open',
        null,
        [1, 2],
      ]);
      await page.waitForTimeout(1500);
      const tabsAfter = await page.locator('.tabs-container .tab').allInnerTexts();
      if (tabsAfter.join('|') !== tabsBefore.join('|')) throw new Error(`a crafted message opened something: ${tabsAfter.join(', ')}`);
      if (await page.locator('.quick-input-widget:visible, .terminal-wrapper:visible').count()) throw new Error('a crafted message opened a dialog or a terminal');
      // The channel itself works: the same way, a file the trace knows opens.
      await report.outer.evaluate((file) => window.__vscode_post_message__('onmessage', { message: { type: 'open', file, line: 1 } }), facts.tagged.file);
      await ui.waitForActiveEditorTab(path.posix.basename(facts.tagged.file));
    });

    await check('export from the report asks before replacing a file, and a replaced file keeps its mode', async () => {
      const target = path.join(FOLDER, 'zz-old-report.md');
      fs.writeFileSync(target, 'Our own notes, not a report.\n');
      fs.chmodSync(target, 0o640);
      const exportTo = async () => {
        await page.locator('.tabs-container .tab', { hasText: 'Traceability Report' }).first().click();
        report = await reportFrames(page);
        await report.inner.locator('button[data-export="md"]').click();
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 15000 });
        await typeFileName(page, input, target);
        await page.keyboard.press('Enter');
        // VS Code's own question before it replaces an existing file.
        await page.locator('.quick-input-widget', { hasText: 'already exists' }).waitFor({ state: 'visible', timeout: 15000 });
      };
      await exportTo();
      await page.keyboard.press('Escape'); // no: back to the file name
      await page.keyboard.press('Escape'); // and out of the dialog
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
      await page.waitForTimeout(1000);
      if (fs.readFileSync(target, 'utf8') !== 'Our own notes, not a report.\n') throw new Error('the file was replaced without a yes');
      await exportTo();
      await page.keyboard.press('Enter'); // yes
      const deadline = Date.now() + 15000;
      while (!fs.readFileSync(target, 'utf8').startsWith('<!-- sectrace:report')) {
        if (Date.now() > deadline) throw new Error('the report was not written after the yes');
        await page.waitForTimeout(250);
      }
      const mode = fs.statSync(target).mode & 0o777;
      if (mode !== 0o640) throw new Error(`the replaced file's mode changed to ${mode.toString(8)}`);
    });
  } catch (error) {
    log('aborted:', error.message);
    await shot(page, 'FAILED');
  } finally {
    await close();
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed + (EXPECTED_CHECKS - results.length);
  console.log(`UI SUMMARY passes=${passed} failures=${failed}`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  console.log(`UI SUMMARY passes=0 failures=${EXPECTED_CHECKS}`);
  process.exit(2);
});

/**
 * Types a path into VS Code's simple file dialog. The dialog fills in its own folder and name a moment
 * after it shows, selecting only the name, so text typed too early lands inside its value: wait until it
 * has a value, replace all of it, and check what it holds before going on.
 */
async function typeFileName(page, input, target) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input')?.value ?? '').length > 0, null, { timeout: 15000 });
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(target);
    await page.waitForTimeout(300);
    if ((await input.inputValue()) === target) return;
  }
  throw new Error(`the file dialog would not take the name ${target}; it holds ${await input.inputValue()}`);
}

/** The report webview's two frames: the host frame VS Code owns, and the frame holding our page. */
async function reportFrames(page) {
  const outerHandle = await page.locator('iframe.webview.ready').last().elementHandle({ timeout: 30000 });
  const outer = await outerHandle.contentFrame();
  await outer.locator('#active-frame').waitFor({ state: 'attached', timeout: 30000 });
  const inner = await (await outer.locator('#active-frame').elementHandle()).contentFrame();
  await inner.locator('main.sectrace-report').waitFor({ state: 'attached', timeout: 30000 });
  return { outer, inner };
}

function shot(page, name) {
  return page.screenshot({ path: path.join(SHOTS, `${name}.png`) }).catch(() => {});
}

/** The text editor of the focused editor group (other groups and hidden editors may hold the same text). */
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';

/** Workbench gestures. Selectors are VS Code's own DOM classes, which are stable across recent releases. */
function helpers(page) {
  const quickInput = page.locator('.quick-input-widget input');
  const openQuickInput = async (keys) => {
    for (let attempt = 0; attempt < 4; attempt++) {
      await page.locator('.part.editor').click({ position: { x: 300, y: 200 } }).catch(() => {});
      await page.keyboard.press(keys[attempt % keys.length]);
      try {
        await quickInput.waitFor({ state: 'visible', timeout: 3000 });
        return;
      } catch {
        // Focus can sit in a pane header right after startup; try again.
      }
    }
    throw new Error('the quick input did not open');
  };
  return {
    async openContainer() {
      const tab = page.locator('.activitybar .action-item .action-label[aria-label^="Security Traceability"]');
      await tab.first().waitFor({ timeout: 60000 });
      await tab.first().click();
    },
    viewRow(viewName, text) {
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: viewName }) });
      return pane.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: text }) });
    },
    async expand(row) {
      await row.waitFor({ timeout: 15000 });
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    },
    /** Drags the sash between the side bar and the editor, so tree labels are not cut off. */
    async widenSidebar(width) {
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      const y = sidebar.y + sidebar.height / 2;
      await page.mouse.move(sidebar.x + sidebar.width + 1, y);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + width, y, { steps: 8 });
      await page.mouse.up();
    },
    async waitForEditorTab(name) {
      await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 20000 });
    },
    /**
     * Moves the mouse over `target` until `hover` shows. The editor re-renders a line when tokens or
     * decorations arrive, which replaces its spans, so the target is looked up again on each attempt.
     */
    async hoverUntil(target, hover) {
      for (let attempt = 1; ; attempt++) {
        await target.waitFor({ state: 'visible', timeout: 15000 });
        const box = await target.boundingBox();
        if (box) {
          await page.mouse.move(box.x + 3, box.y + box.height / 2);
          await page.mouse.move(box.x + 8, box.y + box.height / 2);
          if (await hover.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) return;
        }
        if (attempt === 4) throw new Error('no hover appeared');
        await page.mouse.move(5, 5);
        await page.waitForTimeout(500);
      }
    },
    async waitForActiveEditorTab(name) {
      await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 20000 });
    },
    async waitForCursorLine(line) {
      const status = page.locator('[id="status.editor.selection"]');
      await status.locator(`text=/Ln ${line},/`).waitFor({ timeout: 15000 }).catch(async () => {
        throw new Error(`the cursor is not on line ${line}: "${await status.innerText().catch(() => '?')}"`);
      });
    },
    async openFileAtLine(file, line) {
      await openQuickInput(['Control+P']);
      await quickInput.fill(`${file}:${line}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: path.posix.basename(file) }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await this.waitForEditorTab(path.posix.basename(file));
    },
    editorLineContaining(text) {
      return page.locator(`${ACTIVE_EDITOR} .view-line`, { hasText: text }).first();
    },
    editorToken(text) {
      return page.locator(`${ACTIVE_EDITOR} .view-line span > span`, { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
    },
    async runCommand(title) {
      await openQuickInput(['F1', 'Control+Shift+P']);
      await quickInput.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^.*?: /, '') }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
    },
  };
}
