// Workspace symbols (Ctrl+T): every item, found by its ID or its title.
import * as vscode from 'vscode';
import type { TraceItem } from '../../core/index';
import type { Deps } from '../deps';
import { kindLabel } from '../describe';

const SYMBOL_KINDS: Readonly<Record<string, vscode.SymbolKind>> = {
  requirement: vscode.SymbolKind.Key,
  threat: vscode.SymbolKind.Event,
  mitigation: vscode.SymbolKind.Interface,
  asset: vscode.SymbolKind.Object,
  interface: vscode.SymbolKind.Module,
};

/** More than this and the list stops being useful; VS Code filters further as the user types. */
const MAX_SYMBOLS = 2000;

export function registerWorkspaceSymbolSupport(deps: Deps): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    provideWorkspaceSymbols(query) {
      const snapshot = deps.controller.snapshot();
      const paths = deps.controller.paths;
      if (!snapshot || !paths) return [];
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const matches = (item: TraceItem) => {
        const text = `${item.id} ${item.title}`.toLowerCase();
        return words.every((word) => text.includes(word) || fuzzy(item.id.toLowerCase(), word));
      };
      return [...snapshot.graph.items.values()]
        .filter(matches)
        .slice(0, MAX_SYMBOLS)
        .map((item) => new vscode.SymbolInformation(
          `${item.id} ${item.title}`,
          (Object.hasOwn(SYMBOL_KINDS, item.kind) ? SYMBOL_KINDS[item.kind] : undefined) ?? vscode.SymbolKind.Constant,
          kindLabel(item.kind),
          paths.location(item.idLocation),
        ));
    },
  });
}

/** `sr1` finds `SR-1`: the characters of the query appear in order. */
function fuzzy(text: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = text.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
