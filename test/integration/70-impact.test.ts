// Change impact in the real extension host: suspect-link diagnostics, the "Reviewed: re-pin" quick fix
// and CodeLens, re-pin all (by ID, tree node and cursor), the hover with the text diff, recording a
// review, and the impact of uncommitted changes through git. Every edit must leave the file byte for
// byte as it was except for the pin (BOM, CRLF line ends and tabs kept).
// @verifies ST-57, ST-53, ST-56
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { itemFingerprint, pinOf } from '../../src/core/impact/fingerprint';
import type { ImpactReport } from '../../src/core/impact/since';
import type { ReviewStamp } from '../../src/core/impact/reviews';
import { api, codes, markdownText, open, revertAll, root, uri, waitFor } from './helpers';

const PINNED = 'src/pinned.ts';
const REVIEWS = '.sectrace/reviews.yaml';
const OLD_SR3 = 'abcdef0123456789';
/** A BOM, CRLF line ends and tab indentation: none of it may change when a pin is rewritten. */
const ORIGINAL = '\uFEFF// Pinned links, written against older texts of the items.\r\n'
  + '\t// @implements SR-1#000000\r\n'
  + '\texport function check(counter: number): boolean {\r\n'
  + '\t\treturn counter > 0;\r\n'
  + '\t}\r\n'
  + '\r\n'
  + '\t// @implements SR-2#000000, SR-1#000000\r\n'
  + '\texport function log(): void {}\r\n'
  + '\r\n'
  + `\t// @implements SR-3#${OLD_SR3.slice(0, 6)}\r\n`
  + '\texport const ready = true;\r\n';
const STORE = [
  'version: 1',
  'reviews:',
  '  SR-3:',
  `    fingerprint: ${OLD_SR3}`,
  '    by: Earlier Reviewer',
  '    date: 2026-01-05',
  '    text: |-',
  '      Authenticate the clinician before dosing',
  '      needs: impl',
  '',
  '      Clinicians sign in with a password.',
  '',
].join('\n');

const encoder = new TextEncoder();
const read = async (file: string) => Buffer.from(await vscode.workspace.fs.readFile(uri(file)));
const write = (file: string, text: string) => vscode.workspace.fs.writeFile(uri(file), encoder.encode(text));

async function pinFor(id: string): Promise<string> {
  const item = (await api()).snapshot()?.graph.items.get(id);
  assert.ok(item, `${id} is not defined`);
  return pinOf(itemFingerprint(item));
}

/** The original bytes with the given pin occurrences (by order in the file) replaced. */
function expected(replacements: readonly [nth: number, from: string, to: string][]): Buffer {
  let text = ORIGINAL;
  for (const [nth, from, to] of replacements) {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(from, at + 1);
    assert.ok(at >= 0, `${from} #${nth}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return Buffer.from(text, 'utf8');
}

async function suspects(): Promise<vscode.Diagnostic[]> {
  return vscode.languages.getDiagnostics(uri(PINNED)).filter((d) => d.code === 'suspect-link');
}

async function saveAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) await document.save();
  await (await api()).whenIdle();
}

describe('change impact', () => {
  before(async () => {
    await api();
    await write(REVIEWS, STORE);
    await write(PINNED, ORIGINAL);
    await waitFor('four suspect links', async () => (await suspects()).length === 4);
    // The review store arrives through its own file event, which may come after the pinned file's.
    await waitFor('the review stamp to be read', async () => codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('changed-since-review'));
  });

  after(async () => {
    await revertAll();
    for (const file of [PINNED, '.sectrace']) await vscode.workspace.fs.delete(uri(file), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(uri('.git'), { recursive: true }).then(undefined, () => undefined);
    await waitFor('the pinned file to be forgotten', async () => vscode.languages.getDiagnostics(uri(PINNED)).length === 0);
  });

  it('reports each stale pin as a suspect-link warning at the ID and its pin', async () => {
    const diagnostics = await suspects();
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[1, 16, 27], [6, 16, 27], [6, 29, 40], [9, 16, 27]]);
    for (const d of diagnostics) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostics[0].message, /requirement `SR-1` changed after this link was pinned \(pinned #000000, now #[0-9a-f]{6}\)/);
    assert.ok(codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('changed-since-review'));
  });

  it('the hover on a suspect link shows what changed, from the review stamp', async () => {
    const document = await open(PINNED);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(9, 18));
    const text = markdownText(hovers);
    assert.match(text, /SR-3 changed after this link was pinned: #abcdef then, #[0-9a-f]{6} now\./);
    assert.match(text, /What changed \(before: review stamp\):/);
    assert.match(text, /- Clinicians sign in with a password\./);
    assert.match(text, /Authenticate the clinician before dosing/, 'the item hover is there too');
  });

  it('the quick fix "Reviewed: re-pin" rewrites only the pin, can be undone, and saves byte for byte', async () => {
    const document = await open(PINNED);
    const diagnostic = (await suspects())[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Reviewed: re-pin SR-1 to its current text'), titles.join(', '));
    assert.ok(titles.includes('Reviewed: re-pin all links to SR-1'));
    const fix = actions.find((a) => a.title === 'Reviewed: re-pin SR-1 to its current text');
    assert.ok(fix?.edit && fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const pin = await pinFor('SR-1');
    assert.equal(document.lineAt(1).text, `\t// @implements SR-1#${pin}`);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.lineAt(1).text, '\t// @implements SR-1#000000');
    await vscode.commands.executeCommand('redo');
    await document.save();
    assert.deepEqual(await read(PINNED), expected([[0, 'SR-1#000000', `SR-1#${pin}`]]));
    await waitFor('three suspect links left', async () => (await suspects()).length === 3);
  });

  it('the CodeLens "Reviewed: re-pin" does the same for its link', async () => {
    const document = await open(PINNED);
    await (await api()).whenIdle();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const repin = lenses.filter((l) => l.command?.command === 'sectrace.repinLink');
    assert.deepEqual(repin.map((l) => [l.command?.title, l.range.start.line]), [['$(check) Reviewed: re-pin SR-2', 6], ['$(check) Reviewed: re-pin SR-1', 6], ['$(check) Reviewed: re-pin SR-3', 9]]);
    assert.ok(lenses.some((l) => l.command?.command === 'sectrace.showChange'));
    const lens = repin[0].command as vscode.Command;
    assert.equal(await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? [])), 1);
    await saveAll();
    const pin1 = await pinFor('SR-1');
    assert.deepEqual(await read(PINNED), expected([[0, 'SR-1#000000', `SR-1#${pin1}`], [0, 'SR-2#000000', `SR-2#${await pinFor('SR-2')}`]]));
  });

  it('Re-pin All Links re-pins every stale pin of the item under the cursor, from a tree node, or by ID', async () => {
    const document = await open(PINNED);
    await (await api()).whenIdle();
    // The cursor on the remaining stale SR-1 link.
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(6, 31, 6, 31);
    assert.equal(await vscode.commands.executeCommand('sectrace.repinAll'), 1);
    await saveAll();
    assert.equal((await suspects()).length, 1);
    // A tree node (as the context menu passes it) for SR-3.
    const sectrace = await api();
    const requirements = await sectrace.treeChildren('sectrace.requirements');
    const sr3 = requirements.find((e) => (e.node as { id?: string }).id === 'SR-3');
    assert.ok(sr3);
    assert.equal(await vscode.commands.executeCommand('sectrace.repinAll', sr3.node), 1);
    await saveAll();
    assert.equal(await vscode.commands.executeCommand('sectrace.repinAll', 'SR-1'), 0, 'nothing left to re-pin');
    await waitFor('no suspect links', async () => (await suspects()).length === 0);
    const pins = { 1: await pinFor('SR-1'), 2: await pinFor('SR-2'), 3: await pinFor('SR-3') };
    assert.deepEqual(await read(PINNED), expected([[0, 'SR-1#000000', `SR-1#${pins[1]}`], [0, 'SR-2#000000', `SR-2#${pins[2]}`], [0, 'SR-1#000000', `SR-1#${pins[1]}`], [0, 'SR-3#abcdef', `SR-3#${pins[3]}`]]));
  });

  it('Record Review writes the stamp to .sectrace/reviews.yaml and settles changed-since-review', async () => {
    const stamp = await vscode.commands.executeCommand<ReviewStamp>('sectrace.recordReview', 'SR-3', { by: 'Integration Tester', date: '2026-06-15' });
    assert.ok(stamp);
    assert.equal(stamp.by, 'Integration Tester');
    const text = (await read(REVIEWS)).toString('utf8');
    assert.match(text, new RegExp(`  SR-3:\\n    fingerprint: ${stamp.fingerprint}\\n    by: Integration Tester\\n    date: 2026-06-15\\n    text: \\|-\\n      Authenticate the clinician before dosing\\n      needs: impl\\n`));
    await waitFor('changed-since-review to go', () => !codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('changed-since-review'));
    const matrix = (await api()).snapshot()?.reviews.stamps.get('SR-3');
    assert.equal(matrix?.fingerprint, stamp.fingerprint);
  });

  it('Show Impact of Uncommitted Changes lists changed items, changed blocks and tests to re-run', async () => {
    const cwd = root().fsPath;
    const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    git('init', '-q');
    git('config', 'user.name', 'Integration Tester');
    git('config', 'user.email', 'tester@example.com');
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');
    const spec = (await read('specs/security.md')).toString('utf8');
    await write('specs/security.md', spec.replace('Each dose command carries a monotonic counter', 'Each dose command carries a strictly increasing counter'));
    const commands = (await read('src/commands.ts')).toString('utf8');
    const changedLine = commands.split('\n').findIndex((line, i) => i > 3 && line.trim() !== '' && !line.trim().startsWith('//'));
    assert.ok(changedLine > 0, commands);
    const lines = commands.split('\n');
    lines[changedLine] = `${lines[changedLine]} // changed`;
    await write('src/commands.ts', lines.join('\n'));
    await waitFor('the spec change to be indexed', () => (api().then((s) => s.snapshot()?.graph.items.get('MIT-1')?.description.includes('strictly'))));
    try {
      const report = await vscode.commands.executeCommand<ImpactReport>('sectrace.showImpact');
      assert.ok(report);
      assert.deepEqual(report.changedItems.map((i) => [i.id, i.change]), [['MIT-1', 'changed']]);
      assert.deepEqual(report.linksToReview.map((l) => `${l.id} ${l.location.file}:${l.location.line}`), ['MIT-1 src/commands.ts:3', 'MIT-1 test/commands.test.ts:3']);
      assert.deepEqual(report.changedCode.filter((c) => c.location.file === 'src/commands.ts').map((c) => [c.id, c.block]), [['SR-1', { start: 3, end: 6 }], ['MIT-1', { start: 3, end: 6 }]]);
      assert.deepEqual(report.testsToRerun.map((t) => [t.file, t.ids]), [['test/commands.test.ts', ['MIT-1', 'SR-1']]]);
      const shown = vscode.window.activeTextEditor?.document;
      assert.equal(shown?.languageId, 'markdown');
      assert.match(shown?.getText() ?? '', /^# Impact of uncommitted changes\n/);
      assert.match(shown?.getText() ?? '', /\| MIT-1 \| Counters and MACs on every command \| changed: description \|/);
      // The impact is an untitled document: close it without the save prompt.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await write('specs/security.md', spec);
      await write('src/commands.ts', commands);
    }
  });

  it('logged no errors', async () => {
    assert.deepEqual((await api()).errors(), []);
  });
});
