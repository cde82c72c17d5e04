// The extension's settings (`sectrace.*`), read fresh each time so changes apply without a reload.
import * as vscode from 'vscode';

export interface Settings {
  readonly debounceMs: number;
  readonly diagnosticsEnabled: boolean;
  readonly maxDiagnosticsPerFile: number;
  readonly showOnlyGaps: boolean;
  readonly codeLensEnabled: boolean;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('sectrace');
  return {
    debounceMs: clamp(config.get<number>('indexing.debounceMs', 300), 0, 10_000),
    diagnosticsEnabled: config.get<boolean>('diagnostics.enabled', true),
    maxDiagnosticsPerFile: clamp(config.get<number>('diagnostics.maxPerFile', 500), 1, 100_000),
    showOnlyGaps: config.get<boolean>('views.showOnlyGaps', false),
    codeLensEnabled: config.get<boolean>('codeLens.enabled', true),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
