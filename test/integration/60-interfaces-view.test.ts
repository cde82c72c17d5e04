// The Interfaces view, read through the extension's API: detected interfaces grouped by exposure, with
// kind icons, `METHOD /route` labels and file:line descriptions; gaps marked with a warning naming the
// missing fields; a click opens the route line; the interface items (IF-n) in their own group.
// @verifies ST-61
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeEntry } from '../../src/vscode/api';
import { api, revertAll, uri, waitFor } from './helpers';

const VIEW = 'sectrace.interfaces';
const FILE = 'src/gateway/routes.ts';
const labels = (entries: readonly TreeEntry[]) => entries.map((e) => String(typeof e.item.label === 'object' ? e.item.label.label : e.item.label));
const icon = (entry: TreeEntry) => (entry.item.iconPath as vscode.ThemeIcon).id;
/** The tooltip as text: MarkdownString.appendText writes spaces as `&nbsp;` and escapes punctuation. */
const tooltip = (entry: TreeEntry) => (typeof entry.item.tooltip === 'string' ? entry.item.tooltip : entry.item.tooltip?.value ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');

const ROUTES = [
  '// @implements IF-1',
  '// @exposure external',
  '// @implications forged commands change a running infusion',
  '// @assets AST-1 dose command channel',
  '// @threats THR-1',
  "app.put('/infusions/:id/rate', changeRate);",
  '',
  '// @exposure internal',
  '// @implications none',
  '// @assets none',
  "app.get('/health', health);",
  '',
  "app.get('/metrics', metrics);",
  '',
  '// @exposure both',
  '// @implications reads the dose history',
  '// @assets AST-1',
  "app.get('/history', history);",
  '',
].join('\n');

describe('interfaces: the Interfaces view', () => {
  before(async () => {
    const sectrace = await api();
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri(FILE), { contents: new TextEncoder().encode(ROUTES), overwrite: true });
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.workspace.openTextDocument(uri(FILE)); // indexed as an open buffer, without waiting for the file watcher
    await waitFor('the routes to be indexed', () => sectrace.snapshot()?.graph.interfaces().filter((i) => i.file === FILE).length === 4);
  });
  after(async () => {
    await vscode.commands.executeCommand('sectrace.showAllItems');
    await revertAll();
    // (The click above opened the file; its document may outlive the file for a while.)
    await vscode.workspace.fs.delete(uri(FILE));
  });

  it('groups detected interfaces by exposure, then the interface items', async () => {
    const sectrace = await api();
    const roots = await sectrace.treeChildren(VIEW);
    assert.deepEqual(labels(roots), ['External', 'Internal and external', 'Internal', 'Exposure not stated', 'Interface items']);
    assert.deepEqual(roots.map((r) => r.item.description), ['1', '1', '1', '1 · 1 without full context', '1']);
    assert.deepEqual(roots.map(icon), ['cloud', 'arrow-both', 'home', 'question', 'plug']);
    assert.equal(roots[0].item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it('an interface: kind icon, route label, file:line, its interface item and threats below it, a click opens the route line', async () => {
    const sectrace = await api();
    const [external] = await sectrace.treeChildren(VIEW);
    const [route] = await sectrace.treeChildren(VIEW, external.node);
    assert.equal(labels([route])[0], 'PUT /infusions/:id/rate');
    assert.equal(route.item.description, `${FILE}:6`);
    assert.equal(icon(route), 'globe');
    assert.match(tooltip(route), /@exposure external/);
    assert.match(tooltip(route), /@assets AST-1 dose command channel/);
    assert.match(tooltip(route), /Threats: THR-1/);
    assert.deepEqual(labels(await sectrace.treeChildren(VIEW, route.node)), ['IF-1 Pump serial link', 'THR-1 Replay of dose commands']);

    const command = route.item.command!;
    assert.equal(command.command, 'sectrace.openLocation');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(vscode.workspace.asRelativePath(editor.document.uri), FILE);
    assert.equal(editor.selection.start.line, 5);
    assert.equal(editor.document.lineAt(5).text.slice(editor.selection.start.character), "app.put('/infusions/:id/rate', changeRate);");
  });

  it('marks gaps: a warning that names the missing fields, and the finding of an external interface without a threat', async () => {
    const sectrace = await api();
    const roots = await sectrace.treeChildren(VIEW);
    const [metrics] = await sectrace.treeChildren(VIEW, roots[3].node);
    assert.equal(labels([metrics])[0], 'GET /metrics');
    assert.equal(metrics.item.description, `${FILE}:13`);
    assert.equal(icon(metrics), 'warning');
    assert.match(tooltip(metrics), /Missing: @exposure, @implications, @assets/);
    assert.match(tooltip(metrics), /interface-missing-context/);
    const [history] = await sectrace.treeChildren(VIEW, roots[1].node);
    assert.equal(icon(history), 'warning');
    assert.match(tooltip(history), /external-interface-no-threat/);
    const [health] = await sectrace.treeChildren(VIEW, roots[2].node);
    assert.equal(icon(health), 'globe', 'no gap: the kind icon');
  });

  it('keeps the interface items reachable, and filters to gaps with the view toggle', async () => {
    const sectrace = await api();
    const roots = await sectrace.treeChildren(VIEW);
    assert.deepEqual(labels(await sectrace.treeChildren(VIEW, roots[4].node)), ['IF-1 Pump serial link']);
    assert.equal(await vscode.commands.executeCommand('sectrace.revealInTree', 'IF-1'), true);
    await vscode.commands.executeCommand('sectrace.showOnlyGaps');
    assert.deepEqual(labels(await sectrace.treeChildren(VIEW)), ['Internal and external', 'Exposure not stated']);
    await vscode.commands.executeCommand('sectrace.showAllItems');
    assert.equal((await sectrace.treeChildren(VIEW)).length, 5);
  });
});
