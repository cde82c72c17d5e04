// Completion of IDs with their titles where an ID is expected: after `@implements`, `@verifies`,
// `@mitigates` (and their `Implements:` forms) in code, and after link attributes in specs. The kinds
// that make sense at the spot come first; every item is offered, since specs are sometimes unusual.
import * as vscode from 'vscode';
import type { Kind, TraceItem } from '../../core/index';
import type { Deps } from '../deps';
import { compareIds, kindLabel, truncate } from '../describe';

/** The expected kinds after each tag or attribute. */
const EXPECTED: Readonly<Record<string, readonly Kind[]>> = {
  implements: ['requirement', 'mitigation'],
  verifies: ['requirement', 'mitigation'],
  mitigates: ['threat'],
  'mitigated-by': ['mitigation', 'requirement'],
  refines: ['requirement', 'mitigation'],
  'refined-by': ['requirement'],
  threatens: ['asset', 'interface'],
  'threatened-by': ['threat'],
};

/** A tag or attribute, then already written IDs and separators, then the partial ID at the cursor. */
const CONTEXT = /(?:@(implements|verifies|mitigates)\b|\b(implements|verifies|mitigates|mitigated[- ]by|refines|refined[- ]by|threatens|threatened[- ]by)\s*:)([\w\s.,;-]*)$/i;

export function registerCompletionSupport(deps: Deps): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(deps.selector, {
    provideCompletionItems(document, position) {
      const snapshot = deps.controller.snapshot();
      if (!snapshot || !deps.controller.paths?.toFile(document.uri)) return undefined;
      const before = document.lineAt(position.line).text.slice(0, position.character);
      const match = CONTEXT.exec(before);
      if (!match) return undefined;
      const key = (match[1] ?? match[2]).toLowerCase().replace(' ', '-');
      const partial = /[\w.-]*$/.exec(before)?.[0] ?? '';
      const range = new vscode.Range(position.line, position.character - partial.length, position.line, position.character);
      const expected = EXPECTED[key] ?? [];
      const items = [...snapshot.graph.items.values()].sort((a, b) => compareIds(a.id, b.id));
      return items.map((item, index) => completionItem(item, range, expected.includes(item.kind), index));
    },
  }, ' ', ',', ':');
}

function completionItem(item: TraceItem, range: vscode.Range, preferred: boolean, index: number): vscode.CompletionItem {
  const completion = new vscode.CompletionItem({ label: item.id, description: item.title, detail: ` ${kindLabel(item.kind)}` }, vscode.CompletionItemKind.Reference);
  completion.range = range;
  completion.insertText = item.id;
  // Title words are searchable too: typing "replay" finds THR-1.
  completion.filterText = `${item.id} ${item.title}`;
  completion.sortText = `${preferred ? '0' : '1'}${String(index).padStart(6, '0')}`;
  if (item.description) completion.documentation = new vscode.MarkdownString().appendText(truncate(item.description, 400));
  return completion;
}
