import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeEntry } from '../../src/vscode/api';
import { api, open, positionOf, revertAll } from './helpers';

const labels = (entries: readonly TreeEntry[]) => entries.map((e) => String(typeof e.item.label === 'object' ? e.item.label.label : e.item.label));

describe('traceability views', () => {
  before(api);
  after(async () => {
    await vscode.commands.executeCommand('sectrace.showAllItems');
    await revertAll();
  });

  it('Threats: threat -> mitigation -> requirements, code and tests', async () => {
    const sectrace = await api();
    const threats = await sectrace.treeChildren('sectrace.threats');
    assert.deepEqual(labels(threats), ['THR-1 Replay of dose commands', 'THR-2 Tampered drug library']);
    assert.equal(threats[0].item.description, 'mitigated · mitigations 1');
    assert.equal(threats[1].item.description, 'open · mitigations 0');
    const mitigations = await sectrace.treeChildren('sectrace.threats', threats[0].node);
    assert.deepEqual(labels(mitigations), ['MIT-1 Counters and MACs on every command']);
    assert.equal(mitigations[0].item.description, 'impl 1 · tests 1');
    assert.equal((mitigations[0].item.iconPath as vscode.ThemeIcon).id, 'shield');
    const below = await sectrace.treeChildren('sectrace.threats', mitigations[0].node);
    assert.deepEqual(labels(below), ['SR-1 Reject commands with an old counter', 'SR-2 Log every rejected command', 'commands.ts:3', 'commands.test.ts:3']);
    assert.deepEqual(below.map((e) => (e.item.iconPath as vscode.ThemeIcon).id), ['checklist', 'checklist', 'code', 'beaker']);
    assert.deepEqual(below[2].item.command?.arguments?.[0], 'src/commands.ts');
  });

  it('Requirements, Gaps and Interfaces', async () => {
    const sectrace = await api();
    const requirements = await sectrace.treeChildren('sectrace.requirements');
    assert.deepEqual(labels(requirements), ['SR-1 Reject commands with an old counter', 'SR-2 Log every rejected command', 'SR-3 Authenticate the clinician before dosing']);
    assert.deepEqual(requirements.map((e) => e.item.description), ['impl 1 · tests 1', 'impl 1 · tests 0', 'impl 0 · tests 0']);
    const gaps = await sectrace.treeChildren('sectrace.gaps');
    assert.deepEqual(labels(gaps), ['unimplemented', 'unmitigated-threat', 'unverified']);
    const unverified = await sectrace.treeChildren('sectrace.gaps', gaps[2].node);
    assert.equal(unverified.length, 1);
    assert.equal(unverified[0].item.description, 'specs/security.md:36');
    // No interface in the fixture's code: only the group of interface items (IF-n).
    const interfaces = await sectrace.treeChildren('sectrace.interfaces');
    assert.deepEqual(labels(interfaces), ['Interface items']);
    assert.deepEqual(labels(await sectrace.treeChildren('sectrace.interfaces', interfaces[0].node)), ['IF-1 Pump serial link']);
  });

  it('filters to items with gaps and back', async () => {
    const sectrace = await api();
    await vscode.commands.executeCommand('sectrace.showOnlyGaps');
    assert.deepEqual(labels(await sectrace.treeChildren('sectrace.requirements')), ['SR-2 Log every rejected command', 'SR-3 Authenticate the clinician before dosing']);
    await vscode.commands.executeCommand('sectrace.showAllItems');
    assert.equal((await sectrace.treeChildren('sectrace.requirements')).length, 3);
  });

  it('reveals the ID under the cursor in its tree', async () => {
    const document = await open('src/commands.ts');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(positionOf(document, 'SR-2', 1), positionOf(document, 'SR-2', 1));
    assert.equal(await vscode.commands.executeCommand('sectrace.revealInTree'), true);
    assert.equal(await vscode.commands.executeCommand('sectrace.revealInTree', 'THR-2'), true);
  });

  it('opens the exact location of a tree item', async () => {
    const sectrace = await api();
    const [threat] = await sectrace.treeChildren('sectrace.threats');
    const command = threat.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(vscode.workspace.asRelativePath(editor.document.uri), 'specs/security.md');
    assert.equal(editor.selection.start.line, 10);
  });

  it('refuses to open a location outside the workspace', async () => {
    assert.equal(await vscode.commands.executeCommand('sectrace.openLocation', '../outside.txt'), false);
    assert.equal(await vscode.commands.executeCommand('sectrace.openLocation', '/etc/passwd'), false);
  });
});
