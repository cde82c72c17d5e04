import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, markdownText, open, positionOf, revertAll, uri } from './helpers';

/** VS Code reports a refused rename either as a rejection or as an empty answer, depending on the command. */
async function refused(answer: Thenable<unknown>): Promise<void> {
  let value: unknown;
  try {
    value = await answer;
  } catch {
    return;
  }
  const edit = value as vscode.WorkspaceEdit | undefined;
  assert.ok(!value || (edit instanceof vscode.WorkspaceEdit && edit.size === 0), `expected a refusal, got ${JSON.stringify(value)}`);
}

describe('language features', () => {
  before(api);
  afterEach(revertAll);

  it('hover on a tagged ID shows kind, title, coverage and links', async () => {
    const document = await open('src/commands.ts');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'SR-1', 1));
    const text = markdownText(hovers);
    assert.match(text, /\*\*SR-1\*\* · requirement: Reject commands with an old counter/);
    assert.match(text, /refines \[MIT-1\]\(command:sectrace\.openItem/);
    assert.match(text, /\[1 implementation\]\(command:sectrace\.showTraces/);
    assert.match(text, /\[1 test\]\(command:sectrace\.showTraces/);
  });

  it('hover on a threat in the spec shows risk, status, links and findings', async () => {
    const document = await open('specs/security.md');
    const threat = markdownText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'THR-1:', 1)));
    assert.match(threat, /Status: mitigated · severity high, likelihood medium/);
    assert.match(threat, /mitigated by \[MIT-1\]/);
    assert.match(threat, /threatens \[AST-1\]/);
    const gap = markdownText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'SR-3:', 1)));
    assert.match(gap, /`unimplemented`/);
  });

  it('hover trusts only sectrace commands', async () => {
    const document = await open('src/commands.ts');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'MIT-1', 1));
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string');
    assert.ok(contents.length);
    for (const content of contents) {
      const trusted = content.isTrusted;
      assert.ok(typeof trusted === 'object' && trusted.enabledCommands.every((c) => c.startsWith('sectrace.')), 'hover trusts more than sectrace commands');
    }
  });

  it('go to definition leads from code to the spec heading', async () => {
    const document = await open('src/commands.ts');
    const spec = await vscode.workspace.openTextDocument(uri('specs/security.md'));
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'SR-1', 2));
    assert.equal(links.length, 1);
    const link = links[0] as vscode.LocationLink;
    assert.equal(link.targetUri.toString(), spec.uri.toString());
    assert.deepEqual(link.targetSelectionRange?.start, positionOf(spec, 'SR-1: Reject'));
  });

  it('find all references lists the spec, the code and the test', async () => {
    const document = await open('src/commands.ts');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'SR-1'));
    const where = locations.map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}`).sort();
    assert.deepEqual(where, ['specs/security.md:32', 'src/commands.ts:3', 'test/commands.test.ts:3']);
  });

  it('workspace symbols find items by ID and by title', async () => {
    const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'replay');
    assert.ok(byTitle.some((s) => s.name === 'THR-1 Replay of dose commands'), JSON.stringify(byTitle.map((s) => s.name)));
    const byId = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'MIT-1');
    assert.ok(byId.some((s) => s.name.startsWith('MIT-1 ')));
  });

  it('document links lead from tags to definitions', async () => {
    const document = await open('src/commands.ts');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const targets = links.map((l) => `${document.getText(l.range)} -> ${vscode.workspace.asRelativePath(l.target!.with({ fragment: '' }))}#${l.target!.fragment}`);
    assert.ok(targets.includes('SR-1 -> specs/security.md#L32,4'), targets.join('\n'));
  });

  it('completes IDs with titles after @implements', async () => {
    const document = await open('src/auth.ts');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 0), '// @implements \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 15));
    const ours = list.items.filter((i) => typeof i.label === 'object' && i.kind === vscode.CompletionItemKind.Reference);
    const sr3 = ours.find((i) => (i.label as vscode.CompletionItemLabel).label === 'SR-3');
    assert.ok(sr3, 'SR-3 is not offered');
    assert.equal((sr3.label as vscode.CompletionItemLabel).description, 'Authenticate the clinician before dosing');
    assert.ok(ours.length >= 8);
  });

  it('completes IDs in spec link attributes', async () => {
    const document = await open('specs/security.md');
    const line = positionOf(document, 'mitigated-by: MIT-1').line;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, 'mitigated-by: '.length));
    assert.ok(list.items.some((i) => typeof i.label === 'object' && i.label.label === 'MIT-1'));
  });

  it('shows CodeLens with coverage and links above spec items', async () => {
    const document = await open('specs/security.md');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
    const titles = new Map(lenses.map((l) => [document.lineAt(l.range.start.line).text.slice(3, 8).replace(':', ''), l.command?.title]));
    assert.equal(titles.get('SR-1'), '1 implementation · 1 test · refines MIT-1');
    assert.equal(titles.get('SR-2'), '1 implementation · 0 tests · refines MIT-1');
    assert.equal(titles.get('MIT-1'), '1 implementation · 1 test · mitigates THR-1 · refined by SR-1, SR-2');
    assert.equal(titles.get('THR-1'), 'threatens AST-1 · mitigated by MIT-1');
    assert.equal(titles.get('THR-2'), 'no mitigation (status open)');
  });

  it('renames an ID across specs and code, and refuses non-IDs', async () => {
    // In a TypeScript file the TypeScript extension renames other words; the config file has no other provider.
    const config = await open('.sectrace.yaml');
    await refused(vscode.commands.executeCommand('vscode.prepareRename', config.uri, positionOf(config, 'specs:', 1)));
    const document = await open('src/commands.ts');
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', document.uri, positionOf(document, 'SR-2'));
    assert.equal(prepared.placeholder, 'SR-2');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'SR-2'), 'SR-20');
    const files = edit.entries().map(([u, edits]) => `${vscode.workspace.asRelativePath(u)}:${edits.map((e) => e.newText).join(',')}`).sort();
    assert.deepEqual(files, ['specs/security.md:SR-20', 'src/commands.ts:SR-20']);
    await refused(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'SR-2'), 'SR-1'));
    await refused(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'SR-2'), 'not an id'));
  });
});
