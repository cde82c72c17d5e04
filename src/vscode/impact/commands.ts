// Change-impact commands: re-pin one link or all links to an item (from a CodeLens, a quick fix, the
// tree's context menu or the ID under the cursor), show what changed in an item as a diff editor, and
// record a review stamp in `.sectrace/reviews.yaml`. Arguments may come from command URIs and menus, so
// they are checked.
// @implements ST-57, ST-53
import * as vscode from 'vscode';
import { itemFingerprint, itemText, pinMatches, pinOf } from '../../core/impact/fingerprint';
import { parseReviews, REVIEWS_FILE, serializeReviews, withStamps, type ReviewStamp } from '../../core/impact/reviews';
import { runGitAsync } from '../../cli/since';
import type { Deps } from '../deps';
import { fromPosition } from '../host/paths';
import { applyRepins, pinnedText, requireTrust, traceAt } from './links';

export const ImpactCommands = {
  repinLink: 'sectrace.repinLink',
  repinAll: 'sectrace.repinAll',
  showChange: 'sectrace.showChange',
  recordReview: 'sectrace.recordReview',
  showImpact: 'sectrace.showImpact',
} as const;

/** The scheme of the read-only "then" and "now" documents of the diff editor. */
const TEXT_SCHEME = 'sectrace-text';

export function registerImpactCommands(deps: Deps): vscode.Disposable {
  const texts = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = { provideTextDocumentContent: (uri) => texts.get(uri.path) ?? '' };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(TEXT_SCHEME, provider),
    vscode.commands.registerCommand(ImpactCommands.repinLink, (file: unknown, line: unknown, character: unknown) => repinLink(deps, file, line, character)),
    vscode.commands.registerCommand(ImpactCommands.repinAll, (target: unknown) => repinAll(deps, target)),
    vscode.commands.registerCommand(ImpactCommands.showChange, (file: unknown, line: unknown, character: unknown) => showChange(deps, texts, file, line, character)),
    vscode.commands.registerCommand(ImpactCommands.recordReview, (target: unknown, options?: unknown) => recordReview(deps, target, options)),
  );
}

async function repinLink(deps: Deps, file: unknown, line: unknown, character: unknown): Promise<number> {
  if (!requireTrust()) return 0;
  await deps.controller.whenIdle();
  const snapshot = deps.controller.snapshot();
  if (!snapshot || typeof file !== 'string' || !isIndex(line) || !isIndex(character)) return 0;
  const trace = traceAt(snapshot, file, new vscode.Position(line, character));
  if (!trace || trace.pin === undefined) return 0;
  return applyRepins(deps, [trace], false, vscode.l10n.t('Re-pin {0}', trace.id));
}

/** Re-pins every stale pin on links to the item; the item comes from a tree node, an ID, or the cursor. */
async function repinAll(deps: Deps, target: unknown): Promise<number> {
  if (!requireTrust()) return 0;
  const id = await targetId(deps, target);
  await deps.controller.whenIdle();
  const snapshot = deps.controller.snapshot();
  const item = id ? snapshot?.graph.items.get(id) : undefined;
  if (!snapshot || !item) {
    void vscode.window.showInformationMessage(vscode.l10n.t('sectrace: put the cursor on a traceability ID (or pick an item in the tree) to re-pin its links.'));
    return 0;
  }
  const fingerprint = itemFingerprint(item);
  const stale = snapshot.graph.tracesOf(item.id).filter((t) => t.pin !== undefined && !pinMatches(t.pin, fingerprint));
  if (!stale.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('sectrace: every pinned link to {0} is up to date (#{1}).', item.id, pinOf(fingerprint)));
    return 0;
  }
  const count = await applyRepins(deps, stale, false, vscode.l10n.t('Re-pin links to {0}', item.id));
  void vscode.window.showInformationMessage(vscode.l10n.t('sectrace: re-pinned {0} links to {1}. Save the changed files to keep them.', count, item.id));
  return count;
}

async function showChange(deps: Deps, texts: Map<string, string>, file: unknown, line: unknown, character: unknown): Promise<boolean> {
  const snapshot = deps.controller.snapshot();
  if (!snapshot || typeof file !== 'string' || !isIndex(line) || !isIndex(character)) return false;
  const trace = traceAt(snapshot, file, new vscode.Position(line, character));
  if (!trace) return false;
  const found = await pinnedText(deps, snapshot, trace);
  if (!found) return false;
  const then = found.oldText ?? vscode.l10n.t('(The text of version #{0} was not found: no review stamp of it, and not in the git history of its spec file.)', trace.pin ?? '');
  const stamp = `${trace.id}-${trace.pin}-${Date.now()}`;
  texts.set(`/${stamp}/then.txt`, then);
  texts.set(`/${stamp}/now.txt`, found.newText);
  const title = vscode.l10n.t('{0}: #{1} (pinned) ↔ now', trace.id, trace.pin ?? '');
  await vscode.commands.executeCommand('vscode.diff', vscode.Uri.from({ scheme: TEXT_SCHEME, path: `/${stamp}/then.txt` }), vscode.Uri.from({ scheme: TEXT_SCHEME, path: `/${stamp}/now.txt` }), title);
  return true;
}

/**
 * Records that the item was reviewed as it reads now. `options.by` skips the prompt (for scripts and
 * tests); otherwise the reviewer is asked for, with git's user.name as the suggestion.
 */
async function recordReview(deps: Deps, target: unknown, options: unknown): Promise<ReviewStamp | undefined> {
  if (!requireTrust()) return undefined;
  const id = await targetId(deps, target);
  await deps.controller.whenIdle();
  const snapshot = deps.controller.snapshot();
  const paths = deps.controller.paths;
  const item = id ? snapshot?.graph.items.get(id) : undefined;
  if (!snapshot || !paths || !item) {
    void vscode.window.showInformationMessage(vscode.l10n.t('sectrace: put the cursor on a traceability ID (or pick an item in the tree) to record its review.'));
    return undefined;
  }
  const given = typeof (options as { by?: unknown } | undefined)?.by === 'string' ? String((options as { by: string }).by) : undefined;
  const by = (given ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Record review of {0}', item.id),
    prompt: vscode.l10n.t('Who reviewed {0} as it reads now? Written to {1}.', item.id, REVIEWS_FILE),
    value: await gitUserName(paths.root),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The reviewer is needed.')),
  })))?.replace(/\s+/g, ' ').trim();
  if (!by) return undefined;
  const uri = paths.toUri(REVIEWS_FILE);
  let existingText = '';
  try {
    existingText = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // No store yet: it is created.
  }
  const existing = parseReviews(existingText);
  const broken = existing.problems.find((p) => /invalid YAML|expected `version/.test(p.message));
  if (broken) {
    void vscode.window.showErrorMessage(vscode.l10n.t('sectrace: {0} (line {1}). Fix it before recording reviews.', broken.message, broken.range.start.line + 1));
    return undefined;
  }
  const date = typeof (options as { date?: unknown } | undefined)?.date === 'string' ? String((options as { date: string }).date) : new Date().toISOString().slice(0, 10);
  const stamp: ReviewStamp = { id: item.id, fingerprint: itemFingerprint(item), by, date, text: itemText(item) };
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeReviews(withStamps(existing, [stamp]))));
  deps.controller.fileChanged(uri);
  await deps.controller.whenIdle();
  void vscode.window.showInformationMessage(vscode.l10n.t('sectrace: recorded the review of {0} (#{1}) by {2} in {3}.', item.id, pinOf(stamp.fingerprint), by, REVIEWS_FILE));
  return stamp;
}

/** An ID from a tree node (`{ id }`), a string, or the traceability ID under the cursor. */
async function targetId(deps: Deps, target: unknown): Promise<string | undefined> {
  if (typeof target === 'string') return target;
  if (target && typeof target === 'object' && typeof (target as { id?: unknown }).id === 'string' && (target as { type?: unknown }).type === 'item') return (target as { id: string }).id;
  const editor = vscode.window.activeTextEditor;
  const file = editor && deps.controller.paths?.toFile(editor.document.uri);
  if (!editor || !file) return undefined;
  await deps.controller.settled();
  return deps.controller.service?.idAt(file, fromPosition(editor.selection.active))?.id;
}

async function gitUserName(root: vscode.Uri): Promise<string> {
  if (root.scheme !== 'file') return '';
  try {
    return (await runGitAsync(root.fsPath, ['config', 'user.name'])).trim();
  } catch {
    return '';
  }
}

function isIndex(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
