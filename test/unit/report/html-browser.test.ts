// The HTML report in a real browser (headless Chromium): the tables render, sorting and filtering work,
// the page makes no request and runs no script of the workspace's, and light and dark both apply.
// Skipped, with a note, where /usr/bin/chromium is not installed, so the unit suite stays fast.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, renderReport } from '../../../src/core/report';
import { joinLines } from '../../support/text';
import { CONTEXT, ROOT, traceFiles, traceFolder } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-results', 'report');

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe('report: HTML in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;

  before(async function () {
    const playwright = await import('playwright-core').catch(() => undefined);
    if (!fs.existsSync(CHROMIUM) || !playwright) {
      console.log(`    (skipped: ${!playwright ? 'playwright-core is not installed' : `${CHROMIUM} is not installed; apt-get install chromium to run it`})`);
      this.skip();
    }
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM });
    fs.mkdirSync(OUT, { recursive: true });
  });

  after(async () => {
    await browser?.close();
  });

  it('renders the example report with working tables, no requests, light and dark screenshots', async () => {
    const example = path.join(ROOT, 'examples', 'infusion-pump');
    const report = buildReport(await traceFolder(example), CONTEXT);
    const { page, requests, errors } = await open(browser as Browser, renderReport(report, 'html'), 'example.html');

    for (const id of ['kinds-table', 'evidence-table', 'threat-table', 'matrix-table', 'interface-table', 'finding-table']) {
      if (id === 'finding-table' && !report.findings.length) continue;
      assert.ok((await page.locator(`#${id} tbody tr`).count()) > 0, `#${id} has rows`);
    }
    assert.equal(await page.locator('#matrix-table tbody tr').count(), report.matrix.length);

    const firstId = () => page.locator('#matrix-table tbody tr:first-child td:first-child').innerText();
    const header = page.locator('#matrix-table th:first-child button');
    await header.click();
    await header.click();
    assert.equal(await firstId(), [...report.matrix].map((r) => r.id).sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))[0], 'descending after two clicks');

    const target = report.matrix[0].id;
    await page.locator('input[data-filter="matrix-table"]').fill(target);
    const visible = await page.locator('#matrix-table tbody tr:visible').allInnerTexts();
    assert.ok(visible.length >= 1 && visible.every((row) => row.includes(target)), 'the filter keeps matching rows only');
    await page.locator('input[data-filter="matrix-table"]').fill('');

    // The interface register sorts by exposure (external, both, internal, not stated) and filters.
    assert.equal(await page.locator('#interface-table tbody tr').count(), report.interfaces.length);
    const exposure = page.locator('#interface-table th:nth-child(3) button');
    const firstExposure = () => page.locator('#interface-table tbody tr:first-child td:nth-child(3)').innerText();
    await exposure.click();
    assert.equal(await firstExposure(), 'external');
    await exposure.click();
    assert.equal(await firstExposure(), 'not stated');
    await page.locator('input[data-filter="interface-table"]').fill('/metrics');
    assert.deepEqual((await page.locator('#interface-table tbody tr:visible td:first-child a').allInnerTexts()), ['GET /metrics']);
    await page.locator('input[data-filter="interface-table"]').fill('');

    const light = await background(page);
    await page.screenshot({ path: path.join(OUT, 'report-light.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background(page);
    await page.screenshot({ path: path.join(OUT, 'report-dark.png'), fullPage: true });
    assert.notEqual(light, dark, 'prefers-color-scheme: dark changes the colours');

    assert.deepEqual(requests, [], 'no network request');
    assert.deepEqual(errors, [], 'no script error or CSP violation');
    await page.close();
  });

  it('shows hostile spec text as text and never runs it', async () => {
    const snapshot = await traceFiles({
      'docs/spec.md': joinLines('## SR-1: `<script>alert(1)</script><img src=x onerror=alert(2)>`', 'needs: impl', ''),
      'src/a.ts': '// @implements SR-1\n',
    });
    const { page, requests, errors, dialogs } = await open(browser as Browser, renderReport(buildReport(snapshot, CONTEXT), 'html'), 'hostile.html');
    const title = await page.locator('#matrix-table tbody tr:first-child td:nth-child(3)').innerText();
    assert.equal(title, '<script>alert(1)</script><img src=x onerror=alert(2)>');
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

async function open(browser: Browser, html: string, name: string) {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  return { page, requests, errors, dialogs };
}

function background(page: Page): Promise<string> {
  // A string, not a function: the test project has no DOM types.
  return page.evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
}
