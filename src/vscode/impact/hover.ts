// Hover on a suspect link: what changed in the item since the link was pinned, as a diff of its text then
// (from the review stamp, or from the spec file's git history) and now. Shown below the item's own hover.
// @implements ST-57
import * as vscode from 'vscode';
import { pinnedRange } from '../../core/impact/check';
import { lineDiff } from '../../core/impact/textDiff';
import type { Deps } from '../deps';
import { toRange } from '../host/paths';
import { pinnedText, shortPin, suspectLinks } from './links';

export function registerSuspectLinkHover(deps: Deps): vscode.Disposable {
  return vscode.languages.registerHoverProvider(deps.selector, {
    async provideHover(document, position) {
      const file = deps.controller.paths?.toFile(document.uri);
      if (!file) return undefined;
      await deps.controller.settled();
      const snapshot = deps.controller.snapshot();
      if (!snapshot) return undefined;
      const suspect = suspectLinks(snapshot, file).find(({ trace }) => toRange(pinnedRange(trace).range).contains(position));
      if (!suspect) return undefined;
      const { trace, fingerprint } = suspect;
      const texts = await pinnedText(deps, snapshot, trace);
      const md = new vscode.MarkdownString('', true);
      md.appendMarkdown(`$(warning) ${escape(vscode.l10n.t('{0} changed after this link was pinned: #{1} then, #{2} now.', trace.id, trace.pin ?? '', shortPin(fingerprint, trace.pin)))}\n\n`);
      if (texts?.oldText !== undefined) {
        md.appendMarkdown(`${escape(vscode.l10n.t('What changed (before: {0}):', texts.source ?? ''))}\n\n`);
        md.appendCodeblock(lineDiff(texts.oldText, texts.newText).map((l) => `${l.op} ${l.text}`).join('\n'), 'diff');
      } else {
        md.appendMarkdown(`${escape(vscode.l10n.t('The text of the pinned version was not found (no review stamp of it, and not in the git history of its spec file). The current text:'))}\n\n`);
        md.appendCodeblock(texts?.newText ?? '', 'text');
      }
      md.appendMarkdown(`\n${escape(vscode.l10n.t('Review this link against the new text, then use the quick fix "Reviewed: re-pin".'))}`);
      return new vscode.Hover(md, toRange(pinnedRange(trace).range));
    },
  });
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>$]/g, '\\$&');
}
