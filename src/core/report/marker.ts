// Telling a previous report from any other file, so `report --out` can replace the one and refuses to
// overwrite the other. Rule: the first kilobyte contains `sectrace:report` (Markdown, HTML, JSON,
// SARIF all carry it), or the first line is the CSV matrix header sectrace writes.
import { CSV_HEADER, CSV_HEADER_V1 } from './csv';
import { csvField } from './escape';
import { REPORT_MARKER } from './model';

const CSV_HEADER_LINES = [CSV_HEADER, CSV_HEADER_V1].map((header) => header.map(csvField).join(','));

export function isPreviousReport(text: string): boolean {
  if (text.slice(0, 1024).includes(REPORT_MARKER)) return true;
  return CSV_HEADER_LINES.includes(text.split(/\r?\n/, 1)[0]);
}
