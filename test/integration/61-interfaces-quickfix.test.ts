// The quick fix for interfaces without security context, in the real editor: offered on the
// diagnostic as a quick fix, applied through the editor's own code action command, and checked byte for
// byte on disk (CRLF, tabs, decorators and attributes, a Python file) with the cursor on the first value.
// @verifies ST-60
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codes, revertAll, uri, waitFor } from './helpers';

const FIX_KIND = 'quickfix.sectrace';
const NOTES = [
  'Security context (IEC 81001-5-1 §5.4.3): exposure internal, external or both; what misuse could do;',
  'the assets (AST-n) reachable through it. Optional: @trust-boundary, @threats THR-n, @access, @safeguards',
];
const created: string[] = [];

/** Creates the file through VS Code's own file operations (not behind its back), with exact bytes. */
async function write(file: string, text: string): Promise<void> {
  created.push(file);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri(file), { contents: new TextEncoder().encode(text), overwrite: true });
  assert.ok(await vscode.workspace.applyEdit(edit), `created ${file}`);
}

async function readBytes(file: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(file)));
}

/** The sectrace diagnostic of `code` at the start of `routeText`, once the engine has seen the file. */
async function diagnosticAt(document: vscode.TextDocument, routeText: string, code: string): Promise<vscode.Diagnostic> {
  const at = document.positionAt(document.getText().indexOf(routeText));
  return waitFor(`${code} at ${routeText}`, () => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === code && d.range.start.isEqual(at)));
}

/**
 * Opens the file, checks the fix is offered for the diagnostic as a quick fix, and applies it the way the
 * light bulb does (`editor.action.codeAction`), with the cursor on the route line.
 */
async function applyFix(file: string, routeText: string, code: string, title: RegExp, options?: vscode.TextEditorOptions): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri(file));
  const editor = await vscode.window.showTextDocument(document);
  if (options) editor.options = options;
  const diagnostic = await diagnosticAt(document, routeText, code);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const ours = actions.filter((a) => a.kind?.value === FIX_KIND);
  assert.equal(ours.length, 1, `one sectrace quick fix, got ${actions.map((a) => a.title).join('; ')}`);
  assert.match(ours[0].title, title);
  assert.ok(vscode.CodeActionKind.QuickFix.contains(ours[0].kind!), 'a quick fix');
  // (`executeCodeActionProvider` does not hand back the action's diagnostics; it was asked for this one's range.)
  assert.equal(ours[0].isPreferred, true);
  const before = document.getText();
  editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
  // Right after showTextDocument the editor may not take the command yet, and then it does nothing: try
  // again while the text is unchanged (never after it changed, so the fix cannot be applied twice).
  for (let attempt = 1; ; attempt++) {
    await vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_KIND, apply: 'first' });
    try {
      await waitFor('the fix to be applied', () => document.getText() !== before, 4000);
      return editor;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function finish(editor: vscode.TextEditor): Promise<void> {
  await vscode.commands.executeCommand('hideSuggestWidget');
  await vscode.commands.executeCommand('leaveSnippet');
  assert.ok(await editor.document.save(), `${editor.document.uri.path} saved`);
}

function selectionOf(editor: vscode.TextEditor): [number, number, number, number] {
  const { start, end } = editor.selection;
  return [start.line, start.character, end.line, end.character];
}

describe('interfaces: quick fix', () => {
  before(api);
  after(async () => {
    await revertAll();
    // (A document the tests opened may outlive its file for a while, so its interfaces may linger in the
    // trace; the tests after this one do not depend on them.)
    for (const file of created) await vscode.workspace.fs.delete(uri(file)).then(undefined, () => undefined);
  });

  it('missing context, NestJS with tabs and CRLF: the template above the decorators; cursor on the exposure, then each value', async () => {
    const file = 'src/api/pumps.controller.ts';
    const lines = [
      "import { Controller, Get, UseGuards } from '@nestjs/common';",
      '',
      "@Controller('pumps')",
      'export class PumpsController {',
      "\t@Get(':id')",
      '\t@UseGuards(AuthGuard)',
      '\tfindOne() {}',
      '}',
      '',
    ];
    await write(file, lines.join('\r\n'));
    const editor = await applyFix(file, "@Get(':id')", 'interface-missing-context', /^Add the security context annotation/);
    assert.deepEqual(selectionOf(editor), [6, 14, 6, 22], 'the exposure value (a choice) is selected');
    assert.equal(editor.document.getText(editor.selection), 'external');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.deepEqual(selectionOf(editor), [7, 18, 7, 18], 'then the implications value');
    await vscode.commands.executeCommand('type', { text: 'forged reads disclose patient data' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.deepEqual(selectionOf(editor), [8, 12, 8, 12], 'then the assets value');
    await vscode.commands.executeCommand('type', { text: 'AST-1' });
    await finish(editor);
    const expected = [
      ...lines.slice(0, 4),
      `\t// ${NOTES[0]}`,
      `\t// ${NOTES[1]}`,
      '\t// @exposure external',
      '\t// @implications forged reads disclose patient data',
      '\t// @assets AST-1',
      ...lines.slice(4),
    ].join('\r\n');
    assert.equal(await readBytes(file), expected);
    let last: string[] = [];
    await waitFor('the missing context to be resolved', () => {
      last = codes(vscode.languages.getDiagnostics(uri(file)).filter((d) => d.source === 'sectrace'));
      return last.join() === 'external-interface-no-threat';
    }).catch((error: Error) => assert.fail(`${error.message}: ${last.join(', ')}`));
  });

  it('incomplete context: only the missing fields, added to the existing block in its style (CRLF, tabs)', async () => {
    const file = 'src/api/rates.controller.ts';
    const lines = [
      "@Controller('rates')",
      'export class RatesController {',
      '\t// Changes the rate of a running infusion.',
      '\t// @exposure internal',
      "\t@Post(':id/rate')",
      '\tsetRate() {}',
      '}',
      '',
    ];
    await write(file, lines.join('\r\n'));
    const editor = await applyFix(file, "@Post(':id/rate')", 'interface-incomplete-context', /^Add the missing @implications, @assets to the annotation$/);
    assert.deepEqual(selectionOf(editor), [4, 18, 4, 18], 'the cursor on the first missing value');
    await finish(editor);
    const expected = [...lines.slice(0, 4), '\t// @implications ', '\t// @assets ', ...lines.slice(4)].join('\r\n');
    assert.equal(await readBytes(file), expected);
  });

  it('Python: # comments above the decorator stack, the file\'s spaces kept even when the editor indents with tabs', async () => {
    const file = 'tools/status.py';
    const lines = ['from flask import Flask', '', '', 'def create_app():', '    api = Flask(__name__)', '', "    @api.get('/health')", '    @login_required', '    def health():', "        return 'ok'", '', '    return api', ''];
    await write(file, lines.join('\n'));
    const editor = await applyFix(file, "@api.get('/health')", 'interface-missing-context', /^Add the security context annotation/, { insertSpaces: false, tabSize: 4 });
    assert.deepEqual(selectionOf(editor), [8, 16, 8, 24]);
    await finish(editor);
    const expected = [...lines.slice(0, 6), `    # ${NOTES[0]}`, `    # ${NOTES[1]}`, '    # @exposure external', '    # @implications ', '    # @assets ', ...lines.slice(6)].join('\n');
    assert.equal(await readBytes(file), expected);
  });

  it('C# attributes with CRLF, and a Java JSDoc block with tabs (fields before its closer)', async () => {
    const cs = 'Controllers/PumpsController.cs';
    const csLines = ['namespace Gateway', '{', '    [ApiController]', '    [Route("api/[controller]")]', '    public class PumpsController : ControllerBase', '    {', '        [HttpGet("{id}")]', '        [Authorize(Roles = "clinician")]', '        public IActionResult Get(int id) => Ok();', '    }', '}', ''];
    await write(cs, csLines.join('\r\n'));
    const csEditor = await applyFix(cs, 'HttpGet("{id}")', 'interface-missing-context', /^Add the security context annotation/);
    assert.deepEqual(selectionOf(csEditor), [8, 21, 8, 29]);
    await finish(csEditor);
    const csExpected = [...csLines.slice(0, 6), `        // ${NOTES[0]}`, `        // ${NOTES[1]}`, '        // @exposure external', '        // @implications ', '        // @assets ', ...csLines.slice(6)].join('\r\n');
    assert.equal(await readBytes(cs), csExpected);

    const java = 'src/main/java/PumpController.java';
    const javaLines = ['@RestController', '@RequestMapping("/api/pumps")', 'public class PumpController {', '\t/**', '\t * Reads a pump.', '\t * @exposure external', '\t */', '\t@GetMapping("/{id}")', '\tpublic String get() { return ""; }', '}', ''];
    await write(java, javaLines.join('\n'));
    const javaEditor = await applyFix(java, '@GetMapping("/{id}")', 'interface-incomplete-context', /^Add the missing @implications, @assets/);
    assert.deepEqual(selectionOf(javaEditor), [6, 18, 6, 18]);
    await finish(javaEditor);
    const javaExpected = [...javaLines.slice(0, 6), '\t * @implications ', '\t * @assets ', ...javaLines.slice(6)].join('\n');
    assert.equal(await readBytes(java), javaExpected);
  });

  it('offers nothing for other interface findings or where the context is complete', async () => {
    // After the first test, the NestJS route is annotated but exposed without a linked threat.
    const nest = await vscode.workspace.openTextDocument(uri('src/api/pumps.controller.ts'));
    const noThreat = await diagnosticAt(nest, "@Get(':id')", 'external-interface-no-threat');
    const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', nest.uri, noThreat.range);
    assert.deepEqual(offered.filter((a) => a.kind?.value === FIX_KIND), []);

    const file = 'src/api/complete.ts';
    await write(file, ['// @exposure internal', '// @implications none', '// @assets none', "app.get('/live', live);", ''].join('\n'));
    const sectrace = await api();
    await waitFor('the complete interface to be indexed', () => sectrace.snapshot()?.graph.interfaces().some((i) => i.file === file));
    const document = await vscode.workspace.openTextDocument(uri(file));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(3, 0, 3, 10));
    assert.deepEqual(actions.filter((a) => a.kind?.value === FIX_KIND), []);
  });
});
