// The report webview's page as the extension hands it to VS Code, with hostile workspace text in it: a
// threat title with script, markup, an attribute breaker and a `javascript:` URL, and a source file whose
// name is markup. The page must carry that text only as escaped text, run nothing but its own nonce'd
// scripts under a strict policy with a fresh nonce per render, load only the extension's media, and accept
// only the two message shapes it knows. (The UI tests check the same page rendered in Chromium.)
// @verifies STM-7, STM-1
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseMessage } from '../../src/vscode/report/messages';
import TITLE_PART_LIST from '../fixtures/hostile/title-parts.json';
import { api, EXTENSION_ID, revertAll, uri, waitFor } from './helpers';

const THREAT = 'THR-9001';
// Shared with the UI test that renders the same text in the real webview (scripts/e2e/hostile-workspace.js).
const TITLE_PARTS: readonly string[] = TITLE_PART_LIST;
const SPEC = 'specs/zz-hostile.md';
const HOSTILE_NAME = 'src/zz-"><img src=x onerror=window.__pwned=13>.ts';
const SPEC_TEXT = [
  // Markdown drops raw HTML from headings, so the title carries it in code spans, which become text.
  `## ${THREAT}: ${TITLE_PARTS.map((part) => '`' + part + '`').join(' ')}`,
  '',
  'severity: high',
  'likelihood: low',
  '',
  'Raw <script>window.__pwned=5</script> and <img src=x onerror="window.__pwned=6">, a [link](javascript:window.__pwned=7).',
  '',
].join('\n');

interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/** Every start tag of the page with its attributes. The renderer always double-quotes attribute values. */
function tagsOf(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attributes: new Map([...m[2].matchAll(/\s+([^\s"'>/=]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''])),
  }));
}

/** The page's text as a browser shows it: tags dropped, character references decoded. */
function textOf(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'" };
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
      if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
      return named[body] ?? entity;
    });
}

function policyOf(html: string): Map<string, string[]> {
  const policy = tagsOf(html).find((t) => t.name === 'meta' && t.attributes.get('http-equiv') === 'Content-Security-Policy')?.attributes.get('content') ?? '';
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

describe('report webview: hostile text, policy, resources and messages', () => {
  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(uri(SPEC), new TextEncoder().encode(SPEC_TEXT));
    await vscode.workspace.fs.writeFile(uri(HOSTILE_NAME), new TextEncoder().encode(`// @mitigates ${THREAT}\n`));
    await waitFor('the hostile threat and its mitigating file', () => {
      const graph = vscode.extensions.getExtension(EXTENSION_ID)?.exports?.snapshot()?.graph;
      return graph?.items.has(THREAT) && graph.fileFacts(HOSTILE_NAME) !== undefined;
    });
    await (await api()).whenIdle();
  });
  after(async () => {
    await revertAll();
    for (const file of [SPEC, HOSTILE_NAME]) await vscode.workspace.fs.delete(uri(file)).then(undefined, () => undefined);
    await waitFor('the hostile threat to be gone', async () => !(await api()).snapshot()?.graph.items.has(THREAT));
  });

  it('shows hostile spec text and file names as text only: no element, handler or script link comes from them', async () => {
    const html = await vscode.commands.executeCommand<string>('sectrace.openReport');
    const text = textOf(html);
    for (const part of [...TITLE_PARTS, HOSTILE_NAME]) assert.ok(text.includes(part), `shown as text: ${part}`);
    const tags = tagsOf(html);
    const names = new Set(tags.map((t) => t.name));
    for (const name of ['img', 'svg', 'iframe', 'textarea', 'b', 'object', 'embed']) assert.ok(!names.has(name), `no <${name}> element`);
    const handlers = tags.flatMap((t) => [...t.attributes.keys()].filter((a) => a.startsWith('on')).map((a) => `<${t.name} ${a}>`));
    assert.deepEqual(handlers, [], 'no event handler attribute');
    const urls = tags.flatMap((t) => ['href', 'src', 'action', 'formaction'].map((a) => t.attributes.get(a)).filter((v): v is string => v !== undefined));
    assert.deepEqual(urls.filter((u) => /^\s*(javascript|data|vbscript):/i.test(textOf(u))), [], 'no script URL');
    const link = tags.find((t) => t.name === 'a' && textOf(t.attributes.get('data-file') ?? '') === HOSTILE_NAME);
    assert.ok(link, 'the file with the hostile name is linked, its name kept inside the attribute');
    assert.equal(tags.filter((t) => t.name === 'script').length, 2, 'the report\'s own inline script and media/report.js, nothing else');
  });

  it('runs under a strict policy with a fresh nonce on every render, and every script and style carries it', async () => {
    const first = await vscode.commands.executeCommand<string>('sectrace.openReport');
    const second = await vscode.commands.executeCommand<string>('sectrace.openReport');
    const nonces = [first, second].map((html) => {
      const policy = policyOf(html);
      assert.deepEqual(policy.get('default-src'), ["'none'"]);
      const scripts = policy.get('script-src') ?? [];
      assert.equal(scripts.length, 1, `script-src is the nonce alone: ${scripts.join(' ')}`);
      const nonce = /^'nonce-([0-9a-f]{36})'$/.exec(scripts[0])?.[1];
      assert.ok(nonce, scripts[0]);
      for (const [directive, sources] of policy) {
        assert.ok(!sources.some((s) => /unsafe-(inline|eval|hashes)|^\*$|^https?:$|^data:$/.test(s) && !(directive === 'img-src' && s === 'data:')), `${directive}: ${sources.join(' ')}`);
      }
      for (const tag of tagsOf(html).filter((t) => t.name === 'script' || t.name === 'style' || (t.name === 'link' && t.attributes.get('rel') === 'stylesheet'))) {
        assert.equal(tag.attributes.get('nonce'), nonce, `<${tag.name}> carries the render's nonce`);
      }
      return nonce;
    });
    assert.notEqual(nonces[0], nonces[1], 'each render has its own nonce');
  });

  it('loads its script and style only from the extension\'s media folder', async () => {
    const html = await vscode.commands.executeCommand<string>('sectrace.openReport');
    const media = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri.path;
    assert.ok(media);
    const resources = tagsOf(html).flatMap((t) => [t.attributes.get('src'), t.name === 'link' ? t.attributes.get('href') : undefined]).filter((v): v is string => !!v);
    assert.equal(resources.length, 2, resources.join(' '));
    for (const resource of resources) {
      const path = decodeURIComponent(new URL(textOf(resource)).pathname);
      assert.ok(path.endsWith(`${media}/media/report.js`) || path.endsWith(`${media}/media/report.css`), path);
    }
  });

  it('accepts only "open" of a file the trace knows and "export" of a known format; anything else is ignored', async () => {
    const snapshot = (await api()).snapshot();
    assert.deepEqual(parseMessage({ type: 'open', file: HOSTILE_NAME, line: 1 }, snapshot), { type: 'open', file: HOSTILE_NAME, line: 1 }, 'a traced file, whatever its name');
    assert.deepEqual(parseMessage({ type: 'open', file: 'src/commands.ts', line: 'x' }, snapshot), { type: 'open', file: 'src/commands.ts', line: 1 }, 'a bad line becomes line 1');
    assert.deepEqual(parseMessage({ type: 'open', file: 'src/commands.ts', line: -5 }, snapshot), { type: 'open', file: 'src/commands.ts', line: 1 });
    for (const bad of [
      { type: 'open', file: '../../etc/passwd', line: 1 },
      { type: 'open', file: `${'../'.repeat(24)}etc/passwd`, line: 1 },
      { type: 'open', file: 'src/../../../etc/passwd', line: 1 },
      { type: 'open', file: 'src/./../src/commands.ts', line: 1 },
      { type: 'open', file: '/etc/passwd', line: 1 },
      { type: 'open', file: 'C:/Windows/win.ini', line: 1 },
      { type: 'open', file: 'c:\\Windows\\win.ini', line: 1 },
      { type: 'open', file: '..\\..\\etc\\passwd', line: 1 },
      { type: 'open', file: 'file:///etc/passwd', line: 1 },
      { type: 'open', file: 'src/commands.ts\0.png', line: 1 },
      { type: 'open', file: '', line: 1 },
      { type: 'open', file: ['src/commands.ts'], line: 1 },
      { type: 'open', file: { toString: () => 'src/commands.ts' }, line: 1 },
      { type: 'open', line: 1 },
      { type: 'export', format: 'exe' },
      { type: 'export', format: ['md'] },
      { type: 'export' },
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'OPEN', file: 'src/commands.ts', line: 1 },
      JSON.parse('{"__proto__": {"type": "open"}, "file": "src/commands.ts"}'),
      'open',
      42,
      [],
      null,
      undefined,
    ]) {
      assert.equal(parseMessage(bad, snapshot), undefined, JSON.stringify(bad) ?? String(bad));
    }
    assert.equal(parseMessage({ type: 'open', file: 'src/commands.ts', line: 1 }, undefined), undefined, 'nothing before the first index');
  });
});
