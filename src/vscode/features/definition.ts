// Go to definition: from an ID anywhere to the spec heading or table row that defines it.
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { toRange } from '../host/paths';
import { idUnderCursor } from './lookup';

export function registerDefinitionSupport(deps: Deps): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(deps.selector, {
    async provideDefinition(document, position) {
      const found = await idUnderCursor(deps, document, position);
      const paths = deps.controller.paths;
      if (!found?.at.item || !paths) return undefined;
      const definitions = found.snapshot.graph.definitions.get(found.at.id) ?? [];
      // Every definition of a duplicated ID is offered, so the user can find the duplicate.
      return definitions.map(({ item }): vscode.LocationLink => ({
        originSelectionRange: toRange(found.at.range),
        targetUri: paths.toUri(item.location.file),
        targetRange: toRange(item.location.range),
        targetSelectionRange: toRange(item.idLocation.range),
      }));
    },
  });
}
