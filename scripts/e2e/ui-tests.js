// Drives the real workbench UI in headless Chromium with the extension installed from the .vsix:
// the activity-bar container and its tree, a click that opens the item's line, a hover with the title,
// highlighting of IDs in comments, and a command run from the command palette that opens the report.
// env: CS_URL, WS_FOLDER, SHOTS (screenshot folder)
const fs = require('fs');
const path = require('path');
const { launch, log } = require('./common');
const { workspaceFacts } = require('./workspace-facts');

const BASE = process.env.CS_URL;
const FOLDER = path.resolve(process.env.WS_FOLDER);
const SHOTS = path.resolve(process.env.SHOTS);
const EXPECTED_CHECKS = 7;

(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const facts = workspaceFacts(FOLDER);
  const { page, close } = await launch();
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
