// CSV rendering of the requirement and mitigation matrix, for spreadsheets and trace tools: RFC 4180
// (CRLF line ends, quotes doubled), and cells that would start a formula get a leading apostrophe.
// CSV has no comments, so the fixed header row is what marks a file as a sectrace report.
import { csvField, locationLabel } from './escape';
import { reviewCellText } from './impact';
import type { ReportModel, TracedItem, TraceRef } from './model';

export const CSV_HEADER = ['ID', 'Kind', 'Title', 'Spec location', 'Needs', 'Implemented', 'Verified', 'Implemented in', 'Verified by', 'Gaps', 'Review'];
/** The header before the Review column was added: such a file is a previous report too. */
export const CSV_HEADER_V1 = CSV_HEADER.slice(0, 10);

export function renderCsv(report: ReportModel): string {
  const rows = [CSV_HEADER, ...report.matrix.map(row)];
  return rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function row(item: TracedItem): string[] {
  return [
    item.id,
    item.kind,
    item.title,
    locationLabel(item.location),
    item.needs.join(' '),
    status(item.needs.includes('impl'), item.implemented),
    status(item.needs.includes('test'), item.verified),
    refs(item.implementations),
    refs(item.tests),
    item.gaps.join(' '),
    reviewCellText(item),
  ];
}

function status(needed: boolean, done: boolean): string {
  if (done) return 'yes';
  return needed ? 'no' : 'not needed';
}

function refs(list: readonly TraceRef[]): string {
  return list.map((r) => `${locationLabel(r.location)}${r.via ? ` (via ${r.via})` : ''}`).join('; ');
}
