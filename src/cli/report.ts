// `sectrace report [folder] --format md|html|json|sarif|csv [--out FILE] [--force] [--fail-on LEVEL]`:
// trace the folder and write the design-review report to stdout or a file. Exit codes are those of
// `check`, and the report's verdict line always matches the exit code.
// @implements ST-14
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { CONFIG_FILE, type Severity } from '../core';
import { buildReport, isPreviousReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../core/report';
import { writeFileAtomic } from './atomicWrite';
import { gitCommit } from './git';
import { loadSnapshot } from './load';
import { GitError, impactSince } from './since';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from './usage';

/** What the command touches; a subset of the CLI's io, so tests can pass just this. */
export interface ReportIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrStream?: { isTTY?: boolean; write(text: string): unknown };
  readonly tool?: { readonly name: string; readonly version: string };
  readonly now?: () => Date;
}

interface Options {
  readonly dir: string;
  readonly format: ReportFormat;
  readonly out?: string;
  readonly force: boolean;
  readonly failOn?: Severity;
  /** `--since REF`: add the change impact section. */
  readonly since?: string;
}

const LEVELS: readonly Severity[] = ['error', 'warning', 'info', 'off'];
const EXTENSIONS: readonly [string, ReportFormat][] = [['.md', 'md'], ['.markdown', 'md'], ['.html', 'html'], ['.htm', 'html'], ['.sarif', 'sarif'], ['.sarif.json', 'sarif'], ['.json', 'json'], ['.csv', 'csv']];

export async function runReport(argv: string[], io: ReportIo): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError) && !isParseArgsError(error)) throw error;
    io.stderr(`sectrace report: ${(error as Error).message}\nRun \`sectrace help\` for usage.\n`);
    return EXIT_USAGE;
  }
  try {
    return await report(options, io);
  } catch (error) {
    // A missing folder, an unusable configuration, a file we may not replace: said plainly, exit 2.
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`sectrace report: ${error.message}\n`);
    return EXIT_USAGE;
  }
}

async function report(options: Options, io: ReportIo): Promise<number> {
  const now = io.now ?? (() => new Date());
  const stderrStream = io.stderrStream ?? { write: (text: string) => io.stderr(text) };
  const { root, snapshot } = await loadSnapshot(options.dir, { cwd: io.cwd, stderr: stderrStream, now });
  const target = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
  const tool = io.tool ?? { name: 'sectrace', version: pkg.version };
  const impact = options.since === undefined ? undefined : await impactSince(root, snapshot, options.since).catch((error: unknown) => {
    throw error instanceof GitError ? new UsageError(`--since ${options.since}: ${error.message}`) : error;
  });
  const model = buildReport(snapshot, {
    ...(impact ? { impact } : {}),
    toolName: tool.name,
    toolVersion: tool.version,
    date: now(),
    commit: gitCommit(root),
    configFile: fs.existsSync(path.join(root, CONFIG_FILE)) ? CONFIG_FILE : undefined,
    failOn: options.failOn,
    linkBase: target ? linkBase(root, target) : '',
  });
  const text = renderReport(model, options.format);
  if (target === undefined) io.stdout(text);
  else {
    writeReport(target, options.out as string, text, options.force);
    io.stderr(`sectrace report: wrote ${options.out} (${options.format}). ${model.summary.verdictLine}\n`);
  }
  return model.summary.verdict === 'fail' ? EXIT_FINDINGS : EXIT_OK;
}

function parseOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, 'fail-on': { type: 'string' }, since: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError(`report takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(LEVELS as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${LEVELS.join(', ')}, got \`${failOn}\``);
  if (values.out === '') throw new UsageError('--out needs a file name');
  return {
    dir: positionals[0] ?? '.',
    format: formatOf(values.format, values.out),
    ...(values.out !== undefined ? { out: values.out } : {}),
    force: values.force ?? false,
    ...(failOn !== undefined ? { failOn: failOn as Severity } : {}),
    ...(values.since !== undefined ? { since: values.since } : {}),
  };
}

/** `--format` wins; otherwise the extension of `--out` decides; otherwise Markdown. */
function formatOf(format: string | undefined, out: string | undefined): ReportFormat {
  if (format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got \`${format}\``);
    return format as ReportFormat;
  }
  const lower = out?.toLowerCase() ?? '';
  const byLength = [...EXTENSIONS].sort((a, b) => b[0].length - a[0].length);
  return byLength.find(([extension]) => lower.endsWith(extension))?.[1] ?? 'md';
}

/** From the report's folder to the workspace root, so file links work where the report is opened. */
function linkBase(root: string, target: string): string {
  const inside = path.relative(root, target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return '';
  const up = path.relative(path.dirname(target), root);
  return up ? `${up.split(path.sep).join('/')}/` : '';
}

/**
 * Writes atomically (a temporary file in the same folder, then rename), so a reader never sees half a
 * report, and refuses to replace a file that is not a previous report unless `force` is set.
 */
function writeReport(target: string, shown: string, text: string, force: boolean): void {
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UsageError(`--out ${shown} is a folder`);
  if (existing && !force && existing.size > 0 && !isPreviousReport(readHead(target))) {
    throw new UsageError(`refusing to overwrite ${shown}: it is not a sectrace report (use --force to replace it)`);
  }
  try {
    // Atomic, and a replaced report keeps its permission bits.
    writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
