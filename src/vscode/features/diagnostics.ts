// Every finding in the Problems panel, at its range, with source `sectrace` and the finding code.
// Updated whenever the snapshot changes (typing, saving, files on disk); only files whose findings
// changed are touched, so large workspaces do not flood the Problems panel with updates.
import * as vscode from 'vscode';
import type { Finding, TraceSnapshot } from '../../core/index';
import type { Deps } from '../deps';
import { toRange } from '../host/paths';

const SEVERITIES: Readonly<Record<string, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function registerDiagnostics(deps: Deps): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('sectrace');
  // What each file currently shows, as a key: unchanged files are skipped on the next update.
  const shown = new Map<string, string>();
  const update = () => {
    const snapshot = deps.controller.snapshot();
    const paths = deps.controller.paths;
    const settings = deps.settings();
    if (!snapshot || !paths || !settings.diagnosticsEnabled) {
      collection.clear();
      shown.clear();
      return;
    }
    const wanted = groupByFile(snapshot);
    for (const file of [...shown.keys()]) {
      if (wanted.has(file)) continue;
      shown.delete(file);
      collection.delete(paths.toUri(file));
    }
    for (const [file, findings] of wanted) {
      const key = JSON.stringify(findings) + settings.maxDiagnosticsPerFile;
      if (shown.get(file) === key) continue;
      shown.set(file, key);
      collection.set(paths.toUri(file), toDiagnostics(findings, settings.maxDiagnosticsPerFile));
    }
  };
  return vscode.Disposable.from(
    collection,
    deps.controller.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('sectrace.diagnostics') && update()),
  );
}

function groupByFile(snapshot: TraceSnapshot): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of snapshot.findings) {
    const list = byFile.get(finding.location.file) ?? [];
    list.push(finding);
    byFile.set(finding.location.file, list);
  }
  return byFile;
}

/** Past the cap, one note at the top says how many were left out (the report has them all). */
export function toDiagnostics(findings: readonly Finding[], max: number): vscode.Diagnostic[] {
  const diagnostics = findings.slice(0, max).map(toDiagnostic);
  if (findings.length > max) {
    const note = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      vscode.l10n.t('{0} more sectrace findings in this file are not shown (limit {1}, setting sectrace.diagnostics.maxPerFile). The report lists them all.', findings.length - max, max),
      vscode.DiagnosticSeverity.Information,
    );
    note.source = 'sectrace';
    note.code = 'too-many-findings';
    diagnostics.push(note);
  }
  return diagnostics;
}

function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.location.range), finding.message, SEVERITIES[finding.severity] ?? vscode.DiagnosticSeverity.Information);
  diagnostic.source = 'sectrace';
  diagnostic.code = finding.code;
  return diagnostic;
}

