// Commands behind clicks in trees, hovers, CodeLens and the report: open a location, open an item's
// definition, list an item's traces. Arguments may come from command URIs, so they are checked.
import * as vscode from 'vscode';
import type { Location, Range } from '../../core/index';
import { Commands, type Deps } from '../deps';
import { toRange } from '../host/paths';

export function registerNavigationCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openLocation, (file: unknown, range?: unknown) => openLocation(deps, file, range)),
    vscode.commands.registerCommand(Commands.openItem, (id: unknown) => openItem(deps, id)),
    vscode.commands.registerCommand(Commands.showTraces, (id: unknown, which?: unknown) => showTraces(deps, id, which)),
  );
}

/** Opens a workspace-relative file at a range. Returns false (and opens nothing) for anything outside the folder. */
export async function openLocation(deps: Deps, file: unknown, range?: unknown): Promise<boolean> {
  const paths = deps.controller.paths;
  if (!paths || typeof file !== 'string' || !isSafeRelativePath(file)) return false;
  const selection = isRange(range) ? toRange(range) : undefined;
  await vscode.window.showTextDocument(paths.toUri(file), { selection, preview: true });
  return true;
}

async function openItem(deps: Deps, id: unknown): Promise<boolean> {
  const item = typeof id === 'string' ? deps.controller.snapshot()?.graph.items.get(id) : undefined;
  if (!item) return false;
  return openLocation(deps, item.idLocation.file, item.idLocation.range);
}

async function showTraces(deps: Deps, id: unknown, which?: unknown): Promise<void> {
  const graph = deps.controller.snapshot()?.graph;
  if (!graph || typeof id !== 'string') return;
  const traces = which === 'impl' ? graph.implementationsOf(id) : which === 'test' ? graph.testsOf(id) : graph.tracesOf(id);
  const links = which ? [] : [...graph.linksFrom(id).map((l) => ({ id: l.target, label: l.relation })), ...graph.linksTo(id).map((l) => ({ id: l.source, label: `${l.relation} ←` }))];
  type Pick = vscode.QuickPickItem & { location: Location };
  const picks: Pick[] = [
    ...traces.map((t) => ({ label: `$(${t.tag === 'verifies' || t.role === 'test' ? 'beaker' : 'code'}) ${t.location.file}:${t.location.range.start.line + 1}`, description: `@${t.tag}`, location: t.location })),
    ...links.flatMap(({ id: other, label }) => {
      const item = graph.items.get(other);
      return item ? [{ label: `$(link) ${other} ${item.title}`, description: label, location: item.idLocation }] : [];
    }),
  ];
  if (picks.length === 1) {
    await openLocation(deps, picks[0].location.file, picks[0].location.range);
    return;
  }
  const picked = await vscode.window.showQuickPick(picks, { placeHolder: picks.length ? vscode.l10n.t('Traces of {0}', id) : vscode.l10n.t('{0} has no traces yet', id) });
  if (picked) await openLocation(deps, picked.location.file, picked.location.range);
}

export function isSafeRelativePath(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !/^[a-zA-Z]:/.test(file) && !file.includes('\\') && !file.split('/').includes('..') && !file.includes('\0');
}

function isRange(value: unknown): value is Range {
  const r = value as Range | undefined;
  const ok = (p: unknown) => !!p && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character) && (p as { line: number }).line >= 0 && (p as { character: number }).character >= 0;
  return !!r && ok(r.start) && ok(r.end);
}
