// The design-review report: one model built from a snapshot, several renderings of it. Pure and
// host-neutral, so the CLI writes it to files and the extension shows the HTML in a webview.
import type { TraceSnapshot } from '../api';
import type { ImpactReport } from '../impact/since';
import type { Severity } from '../model';
import { buildReport as build } from './build';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { ReportModel } from './model';
import { renderSarif } from './sarif';

export type ReportFormat = 'md' | 'html' | 'json' | 'sarif' | 'csv';

export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json', 'sarif', 'csv'];

export interface ReportContext {
  readonly toolName: string;
  readonly toolVersion: string;
  readonly date: Date;
  readonly commit?: string;
  /** The configuration file, relative to the workspace root; undefined when the defaults were used. */
  readonly configFile?: string;
  /** For example "412 files: 12 specs, 380 code, 20 tests; 3 skipped"; computed from the snapshot when absent. */
  readonly scope?: string;
  /** A fail level that overrides the configuration's (`--fail-on`), so the verdict matches the exit code. */
  readonly failOn?: Severity;
  /**
   * Relative path from where the report will be opened to the workspace root, ending in `/` (`../` for a
   * report written to `reports/`). Prefixes file links in Markdown and HTML. Default `''`: the root.
   */
  readonly linkBase?: string;
  /** What changed since a git revision, computed by the host (`report --since REF`). */
  readonly impact?: ImpactReport;
}

export function buildReport(snapshot: TraceSnapshot, context: ReportContext): ReportModel {
  return build(snapshot, context);
}

export function renderReport(report: ReportModel, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'csv':
      return renderCsv(report);
  }
}

export { isPreviousReport } from './marker';
export { REPORT_MARKER, REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from './model';
export type * from './model';
