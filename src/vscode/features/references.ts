// Find all references: every place the ID under the cursor is written (definitions, tags, links, mentions).
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { idUnderCursor } from './lookup';

export function registerReferenceSupport(deps: Deps): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(deps.selector, {
    async provideReferences(document, position, context) {
      const found = await idUnderCursor(deps, document, position);
      const paths = deps.controller.paths;
      const service = deps.controller.service;
      if (!found || !paths || !service) return undefined;
      const definitions = (found.snapshot.graph.definitions.get(found.at.id) ?? []).map(({ item }) => item.idLocation);
      const isDefinition = (file: string, line: number, character: number) =>
        definitions.some((d) => d.file === file && d.range.start.line === line && d.range.start.character === character);
      return service
        .occurrences(found.at.id)
        .filter((o) => context.includeDeclaration || !isDefinition(o.file, o.range.start.line, o.range.start.character))
        .map((o) => paths.location(o));
    },
  });
}
