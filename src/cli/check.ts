// `sectrace check [folder]`: trace, print a summary (or JSON), exit by the fail level.
// @implements ST-14, ST-37
import { parseArgs } from 'node:util';
import type { Severity } from '../core';
import { checkJsonSections, verdictFor } from '../core/export/checkJson';
import { writeJson } from './jsonOut';
import { formatOftVerdict, oftVerdict } from '../core/importers';
import { loadSnapshot } from './load';
import { checkAdditions } from './since';
import { ANSI, formatSummary, PLAIN } from './summaryText';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './usage';
import type { CliIo } from './io';

const LEVELS: readonly Severity[] = ['error', 'warning', 'info', 'off'];

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { 'fail-on': { type: 'string' }, json: { type: 'boolean' }, stats: { type: 'boolean' }, format: { type: 'string' }, since: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError(`check takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const dir = positionals[0] ?? '.';
  const failOn = parseFailOn(values['fail-on']);
  const format = parseFormat(values.format, values.json);
  const loaded = await loadSnapshot(dir, { cwd: io.cwd, stderr: io.stderrStream, now: io.now });
  const { snapshot } = loaded;
  const level = failOn ?? snapshot.config.failOn;
  const verdict = verdictFor(snapshot, level);
  // Change impact (docs/impact.md): `--since REF`, and the text diffs of suspect links.
  const added = format === 'oft' ? { text: '' } : await checkAdditions(loaded.root, snapshot, values.since, format === 'text', io.color ? ANSI : PLAIN);
  if (format === 'json') writeJson({ ...checkJsonSections(snapshot, io.tool, level), ...(added.impact ? { impact: added.impact } : {}) }, io.stdout);
  else if (format === 'oft') printOftVerdict(snapshot, verdict, io);
  else io.stdout(formatSummary(snapshot, dir, verdict, level, io.color ? ANSI : PLAIN, added.text));
  if (values.stats) io.stderr(JSON.stringify(stats(loaded, started)) + '\n');
  return verdict === 'fail' ? EXIT_FINDINGS : EXIT_OK;
}

const FORMATS = ['text', 'json', 'oft'] as const;

function parseFormat(value: string | undefined, json: boolean | undefined): (typeof FORMATS)[number] {
  if (value === undefined) return json ? 'json' : 'text';
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got \`${value}\``);
  if (json && value !== 'json') throw new UsageError(`--json and --format ${value} ask for different outputs: give one`);
  return value as (typeof FORMATS)[number];
}

/**
 * OpenFastTrace's plain-text verdict line (`ok - 12 total`, `not ok - 12 total, 3 defect`), so scripts
 * written for `oft trace` keep working. The exit code stays sectrace's: when other findings decide it,
 * a note on stderr says so.
 */
function printOftVerdict(snapshot: Awaited<ReturnType<typeof loadSnapshot>>['snapshot'], verdict: 'pass' | 'fail', io: CliIo): void {
  const oft = oftVerdict(snapshot.graph, snapshot.config);
  io.stdout(formatOftVerdict(oft) + '\n');
  if ((oft.defects > 0) !== (verdict === 'fail')) {
    io.stderr(verdict === 'fail'
      ? 'sectrace: other findings fail the check; run without --format oft to see them\n'
      : 'sectrace: the OpenFastTrace defects are below the fail level (see `severity` and `fail-on`)\n');
  }
}

function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!(LEVELS as readonly string[]).includes(value)) throw new UsageError(`--fail-on must be one of ${LEVELS.join(', ')}, got \`${value}\``);
  return value as Severity;
}

function stats(loaded: Awaited<ReturnType<typeof loadSnapshot>>, started: number) {
  const { graph } = loaded.snapshot;
  // Under `node --expose-gc` (the benchmark's memory run) the heap is measured after a collection, so it
  // counts what the trace keeps, not garbage that happens to be uncollected yet.
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const memory = process.memoryUsage();
  return {
    files: graph.fileCount,
    items: graph.items.size,
    references: graph.traceCount + graph.referenceCount + graph.links.length + graph.unresolved.length,
    findings: loaded.snapshot.findings.length,
    indexMs: Math.round(loaded.timings.indexMs),
    snapshotMs: Math.round(loaded.timings.snapshotMs),
    totalMs: Math.round(performance.now() - started),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: memory.heapUsed,
    heapCollected: collect !== undefined,
  };
}
