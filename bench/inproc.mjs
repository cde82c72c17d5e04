// In-process measurements on one workspace, run as a child of bench/run.mjs so that each size gets a fresh
// heap: re-indexing one edited file (setOverlay + snapshot) and looking up the ID at a position (idAt).
//
//   node bench/inproc.mjs <workspaceDir> <bigFile (workspace-relative)> [--runs 5] [--iterations 200] [--lookups 10000]
//
// Prints one JSON object to stdout.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile, round } from './stats.mjs';

const require = createRequire(import.meta.url);
const repo = resolve(fileURLToPath(import.meta.url), '..', '..');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const [root, bigFile] = args;
const runs = option('runs', 5);
const iterations = option('iterations', 200);
const lookups = option('lookups', 10000);

const ms = (ns) => Number(ns) / 1e6;

const engine = require(join(repo, 'dist', 'engine.js'));
const workspace = engine.createNodeWorkspace(root);
const executor = engine.createWorkerExecutor(root, workspace);
const service = engine.createTraceService({ workspace, executor });

let t = process.hrtime.bigint();
await service.index();
let snapshot = service.snapshot();
const indexMs = ms(process.hrtime.bigint() - t);
const baseFindings = snapshot.findings.length;

// The edited line: the tag line nearest the middle of the big file. Each iteration points it at another
// defined ID and changes its comment text, so the file's facts, the links and the findings all change.
const text = readFileSync(join(root, bigFile), 'utf8');
const lines = text.split('\n');
const TAG_LINE = /^(\s*(?:\/\/|\*)\s*@implements\s+)([A-Z]+-\d+(?:\.\d+)*)/;
let editLine = -1;
for (let d = 0; d < lines.length && editLine < 0; d++) {
  for (const l of [Math.floor(lines.length / 2) + d, Math.floor(lines.length / 2) - d]) {
    if (l >= 0 && l < lines.length && TAG_LINE.test(lines[l])) {
      editLine = l;
      break;
    }
  }
}
if (editLine < 0) throw new Error(`no @implements line in ${bigFile}`);
const prefix = TAG_LINE.exec(lines[editLine])[1];
const alternatives = ['SR-1', 'SR-2', 'MIT-1.1', 'REQ-1'];
const edited = (i) => {
  const copy = lines.slice();
  copy[editLine] = `${prefix}${alternatives[i % alternatives.length]} (edit ${i})`;
  return copy.join('\n');
};

const reindexRuns = [];
let iteration = 0;
for (let r = 0; r < runs; r++) {
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const next = edited(iteration++);
    t = process.hrtime.bigint();
    service.setOverlay(bigFile, next);
    snapshot = service.snapshot();
    // Touch what a host reads after an edit: the findings and the summary.
    if (snapshot.findings.length < 0 || !snapshot.summary.verdict) throw new Error('unreachable');
    samples.push(ms(process.hrtime.bigint() - t));
  }
  reindexRuns.push({ p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) });
}
service.setOverlay(bigFile, undefined);
snapshot = service.snapshot();

// Lookups: positions inside the IDs of the tags in the big file's comments (as on disk again).
const ID = /(?<![\w.-])(?:SR|REQ|THR|MIT|AST|IF)-\d+(?:\.\d+)*(?![\w]|-\d)/g;
const positions = [];
for (const [line, content] of lines.entries()) {
  // Comment lines only: the file's string literals hold decoy tags that must not resolve.
  if (!/^\s*(?:\/\/|\*)\s*@(?:implements|verifies|mitigates)\b/.test(content)) continue;
  for (const m of content.matchAll(ID)) positions.push({ line, character: m.index + Math.floor(m[0].length / 2) });
}
let resolved = 0;
for (const p of positions) if (service.idAt(bigFile, p)?.item) resolved++;
const lookupRuns = [];
for (let r = 0; r < runs; r++) {
  const samples = new Float64Array(lookups);
  for (let i = 0; i < lookups; i++) {
    const p = positions[i % positions.length];
    const start = process.hrtime.bigint();
    service.idAt(bigFile, p);
    samples[i] = Number(process.hrtime.bigint() - start) / 1e3;
  }
  lookupRuns.push({ p50: percentile(samples, 50), p99: percentile(samples, 99) });
}

const result = {
  indexMs: round(indexMs, 1),
  heapUsedMB: round(process.memoryUsage().heapUsed / 1e6, 1),
  findings: baseFindings,
  reindex: {
    file: bigFile,
    lines: lines.length - (text.endsWith('\n') ? 1 : 0),
    editedLine: editLine + 1,
    iterations,
    p50Ms: round(median(reindexRuns.map((x) => x.p50))),
    p95Ms: round(median(reindexRuns.map((x) => x.p95))),
    runs: reindexRuns.map((x) => ({ p50Ms: round(x.p50), p95Ms: round(x.p95), maxMs: round(x.max) })),
  },
  lookup: {
    positions: positions.length,
    resolved,
    lookups,
    p50Us: round(median(lookupRuns.map((x) => x.p50)), 2),
    p99Us: round(median(lookupRuns.map((x) => x.p99)), 2),
    runs: lookupRuns.map((x) => ({ p50Us: round(x.p50, 2), p99Us: round(x.p99, 2) })),
  },
};
process.stdout.write(`${JSON.stringify(result)}\n`);
await executor.dispose?.();
process.exit(0);
