// Document links: every ID written in a file (tags, link attributes, mentions) links to its definition.
// Definitions themselves are not links; they are where the links lead.
import * as vscode from 'vscode';
import type { FileFacts, IdRef } from '../../core/index';
import type { Deps } from '../deps';
import { toRange } from '../host/paths';

export function registerDocumentLinkSupport(deps: Deps): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(deps.selector, {
    async provideDocumentLinks(document) {
      await deps.controller.settled();
      const paths = deps.controller.paths;
      const snapshot = deps.controller.snapshot();
      const file = paths?.toFile(document.uri);
      const facts = file ? deps.controller.facts(file) : undefined;
      if (!paths || !snapshot || !facts) return [];
      const links: vscode.DocumentLink[] = [];
      for (const ref of refsOf(facts)) {
        const item = snapshot.graph.items.get(ref.id);
        if (!item) continue;
        const { line, character } = item.idLocation.range.start;
        // `#L12,5` is how VS Code's opener selects a position in the target file.
        const target = paths.toUri(item.idLocation.file).with({ fragment: `L${line + 1},${character + 1}` });
        const link = new vscode.DocumentLink(toRange(ref.range), target);
        link.tooltip = vscode.l10n.t('Go to {0}: {1}', item.id, item.title);
        links.push(link);
      }
      return links;
    },
  });
}

function refsOf(facts: FileFacts): IdRef[] {
  return [
    ...facts.tags.flatMap((tag) => tag.refs),
    ...facts.items.flatMap((item) => item.attributes.flatMap((attribute) => attribute.refs)),
    ...facts.mentions,
  ];
}
