import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codes, open, positionOf, revertAll, uri, waitFor } from './helpers';

describe('diagnostics', () => {
  before(api);
  after(revertAll);

  it('shows every finding of a file at its range, with source and code', async () => {
    const spec = await vscode.workspace.openTextDocument(uri('specs/security.md'));
    const diagnostics = vscode.languages.getDiagnostics(spec.uri);
    assert.deepEqual(codes(diagnostics), ['unimplemented', 'unmitigated-threat', 'unverified']);
    for (const diagnostic of diagnostics) assert.equal(diagnostic.source, 'sectrace');
    const unimplemented = diagnostics.find((d) => d.code === 'unimplemented')!;
    assert.deepEqual(unimplemented.range.start, positionOf(spec, 'SR-3:'));
    assert.equal(unimplemented.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics.find((d) => d.code === 'unverified')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(vscode.languages.getDiagnostics(uri('src/commands.ts')), []);
  });

  it('updates as you type: an unsaved edit that fixes a gap removes its diagnostic', async () => {
    const document = await open('src/auth.ts');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(2, 0), '// @implements SR-3\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty, 'the edit must stay unsaved');
    await waitFor('SR-3 to be implemented', () => !codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('unimplemented'));
    assert.deepEqual(codes(vscode.languages.getDiagnostics(uri('specs/security.md'))), ['unmitigated-threat', 'unverified']);
  });

  it('updates as you type: an unsaved edit with an unknown ID gets an error at the ID', async () => {
    const document = await open('src/auth.ts');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(2, 0), '// @implements SR-99\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostics = await waitFor('an unknown-id diagnostic', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length ? found : undefined;
    });
    assert.deepEqual(codes(diagnostics), ['unknown-id']);
    assert.deepEqual(diagnostics[0].range, new vscode.Range(positionOf(document, 'SR-99'), positionOf(document, 'SR-99', 5)));
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
  });

  it('goes back to the disk contents when the edits are reverted', async () => {
    await revertAll();
    await waitFor('the unknown ID to disappear', () => vscode.languages.getDiagnostics(uri('src/auth.ts')).length === 0);
    await waitFor('SR-3 to be unimplemented again', () => codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('unimplemented'));
  });

  it('follows files created and deleted on disk', async () => {
    const file = uri('src/extra.ts');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('// @implements SR-3\n'));
    try {
      await waitFor('the new file to implement SR-3', () => !codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('unimplemented'));
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await waitFor('the deletion to bring the gap back', () => codes(vscode.languages.getDiagnostics(uri('specs/security.md'))).includes('unimplemented'));
  });

  it('caps diagnostics per file with a note, and can be switched off', async () => {
    const settings = () => vscode.workspace.getConfiguration('sectrace');
    const spec = uri('specs/security.md');
    try {
      await settings().update('diagnostics.maxPerFile', 2, vscode.ConfigurationTarget.Global);
      const capped = await waitFor('the cap', () => {
        const found = vscode.languages.getDiagnostics(spec);
        return found.some((d) => d.code === 'too-many-findings') ? found : undefined;
      });
      assert.equal(capped.length, 3);
      assert.match(capped[2].message, /1 more sectrace findings in this file are not shown \(limit 2/);
      await settings().update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
      await waitFor('diagnostics to be cleared', () => vscode.languages.getDiagnostics(spec).length === 0);
    } finally {
      await settings().update('diagnostics.maxPerFile', undefined, vscode.ConfigurationTarget.Global);
      await settings().update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('all diagnostics to be back', () => codes(vscode.languages.getDiagnostics(spec)).join() === 'unimplemented,unmitigated-threat,unverified');
  });
});
