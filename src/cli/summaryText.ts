// The human summary of `sectrace check`: counts and coverage per kind, then findings grouped by file with
// `file:line:column`, so a terminal or CI log links straight to them. Colour only on a terminal.
import type { Finding, KindSummary, Severity, TraceSnapshot } from '../core';

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
}

export const PLAIN: TextStyle = { bold: (t) => t, dim: (t) => t, severity: (_s, t) => t };

export const ANSI: TextStyle = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  severity: (s, t) => `\x1b[${s === 'error' ? 31 : s === 'warning' ? 33 : 36}m${t}\x1b[39m`,
};

/** `details` (the change-impact section) goes before the verdict, so the verdict is always the last line. */
export function formatSummary(snapshot: TraceSnapshot, displayRoot: string, verdict: 'pass' | 'fail', failOn: Severity, style: TextStyle, details = ''): string {
  const { summary } = snapshot;
  const out: string[] = [];
  const f = summary.files;
  out.push(style.bold(`sectrace check: ${displayRoot}`));
  out.push(`Traced ${f.specs + f.code + f.tests} files: ${f.specs} specs, ${f.code} code, ${f.tests} tests${f.skipped ? `; ${f.skipped} skipped` : ''}`);
  for (const { file, reason } of snapshot.skipped.slice(0, 10)) out.push(style.dim(`  skipped ${file}: ${reason}`));
  if (snapshot.skipped.length > 10) out.push(style.dim(`  ... and ${snapshot.skipped.length - 10} more skipped`));
  out.push('');
  out.push(...formatKinds(summary.kinds, style));
  out.push('');
  out.push(...formatFindings(snapshot.findings, style));
  const extra = details.replace(/^\n+|\n+$/g, '');
  if (extra) out.push(extra, '');
  const n = summary.findings;
  const counts = `${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info`;
  out.push(verdict === 'pass'
    ? `${style.bold('PASS')}: ${counts}; nothing at or above --fail-on ${failOn}`
    : `${style.severity('error', style.bold('FAIL'))}: ${counts}; findings at or above --fail-on ${failOn}`);
  return out.join('\n') + '\n';
}

function formatKinds(kinds: readonly KindSummary[], style: TextStyle): string[] {
  if (!kinds.length) return ['No items found. Define them in Markdown headings such as `## SR-1: Title` (see README).'];
  const rows = kinds.map((k) => [k.kind, String(k.total), ratio(k.implemented, k.needImpl), ratio(k.verified, k.needTest)]);
  const header = ['kind', 'items', 'implemented', 'verified'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [style.bold(line(header)), ...rows.map(line)];
}

function ratio(done: number, of: number): string {
  if (of === 0) return '-';
  return `${done}/${of} ${Math.round((100 * done) / of)}%`;
}

function formatFindings(findings: readonly Finding[], style: TextStyle): string[] {
  if (!findings.length) return ['No findings.', ''];
  const out: string[] = [style.bold('Findings')];
  let file = '';
  for (const finding of findings) {
    if (finding.location.file !== file) {
      file = finding.location.file;
      out.push(style.bold(file));
    }
    const { line, character } = finding.location.range.start;
    out.push(`  ${file}:${line + 1}:${character + 1}  ${style.severity(finding.severity, finding.severity.padEnd(7))}  ${finding.code}  ${finding.message}`);
  }
  out.push('');
  return out;
}
