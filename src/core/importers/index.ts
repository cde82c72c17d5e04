// Importers: other traceability tools' formats read into the same facts as sectrace's own, so that the
// graph, the checks and every editor feature work on them unchanged (docs/importers.md).
//
//   scan:  withImports(facts, text, context)  adds what the enabled importers read from one file
//   link:  ./graph                             IDs an importer resolves; ThreatSpec definitions merging
//   check: checkImported(graph, config, emit)  OpenFastTrace's link statuses and uncovered needs
//   CLI:   oftVerdict(graph, config)           OpenFastTrace's item and defect counts
//
// Importers run only when enabled, and only on files whose text holds their cheap marker.
// @implements ST-30
import type { SectraceConfig } from '../config';
import type { TraceGraph } from '../link';
import type { FileFacts, FindingCode, Location, Range, Severity } from '../model';
import { languageForPath, lexComments, type CommentSpan } from '../scan/code';
import type { ScanContext } from '../scan/file';
import { readLobster } from './lobster';
import { mayHoldOftId, oftReadsTagsIn, readOftComments, readOftSpec } from './oft/read';
import { traceOft } from './oft/trace';
import { importerSettings } from './settings';
import { readStrictDoc } from './strictdoc';
import { commentBlocks, emptyOutput, inAny, TextCursor, type ImportOutput } from './text';
import { readThreatSpec, THREATSPEC_MARK } from './threatspec';

export { IMPORTER_NAMES, IMPORTER_TITLES, type ImporterName } from './names';
export { importerSettings } from './settings';
export { resolvedByImporter, mergesDefinitions } from './graph';

/** Adds what the enabled importers read from a file to the facts the native scanners produced. */
export function withImports(facts: FileFacts, text: string, context: ScanContext): FileFacts {
  const { enabled } = importerSettings(context.config);
  if (!enabled.size) return facts;
  const oft = enabled.has('oft') && text.includes('~') && mayHoldOftId(text);
  if (facts.role === 'spec') {
    if (!oft) return facts;
    const out = emptyOutput();
    readOftSpec(new TextCursor(text), out);
    return merge(facts, out);
  }
  const threatspec = enabled.has('threatspec') && THREATSPEC_MARK.test(text);
  const strictdoc = enabled.has('strictdoc') && text.includes('@relation');
  const lobster = enabled.has('lobster') && text.includes('lobster-');
  const oftTags = oft && oftReadsTagsIn(facts.file);
  if (!oftTags && !threatspec && !strictdoc && !lobster) return facts;
  const language = languageForPath(facts.file);
  if (!language) return facts;
  const comments: readonly CommentSpan[] = commentBlocks(text, lexComments(text, language));
  const cursor = new TextCursor(text);
  const out = emptyOutput();
  if (oftTags) readOftComments(cursor, comments, facts.role, out);
  if (threatspec) readThreatSpec(cursor, comments, facts.role, context.ids, out);
  if (strictdoc) readStrictDoc(cursor, comments, facts.role, out);
  if (lobster) readLobster(cursor, comments, facts.role, out);
  return merge(facts, out);
}

/** The native facts outside the text importers claimed, plus what the importers read. */
function merge(facts: FileFacts, out: ImportOutput): FileFacts {
  if (!out.items.length && !out.tags.length && !out.mentions.length && !out.problems.length) return facts;
  const keep = <T extends { range: Range }>(list: readonly T[]) => (out.claimed.length ? list.filter((x) => !inAny(out.claimed, x.range)) : list);
  return {
    ...facts,
    items: [...facts.items, ...out.items],
    tags: [...keep(facts.tags), ...out.tags],
    mentions: [...keep(facts.mentions), ...out.mentions],
    problems: [...keep(facts.problems), ...out.problems],
  };
}

/** Whether OpenFastTrace's rules apply: listed in `importers:`, or (auto) some spec defines an OFT item. */
export function oftActive(graph: TraceGraph, config: SectraceConfig): boolean {
  const { enabled, auto } = importerSettings(config);
  if (!enabled.has('oft')) return false;
  return !auto || graph.hasOftDefinitions;
}

export type ImportedEmit = (code: FindingCode, location: Location, message: string, extra?: { id?: string; suggestion?: string; severity?: Severity }) => void;

/** The checks that follow an importer's own rules: OpenFastTrace link statuses, duplicates of tag items, uncovered needs. */
export function checkImported(graph: TraceGraph, config: SectraceConfig, emit: ImportedEmit): void {
  if (!oftActive(graph, config)) return;
  for (const finding of traceOft(graph).findings) {
    emit(finding.code, finding.location, finding.message, { id: finding.id, ...(finding.suggestion ? { suggestion: finding.suggestion } : {}) });
  }
}

export interface OftVerdict {
  /** Items OFT would count: spec items (duplicates included) and the items of coverage tags. */
  readonly total: number;
  readonly defects: number;
}

/** OpenFastTrace's summary numbers for the graph (0 and 0 where OFT does not apply). */
export function oftVerdict(graph: TraceGraph, config: SectraceConfig): OftVerdict {
  if (!oftActive(graph, config)) return { total: 0, defects: 0 };
  const trace = traceOft(graph);
  return { total: trace.items.length, defects: trace.defects.length };
}

/** OFT's plain-text summary line: `ok - 12 total` or `not ok - 12 total, 3 defect`. */
export function formatOftVerdict(verdict: OftVerdict): string {
  return verdict.defects ? `not ok - ${verdict.total} total, ${verdict.defects} defect` : `ok - ${verdict.total} total`;
}
