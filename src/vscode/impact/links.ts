// Shared by the change-impact features: the pinned links of a document, which of them are suspect, the
// edit that re-pins them, and the earlier text of the item a pin names (review stamp, then git history).
import * as vscode from 'vscode';
import type { CodeTrace, TraceSnapshot } from '../../core/index';
import { pinRange, reviewedText } from '../../core/impact/check';
import { editFor } from '../../core/impact/repin';
import { itemFingerprint, itemText, pinMatches, pinOf } from '../../core/impact/fingerprint';
import { explainChanges, gitRunner } from '../../cli/since';
import type { Deps } from '../deps';
import type { WorkspacePaths } from '../host/paths';
import { toRange } from '../host/paths';

/** A trace tag to a defined item whose pin no longer matches the item's fingerprint. */
export interface SuspectLink {
  readonly trace: CodeTrace;
  readonly fingerprint: string;
}

/** The suspect links written in one file, in line order. */
export function suspectLinks(snapshot: TraceSnapshot, file: string): SuspectLink[] {
  const facts = snapshot.graph.fileFacts(file);
  if (!facts || snapshot.config.severity['suspect-link'] === 'off') return [];
  const result: SuspectLink[] = [];
  for (const tag of facts.tags) {
    for (const ref of tag.refs) {
      const item = snapshot.graph.items.get(ref.id);
      if (!item || ref.pin === undefined) continue;
      const fingerprint = itemFingerprint(item);
      if (pinMatches(ref.pin, fingerprint)) continue;
      const trace = snapshot.graph.tracesOf(ref.id).find((t) => t.location.file === file && samePosition(t.location.range.start, ref.range.start));
      if (trace) result.push({ trace, fingerprint });
    }
  }
  return result;
}

/** The trace written at a position of a file (on its ID or its pin), if any. */
export function traceAt(snapshot: TraceSnapshot, file: string, position: vscode.Position): CodeTrace | undefined {
  const facts = snapshot.graph.fileFacts(file);
  for (const tag of facts?.tags ?? []) {
    for (const ref of tag.refs) {
      const { start, end } = ref.range;
      const last = end.character + (ref.pin ? ref.pin.length + 1 : 0);
      if (start.line !== position.line || position.character < start.character || position.character > last) continue;
      return snapshot.graph.tracesOf(ref.id).find((t) => t.location.file === file && samePosition(t.location.range.start, start));
    }
  }
  return undefined;
}

// @implements STM-6
/**
 * Adds to `edit` the re-pin of one trace (replacing a stale pin, or adding one when `add`); returns false
 * when there is nothing to do. The pin's characters are the only ones touched.
 */
export function addRepin(edit: vscode.WorkspaceEdit, paths: WorkspacePaths, trace: CodeTrace, fingerprint: string, add: boolean, label: string): boolean {
  const change = editFor(trace, fingerprint, add);
  if (!change) return false;
  const uri = paths.toUri(trace.location.file);
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  const range = pinRange(trace);
  if (range) edit.replace(uri, toRange(range.range), change.newPin, metadata);
  else edit.insert(uri, toRange(trace.location.range).end, `#${change.newPin}`, metadata);
  return true;
}

/** Applies a re-pin edit after checking that each document still reads what the engine saw. */
export async function applyRepins(deps: Deps, traces: readonly CodeTrace[], add: boolean, label: string): Promise<number> {
  const snapshot = deps.controller.snapshot();
  const paths = deps.controller.paths;
  if (!snapshot || !paths) return 0;
  const edit = new vscode.WorkspaceEdit();
  let count = 0;
  for (const trace of traces) {
    const item = snapshot.graph.items.get(trace.id);
    if (!item) continue;
    const document = await vscode.workspace.openTextDocument(paths.toUri(trace.location.file));
    const range = pinRange(trace);
    const expected = range ? trace.pin : trace.id;
    const written = document.getText(range ? toRange(range.range) : toRange(trace.location.range));
    if (written !== expected) continue; // the buffer moved on since the last index: leave it alone
    if (addRepin(edit, paths, trace, itemFingerprint(item), add, label)) count++;
  }
  if (count && !(await vscode.workspace.applyEdit(edit))) return 0;
  return count;
}

export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('sectrace does not change files in untrusted workspaces.'));
  return false;
}

// @implements STM-5
/** The item's text at the pinned version and now: from its review stamp, else (trusted only) from git history. */
export async function pinnedText(deps: Deps, snapshot: TraceSnapshot, trace: CodeTrace): Promise<{ oldText?: string; newText: string; source?: string } | undefined> {
  const item = snapshot.graph.items.get(trace.id);
  if (!item || trace.pin === undefined) return undefined;
  const newText = itemText(item);
  const fromReview = reviewedText(snapshot.reviews.stamps.get(item.id), trace.pin);
  if (fromReview !== undefined) return { oldText: fromReview, newText, source: vscode.l10n.t('review stamp') };
  const root = deps.controller.paths?.root;
  // git obeys the repository's own configuration, which can name programs for it to start (a signature
  // verifier for `git log`, a file-system monitor for `git diff`): in an untrusted folder, no git at all.
  if (!root || root.scheme !== 'file' || !vscode.workspace.isTrusted) return { newText };
  const key = `${item.location.file}\0${item.id}\0${trace.pin}`;
  const cached = historyCache.get(key);
  if (cached) return { ...cached, newText };
  const finding = snapshot.findings.find((f) => f.code === 'suspect-link' && f.location.file === trace.location.file && samePosition(f.location.range.start, trace.location.range.start));
  if (!finding) return { newText };
  try {
    const [explained] = await explainChanges({ ...snapshot, findings: [finding] }, gitRunner(root.fsPath, true), 100);
    if (explained?.oldText !== undefined) {
      const found = { oldText: explained.oldText, source: explained.source ?? 'git' };
      historyCache.set(key, found);
      return { ...found, newText };
    }
  } catch (error) {
    deps.log.info(`no git history for ${item.location.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { newText };
}

/** Old texts found in git history never change: kept for the session. */
const historyCache = new Map<string, { oldText: string; source: string }>();

export function shortPin(fingerprint: string, like?: string): string {
  return pinOf(fingerprint, like);
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}
