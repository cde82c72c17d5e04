import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('activates in the fixture workspace and indexes it', async () => {
    const sectrace = await api();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const snapshot = sectrace.snapshot();
    assert.ok(snapshot, 'no snapshot after activation');
    assert.deepEqual([...snapshot.graph.items.keys()].sort(), ['AST-1', 'IF-1', 'MIT-1', 'SR-1', 'SR-2', 'SR-3', 'THR-1', 'THR-2']);
    console.log(`host: VS Code ${vscode.version}, Node ${process.version}, uiKind ${vscode.env.uiKind}, remote ${vscode.env.remoteName ?? 'none'}`);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['sectrace.check', 'sectrace.openReport', 'sectrace.refresh', 'sectrace.revealInTree', 'sectrace.createStarterFiles']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });
});
