// `npm run bench`: generates the benchmark workspaces (once), then measures the CLI's full trace against
// ripgrep on the same tree, and the in-process re-index and lookup latencies. Prints one JSON object to
// stdout and writes it to bench/results.json; progress and a summary table go to stderr.
//
//   npm run bench -- --sizes 1k,10k --runs 5 --linux
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, GENERATOR_VERSION, generate, parseSize, workspaceDir } from './generate.mjs';
import { median, round as roundTo } from './stats.mjs';

/** Figures in the result are rounded to one decimal unless a caller asks for more. */
const round = (x, digits = 1) => roundTo(x, digits);

const require = createRequire(import.meta.url);
const BENCH = resolve(fileURLToPath(import.meta.url), '..');
const REPO = resolve(BENCH, '..');
const RESULTS = join(BENCH, 'results.json');

/** The tag/ID regex rg searches for: every line sectrace could have to look at more closely. */
export const RG_PATTERN = String.raw`(?:@implements|@verifies|@mitigates|\b(?:SR|REQ|THR|MIT|AST|IF)-\d+)`;
/** `--no-require-git`: honour .gitignore files although the generated trees are not git repositories. */
const RG_ARGS = ['-j2', '--no-require-git', '-n'];
const WARM_PATTERN = 'qqzx-never-there-xzqq';
const LINUX_STAMP_VERSION = 2;

const TARGETS = {
  wall10k: 600,
  wall100k: 3000,
  ratio100k: 2.5,
  ratioLinux: 3,
  rss100kMB: 300,
  heapPer100kRefsMB: 30,
  reindexP95Ms: 5,
  reindexScaling: 2,
  lookupP99Us: 10,
};

// ---------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { sizes: ['1k', '10k', '100k'], runs: 5, linux: false, iterations: 200, lookups: 10000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--sizes')) opts.sizes = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--runs')) opts.runs = Math.max(1, Number(value()));
    else if (a.startsWith('--iterations')) opts.iterations = Math.max(1, Number(value()));
    else if (a.startsWith('--lookups')) opts.lookups = Math.max(1, Number(value()));
    else if (a === '--linux') opts.linux = true;
    else if (a === '--help' || a === '-h') {
      process.stderr.write('usage: node bench/run.mjs [--sizes 1k,10k,100k] [--runs 5] [--linux] [--iterations 200] [--lookups 10000]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  for (const s of opts.sizes) parseSize(s);
  return opts;
}

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const cpuMedian = (xs) => (xs.every((x) => typeof x === 'number') && xs.length ? round(median(xs)) : null);
const rel = (p) => relative(REPO, p).split('\\').join('/');
/** A figure with its target beside it. */
const judged = (value, target, pass) => ({ value, target, pass: value === null ? false : pass });

function rgPath() {
  try {
    return require('@vscode/ripgrep').rgPath;
  } catch {
    throw new Error('ripgrep is missing: run `npm install` (it comes with the @vscode/ripgrep dev dependency)');
  }
}

/**
 * Runs a command with stdout to a file; returns its wall time (process start to exit), its CPU time (user +
 * system, from the shell's `times`: a busy machine shows as wall time well above CPU time / cores) and its
 * stderr. The `sh` around the command adds about a millisecond.
 */
function timed(command, args, outFile) {
  const fd = openSync(outFile, 'w');
  try {
    const posix = process.platform !== 'win32';
    const [cmd, argv] = posix ? ['sh', ['-c', '"$@"; s=$?; times >&3; exit $s', 'sh', command, ...args]] : [command, args];
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { cwd: REPO, stdio: ['ignore', fd, 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.error) throw r.error;
    // `times` prints the shell's own times, then its children's: `0m1.230000s 0m0.120000s`.
    const children = posix ? String(r.output[3] ?? '').trim().split('\n').at(-1) : '';
    const m = /^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s$/.exec(children ?? '');
    const cpuMs = m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : null;
    return { wallMs, cpuMs, status: r.status, signal: r.signal, stderr: r.stderr.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads every file that rg (and so sectrace) would read, so the page cache is warm. One pass is not
 * always enough: pages read once can be dropped again within seconds on a machine that reclaims idle
 * memory, so passes repeat (up to 4) until one is no longer clearly faster than the one before.
 */
function warm(dir) {
  let previous = Infinity;
  for (let pass = 0; pass < 4; pass++) {
    const start = process.hrtime.bigint();
    spawnSync(rgPath(), [...RG_ARGS, '-c', WARM_PATTERN, dir], { stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms > previous * 0.8) return;
    previous = ms;
  }
}

function countLines(file) {
  const buf = readFileSync(file);
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** The `--stats` line: the last stderr line that is a JSON object with `files`. */
function parseStats(stderr) {
  for (const line of stderr.trim().split('\n').reverse()) {
    try {
      const o = JSON.parse(line);
      if (o && typeof o === 'object' && 'files' in o) return o;
    } catch {
      // not the stats line
    }
  }
  return undefined;
}

/** Counts the findings of a `check --json` report by severity and code, whatever its exact shape. */
function summariseReport(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const findings = Array.isArray(report.findings) ? report.findings : [];
    const byCode = {};
    const examples = [];
    for (const f of findings) {
      byCode[f.code] = (byCode[f.code] ?? 0) + 1;
      if (byCode[f.code] <= 2 && examples.length < 10) examples.push({ code: f.code, message: f.message, file: f.location?.file, line: f.location?.line });
    }
    return { total: findings.length, bySeverity: report.summary?.findings ?? null, byCode, verdict: report.summary?.verdict ?? null, files: report.summary?.files ?? null, examples };
  } catch (error) {
    return { error: `could not read the JSON report: ${error.message.split('\n')[0]}` };
  }
}

// ---------------------------------------------------------------------------------------------------------

/** Full trace (CLI) against rg on one tree, `runs` times each, page cache warmed right before each timing. */
function measureTrace(dir, runs, label) {
  const out = join(DATA_DIR, 'out');
  mkdirSync(out, { recursive: true });
  const report = join(out, `sectrace-${label}.json`);
  const rgOut = join(out, `rg-${label}.txt`);
  const cli = join(REPO, 'bin', 'sectrace.js');
  const haveCli = existsSync(join(REPO, 'dist', 'cli.js'));
  const trace = [];
  const rg = [];
  const rgCpu = [];
  let lastError;
  for (let r = 0; r < runs; r++) {
    if (haveCli) {
      warm(dir);
      const t = timed(process.execPath, [cli, 'check', dir, '--json', '--stats'], report);
      const stats = parseStats(t.stderr);
      if (t.status !== 0 && t.status !== 1) lastError = `sectrace exited with ${t.status ?? t.signal}: ${t.stderr.trim().split('\n').slice(-3).join(' | ')}`;
      else if (!stats) lastError = 'sectrace printed no --stats line on stderr';
      trace.push({ wallMs: t.wallMs, cpuMs: t.cpuMs, status: t.status, stats });
    }
    warm(dir);
    const g = timed(rgPath(), [...RG_ARGS, '-e', RG_PATTERN, dir], rgOut);
    if (g.status !== 0 && g.status !== 1) throw new Error(`rg failed (${g.status}): ${g.stderr}`);
    rg.push(g.wallMs);
    rgCpu.push(g.cpuMs);
    log(`  ${label} run ${r + 1}/${runs}: ${haveCli ? `sectrace ${trace.at(-1).wallMs.toFixed(0)} ms, ` : ''}rg -j2 ${g.wallMs.toFixed(0)} ms`);
  }
  const rgResult = { wallMs: round(median(rg)), cpuMs: cpuMedian(rgCpu), runsMs: rg.map((x) => round(x)), matchingLines: countLines(rgOut) };
  if (!haveCli) return { sectrace: { error: 'dist/cli.js is missing: the CLI is not built' }, rg: rgResult };
  // One more, untimed run measures the heap after a forced collection: what the trace retains.
  const memoryRun = timed(process.execPath, ['--expose-gc', cli, 'check', dir, '--stats'], join(out, `memory-${label}.txt`));
  const retained = parseStats(memoryRun.stderr);
  const ok = trace.filter((t) => t.stats);
  const stats = {};
  for (const key of Object.keys(ok[0]?.stats ?? {})) {
    const values = ok.map((t) => t.stats[key]).filter((v) => typeof v === 'number');
    if (values.length) stats[key] = median(values);
  }
  return {
    sectrace: {
      wallMs: round(median(trace.map((t) => t.wallMs))),
      cpuMs: cpuMedian(trace.map((t) => t.cpuMs)),
      runsMs: trace.map((t) => round(t.wallMs)),
      exitCode: trace.at(-1).status,
      stats,
      ...(retained?.heapCollected ? { retainedHeapBytes: retained.heapUsedBytes } : {}),
      findings: summariseReport(report),
      ...(lastError ? { error: lastError } : {}),
    },
    rg: rgResult,
  };
}

function measureInProcess(dir, manifest, opts) {
  if (!existsSync(join(REPO, 'dist', 'engine.js'))) return { error: 'dist/engine.js is missing: the engine entry is not built' };
  warm(dir);
  const r = spawnSync(process.execPath, [join(BENCH, 'inproc.mjs'), dir, manifest.bigFile, '--runs', String(opts.runs),
    '--iterations', String(opts.iterations), '--lookups', String(opts.lookups)], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return { error: `in-process run failed (${r.status ?? r.signal}): ${(r.stderr || '').trim().split('\n').slice(-5).join(' | ')}` };
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** A minute of typing in the big file (bench/typing.mjs): the heap must not grow while someone edits. */
function measureTyping(label, opts) {
  const failed = (error) => ({ size: label, error, heapGrowthMb: { value: null, target: 'see bench/typing.mjs', pass: false } });
  if (!existsSync(join(REPO, 'dist', 'engine.js'))) return failed('dist/engine.js is missing: the engine entry is not built');
  log(`ws-${label}: a minute of typing in the big file, ${opts.runs} runs`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(BENCH, 'typing.mjs'), label, '--runs', String(opts.runs)], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return failed(`typing run failed (${r.status ?? r.signal}): ${(r.stderr || '').trim().split('\n').slice(-5).join(' | ')}`);
  log(`  ${(r.stderr || '').trim().split('\n').at(-1).replace(/^\[typing\] /, '')}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

function measureSize(label, opts) {
  const dir = workspaceDir(label);
  log(`ws-${label}: generating (skipped when current)`);
  const manifest = generate(label, { log: (l) => log(`  ${l}`) });
  log(`ws-${label}: full trace vs rg, ${opts.runs} runs each`);
  const { sectrace, rg } = measureTrace(dir, opts.runs, `ws-${label}`);
  log(`ws-${label}: re-index and lookup in process`);
  const inproc = measureInProcess(dir, manifest, opts);
  const n = parseSize(label);
  const s = sectrace.stats ?? {};
  const wall = sectrace.wallMs ?? null;
  const ratio = wall !== null && rg.wallMs ? round(wall / rg.wallMs, 2) : null;
  const rssMB = s.maxRssBytes !== undefined ? round(s.maxRssBytes / 1e6) : null;
  // Heap per 100k references counts what the trace retains (after a collection), not uncollected garbage.
  const heapBytes = sectrace.retainedHeapBytes ?? s.heapUsedBytes;
  const heapPer100k = heapBytes !== undefined && s.references ? round((heapBytes / s.references) * 1e5 / 1e6, 2) : null;
  const is100k = n >= 100000;
  const result = {
    workspace: {
      dir: rel(dir),
      codeFiles: manifest.files,
      specFiles: manifest.specs,
      testFiles: manifest.tests,
      ignoredFiles: manifest.ignoredFiles,
      megabytes: round((manifest.codeBytes + manifest.specBytes) / 1e6),
      generatorVersion: manifest.generatorVersion,
    },
    fullTraceMs: n === 10000 ? judged(wall, `< ${TARGETS.wall10k}`, wall < TARGETS.wall10k)
      : is100k ? judged(wall, `< ${TARGETS.wall100k}`, wall < TARGETS.wall100k) : { value: wall },
    rgMs: { value: rg.wallMs },
    cpuRatioToRg: { value: sectrace.cpuMs && rg.cpuMs ? round(sectrace.cpuMs / rg.cpuMs, 2) : null },
    ratioToRg: is100k ? judged(ratio, `<= ${TARGETS.ratio100k}`, ratio <= TARGETS.ratio100k) : { value: ratio },
    peakRssMB: is100k ? judged(rssMB, `< ${TARGETS.rss100kMB}`, rssMB < TARGETS.rss100kMB) : { value: rssMB },
    heapPer100kRefsMB: is100k ? judged(heapPer100k, `< ${TARGETS.heapPer100kRefsMB}`, heapPer100k < TARGETS.heapPer100kRefsMB) : { value: heapPer100k },
    reindexP50Ms: { value: inproc.reindex?.p50Ms ?? null },
    reindexP95Ms: judged(inproc.reindex?.p95Ms ?? null, `< ${TARGETS.reindexP95Ms}`, inproc.reindex?.p95Ms < TARGETS.reindexP95Ms),
    lookupP99Us: judged(inproc.lookup?.p99Us ?? null, `< ${TARGETS.lookupP99Us}`, inproc.lookup?.p99Us < TARGETS.lookupP99Us),
    sectrace,
    rg,
    inProcess: inproc,
  };
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Linux kernel source: a real tree of 78k files that nobody wrote for this tool.

export function ensureLinux() {
  const dir = join(DATA_DIR, 'linux');
  const stamp = join(DATA_DIR, 'linux.json');
  if (existsSync(stamp) && existsSync(dir)) {
    const info = JSON.parse(readFileSync(stamp, 'utf8'));
    if (info.version === LINUX_STAMP_VERSION) return { dir, ...info };
  }
  let tarball = '/usr/src/linux-source-6.1.tar.xz';
  if (!existsSync(tarball)) {
    log('linux: installing linux-source-6.1 with apt-get');
    const run = (args) => {
      const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
    };
    run(['update']);
    run(['install', '-y', 'linux-source-6.1']);
  }
  if (!existsSync(tarball)) {
    const found = readdirSync('/usr/src').find((f) => /^linux-source-.*\.tar\.xz$/.test(f));
    if (!found) throw new Error('no linux source tarball in /usr/src');
    tarball = join('/usr/src', found);
  }
  log(`linux: extracting ${tarball.split('/').pop()} (1.3 GB, takes a minute)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('tar', ['-xJf', tarball, '-C', dir, '--strip-components=1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('tar failed');
  // Debian's source package adds `/*` (everything at the top level) to the root .gitignore, because its
  // packaging repository does not track the kernel. Drop that block so the tree is ignored as upstream's is.
  const gitignore = join(dir, '.gitignore');
  const original = readFileSync(gitignore, 'utf8');
  const cut = original.search(/^#\n# Debian packaging/m);
  if (cut >= 0) writeFileSync(gitignore, original.slice(0, cut));
  const info = { version: LINUX_STAMP_VERSION, source: tarball.split('/').pop(), debianIgnoreRemoved: cut >= 0, files: Number(spawnSync('sh', ['-c', `find '${dir}' -type f | wc -l`], { encoding: 'utf8' }).stdout.trim()) };
  writeFileSync(stamp, `${JSON.stringify(info)}\n`);
  return { dir, ...info };
}

function measureLinux(opts) {
  const linux = ensureLinux();
  log(`linux: full trace vs rg, ${opts.runs} runs each`);
  const { sectrace, rg } = measureTrace(linux.dir, opts.runs, 'linux');
  const ratio = sectrace.wallMs && rg.wallMs ? round(sectrace.wallMs / rg.wallMs, 2) : null;
  return {
    tree: { dir: rel(linux.dir), source: linux.source, files: linux.files },
    fullTraceMs: { value: sectrace.wallMs ?? null },
    rgMs: { value: rg.wallMs },
    cpuRatioToRg: { value: sectrace.cpuMs && rg.cpuMs ? round(sectrace.cpuMs / rg.cpuMs, 2) : null },
    ratioToRg: judged(ratio, `<= ${TARGETS.ratioLinux}`, ratio <= TARGETS.ratioLinux),
    peakRssMB: { value: sectrace.stats?.maxRssBytes !== undefined ? round(sectrace.stats.maxRssBytes / 1e6) : null },
    sectrace,
    rg,
  };
}

// ---------------------------------------------------------------------------------------------------------

function collectTargets(results) {
  const list = [];
  const add = (name, figure) => {
    if (figure && 'target' in figure) list.push({ name, value: figure.value, target: figure.target, pass: figure.pass });
  };
  for (const [label, r] of Object.entries(results.sizes)) {
    for (const key of ['fullTraceMs', 'ratioToRg', 'peakRssMB', 'heapPer100kRefsMB', 'reindexP95Ms', 'lookupP99Us']) add(`${label}.${key}`, r[key]);
  }
  if (results.reindexScaling) add('reindexScaling', results.reindexScaling);
  if (results.typing) add(`typing.${results.typing.size}.heapGrowthMb`, results.typing.heapGrowthMb);
  if (results.linux) add('linux.ratioToRg', results.linux.ratioToRg);
  return list;
}

function table(results) {
  const rows = [['figure', 'value', 'target', '']];
  for (const t of results.targets) rows.push([t.name, String(t.value ?? 'n/a'), t.target, t.pass ? 'pass' : 'FAIL']);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  mkdirSync(DATA_DIR, { recursive: true });
  const loadAtStart = round(os.loadavg()[0], 2);
  if (loadAtStart > 0.5) log(`warning: the machine is busy (load average ${loadAtStart}); timings will be noisy`);
  const results = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()}-${os.arch()}`, loadAverageAtStart: loadAtStart },
    settings: { runs: opts.runs, reindexIterations: opts.iterations, lookups: opts.lookups, rgArgs: [...RG_ARGS, '-e', RG_PATTERN], generatorVersion: GENERATOR_VERSION },
    sizes: {},
  };
  for (const label of opts.sizes) results.sizes[label] = measureSize(label, opts);

  // One-file re-index should not grow with the workspace: the largest size's p95 against 1k's.
  const labels = opts.sizes.filter((l) => results.sizes[l].reindexP95Ms.value !== null);
  const small = labels.find((l) => parseSize(l) === 1000);
  const large = labels.reduce((a, b) => (parseSize(b) > parseSize(a) ? b : a), labels[0]);
  if (small && large && large !== small) {
    const ratio = round(results.sizes[large].reindexP95Ms.value / results.sizes[small].reindexP95Ms.value, 2);
    results.reindexScaling = { ...judged(ratio, `<= ${TARGETS.reindexScaling}x (p95 at ${large} / p95 at ${small})`, ratio <= TARGETS.reindexScaling) };
  }
  // Typing in one file does not depend on the workspace's size: the smallest one is enough.
  results.typing = measureTyping(opts.sizes.reduce((a, b) => (parseSize(b) < parseSize(a) ? b : a)), opts);
  if (opts.linux) results.linux = measureLinux(opts);
  results.targets = collectTargets(results);
  results.pass = results.targets.every((t) => t.pass);

  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(RESULTS, json);
  process.stdout.write(json);
  process.stderr.write(`\n${table(results)}\n\n${results.pass ? 'all targets met' : 'some targets missed'}; written to ${rel(RESULTS)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`bench: ${error.stack ?? error}\n`);
    process.exit(2);
  });
}
