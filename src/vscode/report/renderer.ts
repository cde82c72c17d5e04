// The seam to the engine's report: build the report model from a snapshot, render one format. The context
// says who made the report and where its file links start from.
import { buildReport, renderReport, REPORT_FORMATS, type ReportContext, type ReportFormat } from '../../core/report/index';
import type { TraceSnapshot } from '../../core/index';

export { REPORT_FORMATS, type ReportFormat };

export interface RenderOptions {
  readonly toolVersion: string;
  /** The configuration file when the workspace has one. */
  readonly configFile?: string;
  /** Relative path from the report's folder to the workspace root, ending in `/` (empty: the root). */
  readonly linkBase?: string;
}

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderSnapshot(snapshot: TraceSnapshot, format: ReportFormat, options: RenderOptions): string {
  const context: ReportContext = {
    toolName: 'sectrace',
    toolVersion: options.toolVersion,
    date: new Date(),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.linkBase ? { linkBase: options.linkBase } : {}),
  };
  return renderReport(buildReport(snapshot, context), format);
}
