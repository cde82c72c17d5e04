// JSON rendering: the report model itself, versioned (`$schema`, `schemaVersion`) and described by
// schemas/report.schema.json, which the tests validate every rendering against.
// @implements ST-13
import type { ReportModel } from './model';

export function renderJson(report: ReportModel): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
