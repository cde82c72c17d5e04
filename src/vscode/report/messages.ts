// Messages from the report webview are untrusted input: only two shapes are accepted, and a file to open
// must be a relative path the current snapshot knows (so a crafted report cannot open anything else).
// @implements STM-7
import type { TraceSnapshot } from '../../core/index';
import { isSafeRelativePath } from '../features/navigation';
import { isReportFormat, type ReportFormat } from './renderer';

export type ReportMessage =
  | { readonly type: 'open'; readonly file: string; readonly line: number }
  | { readonly type: 'export'; readonly format: ReportFormat };

export function parseMessage(message: unknown, snapshot: TraceSnapshot | undefined): ReportMessage | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const { type, file, line, format } = message as Record<string, unknown>;
  if (type === 'export') return isReportFormat(format) ? { type, format } : undefined;
  if (type !== 'open' || typeof file !== 'string' || !isSafeRelativePath(file)) return undefined;
  if (!snapshot?.graph.fileFacts(file)) return undefined;
  const at = typeof line === 'number' && Number.isInteger(line) && line >= 1 && line < 10_000_000 ? line : 1;
  return { type, file, line: at };
}
