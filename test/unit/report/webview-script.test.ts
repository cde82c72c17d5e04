// The report webview's own script builds nothing from markup: spec text reaches the page only through the
// escaped HTML the renderer writes, so the script must never parse strings as HTML or code. A static check,
// next to the browser tests that render hostile text (test/integration/51-report-webview.test.ts).
// @verifies STM-7, STM-1
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const MEDIA = path.join(__dirname, '../../../media');

describe('report: the webview script', () => {
  it('never turns strings into markup or code', () => {
    const scripts = fs.readdirSync(MEDIA).filter((name) => name.endsWith('.js'));
    assert.ok(scripts.includes('report.js'));
    for (const name of scripts) {
      const text = fs.readFileSync(path.join(MEDIA, name), 'utf8');
      assert.doesNotMatch(text, /\.(?:innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/, name);
      assert.doesNotMatch(text, /\beval\s*\(|new\s+Function\s*\(|set(?:Timeout|Interval)\s*\(\s*['"`]/, name);
    }
  });
});
