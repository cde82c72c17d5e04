// A minute of typing in the 5,000-line file, replayed against the engine in process, to show that the heap
// does not grow while someone edits: every keystroke hands the whole buffer to the engine, so anything kept
// per keystroke (a text, a version, a snapshot, the facts of an older text) would pile up here.
//
//   node bench/typing.mjs [1k | 10k | <size>] [--runs 3] [--keystrokes 600] [--warmup 60]
//                         [--overlay-on keystroke|flush] [--debounce <ms>] [--seed <n>]
//
// Needs `--expose-gc` to force collections before each heap reading; without it the script restarts
// itself with the flag. Prints one JSON object to stdout (the last line); progress and a summary go to stderr.
//
// The typing is simulated, not slept through: the keystrokes run as fast as the engine answers, and the
// simulated duration is the sum of the pauses a typist would have left between them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import v8 from 'node:v8';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { generate, parseSize, workspaceDir } from './generate.mjs';
import { median, percentile, round } from './stats.mjs';

const require = createRequire(import.meta.url);
const SELF = fileURLToPath(import.meta.url);
const REPO = resolve(SELF, '..', '..');

/**
 * Heap growth allowed over the measured minute, after forced collections. The engine legitimately holds a
 * little more or less as the text changes shape (the overlay text, the file's facts and findings: a few KB
 * here), and a forced collection still leaves some tens of KB of jitter (compiled code, feedback vectors);
 * the first minute also compiles 0.1-0.2 MB of optimised code. The median over the runs is judged.
 * A leak of anything per keystroke that matters is far above 1 MB: one retained copy of the 150 KB buffer
 * per keystroke is 90 MB a minute, one retained set of the file's facts about as much, and even 2 KB per
 * keystroke (a small snapshot or a version-keyed map entry) adds 1.2 MB.
 */
const HEAP_GROWTH_TARGET_MB = 1;

if (typeof globalThis.gc !== 'function') {
  const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, SELF, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stderr.write('usage: node bench/typing.mjs [1k|10k|<size>] [--runs 3] [--keystrokes 600] [--warmup 60] [--overlay-on keystroke|flush] [--debounce <ms>] [--seed <n>]\n');
  process.exit(0);
}
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const label = positional[0] ?? '1k';
const runs = Math.max(1, Number(option('runs', 3)));
const keystrokes = Math.max(10, Number(option('keystrokes', 600)));
const warmup = Math.max(0, Number(option('warmup', 60)));
const overlayOn = option('overlay-on', 'keystroke');
const seed = Number(option('seed', 0x7e57));
if (overlayOn !== 'keystroke' && overlayOn !== 'flush') throw new Error('--overlay-on is keystroke or flush');
parseSize(label);

const log = (line) => process.stderr.write(`[typing] ${line}\n`);
const ms = (ns) => Number(ns) / 1e6;
const loadAverage = () => os.loadavg().map((x) => round(x, 2));

/** The extension's own default (`sectrace.indexing.debounceMs`), so the simulation follows the setting. */
function defaultDebounceMs() {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const sections = [manifest.contributes?.configuration ?? []].flat();
  for (const section of sections) {
    const value = section.properties?.['sectrace.indexing.debounceMs']?.default;
    if (typeof value === 'number') return value;
  }
  return 300;
}
const debounceMs = Number(option('debounce', defaultDebounceMs()));

// ---------------------------------------------------------------------------------------------------------
// The editor: a buffer of lines and a cursor. Plans are recorded with the same primitives they are replayed
// with, so a replay from the same text reaches exactly the same texts.

class Editor {
  constructor(text) {
    this.lines = text.split('\n');
    this.line = 0;
    this.ch = 0;
  }

  text() {
    return this.lines.join('\n');
  }

  moveTo(line, ch) {
    this.line = line;
    this.ch = ch;
  }

  /** One keystroke: a character, or a newline that keeps the indentation (as the editor's Enter does). */
  type(char) {
    const current = this.lines[this.line];
    if (char === '\n') {
      const indent = /^\s*/.exec(current)[0];
      this.lines.splice(this.line, 1, current.slice(0, this.ch), indent + current.slice(this.ch));
      this.line++;
      this.ch = indent.length;
    } else {
      this.lines[this.line] = current.slice(0, this.ch) + char + current.slice(this.ch);
      this.ch += char.length;
    }
  }

  backspace() {
    if (this.ch > 0) {
      const current = this.lines[this.line];
      this.lines[this.line] = current.slice(0, this.ch - 1) + current.slice(this.ch);
      this.ch--;
    } else if (this.line > 0) {
      const previous = this.lines[this.line - 1];
      this.lines.splice(this.line - 1, 2, previous + this.lines[this.line]);
      this.line--;
      this.ch = previous.length;
    }
  }

  /** The delete-line command: one keystroke that takes a whole line out. */
  deleteLine() {
    this.lines.splice(this.line, 1);
    this.line = Math.min(this.line, this.lines.length - 1);
    this.ch = 0;
  }
}

/** Replays one planned keystroke. */
function apply(editor, k) {
  editor.moveTo(k.line, k.ch);
  if (k.op === 'type') editor.type(k.arg);
  else if (k.op === 'backspace') editor.backspace();
  else editor.deleteLine();
}

/** mulberry32: a small seeded PRNG, so every run types the same minute. */
function rng(s) {
  let a = s >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

const WORDS = ['check', 'the', 'dose', 'limit', 'before', 'sending', 'retry', 'when', 'pump', 'is', 'locked', 'audit', 'token', 'expiry', 'validate', 'input', 'frame', 'again'];
const CODE = ['const total = compute(count, 42);', 'if (limit > 10) retry(limit);', 'await flush(buffer);', 'return verify(token, key);', 'let attempts = 0;'];

/**
 * Plans `count` keystrokes from `text`: what a person does in a minute of editing. Each entry is one change
 * to the document (the cursor position before it, the operation, and the pause before the next keystroke).
 * The actions: writing a line comment under a statement (with typos corrected by backspace), writing a
 * statement, inserting words into an existing comment, and writing a new `@implements SR-n` tag, waiting
 * for the editor to show it, then holding backspace until the tag line is gone again. Typing runs at 40-100
 * ms a key (held backspace repeats every 35 ms) with a pause of 350-1,000 ms after each action, which
 * averages about ten keystrokes a second.
 */
function planTyping(text, count, random) {
  const editor = new Editor(text);
  const plan = [];
  const key = (op, arg, gap) => {
    if (plan.length >= count) return;
    const k = { line: editor.line, ch: editor.ch, op, arg, gap };
    plan.push(k);
    apply(editor, k);
  };
  const typing = () => random.int(40, 100);
  const typeText = (s, typos = 0) => {
    for (const char of s) {
      if (typos && char !== ' ' && random.next() < typos) {
        key('type', 'x', typing());
        key('backspace', undefined, typing() + 80);
      }
      key('type', char, typing());
    }
  };
  const pause = () => {
    if (plan.length) plan[plan.length - 1].gap = random.int(350, 1000);
  };
  // Jumps land in the middle 3,000 lines, on a line of the wanted shape near a random one.
  const find = (test) => {
    const start = random.int(Math.floor(editor.lines.length * 0.2), Math.floor(editor.lines.length * 0.8));
    for (let d = 0; d < editor.lines.length; d++) {
      for (const l of [start + d, start - d]) if (l >= 0 && l < editor.lines.length && test(editor.lines[l])) return l;
    }
    throw new Error('no line of the wanted shape');
  };
  const statement = (l) => /^\s+\S.*;$/.test(l) && !/["'`]/.test(l);
  const comment = (l) => /^\s*\/\/ [A-Z][a-z]+ [a-z]+ [a-z]+/.test(l) && !/@|\b[A-Z]+-\d/.test(l);
  const topComment = (l) => /^\/\/ [A-Z][a-z]+ [a-z]+:/.test(l);

  while (plan.length < count) {
    const action = random.next();
    if (action < 0.3) {
      const l = find(statement);
      editor.moveTo(l, editor.lines[l].length);
      key('type', '\n', typing());
      typeText(`// ${Array.from({ length: random.int(3, 6) }, () => random.pick(WORDS)).join(' ')}`, 0.08);
      pause();
      // Sometimes the comment was not worth it: the word is erased, or the whole line is dropped.
      if (random.next() < 0.3) {
        for (let i = random.int(3, 7); i > 0; i--) key('backspace', undefined, 35);
        pause();
      } else if (random.next() < 0.35) {
        key('deleteLine', undefined, random.int(350, 1000));
      }
    } else if (action < 0.5) {
      const l = find(statement);
      editor.moveTo(l, editor.lines[l].length);
      key('type', '\n', typing());
      typeText(random.pick(CODE), 0.05);
      pause();
    } else if (action < 0.7) {
      const l = find(comment);
      const at = editor.lines[l].indexOf(' ', editor.lines[l].indexOf('// ') + 3);
      editor.moveTo(l, at);
      typeText(` ${random.pick(WORDS)} ${random.pick(WORDS)}`);
      pause();
    } else {
      const l = find(topComment);
      editor.moveTo(l, editor.lines[l].length);
      key('type', '\n', typing());
      const tag = `// @implements SR-${random.int(1, 24)}`;
      typeText(tag);
      // The pause lets the debounced update run with the tag in place; then backspace is held down.
      pause();
      for (let i = 0; i < tag.length + 1; i++) key('backspace', undefined, 35);
      pause();
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------

const dir = workspaceDir(label);
const manifest = generate(label, { log: (l) => log(l) });
const bigFile = manifest.bigFile;
const original = readFileSync(join(dir, bigFile), 'utf8');
const plan = planTyping(original, warmup + keystrokes, rng(seed));
const measured = plan.slice(warmup);
const simulatedMs = measured.reduce((sum, k) => sum + k.gap, 0);
const flushesPerRun = measured.filter((k, i) => k.gap >= debounceMs || i === measured.length - 1).length;
/** What the measured minute consists of, so a reader can tell it is not one character typed 600 times. */
const composition = {
  characters: measured.filter((k) => k.op === 'type' && k.arg !== '\n').length,
  newlines: measured.filter((k) => k.op === 'type' && k.arg === '\n').length,
  backspaces: measured.filter((k) => k.op === 'backspace').length,
  deletedLines: measured.filter((k) => k.op === 'deleteLine').length,
  tagsTypedAndDeleted: measured.filter((k) => k.op === 'type' && k.arg === '@').length,
};

const engine = require(join(REPO, 'dist', 'engine.js'));
const loadAtStart = loadAverage();
const workspace = engine.createNodeWorkspace(dir);
const executor = engine.createWorkerExecutor(dir, workspace);
const service = engine.createTraceService({ workspace, executor });
const indexStart = process.hrtime.bigint();
await service.index();
service.snapshot();
const indexMs = ms(process.hrtime.bigint() - indexStart);
// The editor's engine scans in process and starts no workers; those of the index are gone by now.
await executor.dispose?.();

/**
 * Heap and RSS after full collections; twice, so objects freed by the first (weak maps' values) go too.
 * The short wait first lets background compile jobs finish: a job in flight keeps what it compiles alive
 * and shows up as a spurious few hundred KB in one reading.
 */
const memory = async () => {
  await delay(20);
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]));
  return { heapUsed: m.heapUsed, rss: m.rss, spaces };
};

/** The nearest `@implements` ID at or above the cursor: where a hover or a code lens looks after an edit. */
function nearestTag(editor) {
  for (let l = editor.line; l >= Math.max(0, editor.line - 60); l--) {
    const m = /@implements\s+([A-Z]+-[\d.]+)/.exec(editor.lines[l]);
    if (m) return { id: m[1], position: { line: l, character: m.index + m[0].length - 1 } };
  }
  return undefined;
}

/** What the controller does when the debounce timer fires, and what its listeners then read. */
async function flush(editor, text) {
  if (overlayOn === 'flush') service.setOverlay(bigFile, text);
  await service.refresh([bigFile]);
  const snapshot = service.snapshot();
  // Diagnostics: this file's findings; the status bar: the summary.
  let own = 0;
  for (const finding of snapshot.findings) if (finding.location.file === bigFile) own++;
  if (own < 0 || !snapshot.summary.verdict) throw new Error('unreachable');
  const tag = nearestTag(editor);
  if (tag) {
    service.idAt(bigFile, tag.position);
    service.occurrences(tag.id);
  }
}

/**
 * One keystroke: the change, the engine calls it triggers at once, and the debounced update when a pause
 * follows. A function of its own so that its text is garbage once it returns: a text kept in the frame of
 * the loop (which waits on the update) would show up as a spurious 150 KB in a heap reading.
 */
async function keystroke(editor, k, last) {
  apply(editor, k);
  const text = editor.text();
  let start = process.hrtime.bigint();
  if (overlayOn === 'keystroke') {
    // What the editor's features need on every keystroke: the buffer in the engine, the snapshot
    // (completion and the code lenses read it) and the ID under the cursor (hover, highlights).
    service.setOverlay(bigFile, text);
    service.snapshot();
    service.idAt(bigFile, { line: editor.line, character: editor.ch });
  }
  const typedMs = ms(process.hrtime.bigint() - start);
  if (k.gap < debounceMs && !last) return { typedMs, flushedMs: undefined };
  start = process.hrtime.bigint();
  await flush(editor, text);
  return { typedMs, flushedMs: ms(process.hrtime.bigint() - start) };
}

const SAMPLE_EVERY = 60;
const runResults = [];
let endTextBytes = 0;
for (let r = 0; r < runs; r++) {
  // Every run starts from the text on disk (as after reopening the file), so every run replays the same
  // minute and the runs' heaps can be compared with each other, not only within a run.
  const editor = new Editor(original);
  service.setOverlay(bigFile, original);
  service.snapshot();
  const keystrokeMs = [];
  const flushMs = [];
  const samples = [];
  let baseline;
  for (let i = 0; i < plan.length; i++) {
    if (i === warmup) {
      baseline = await memory();
      samples.push({ keystroke: 0, heapUsed: baseline.heapUsed });
    }
    const { typedMs, flushedMs } = await keystroke(editor, plan[i], i === plan.length - 1);
    if (i >= warmup && flushedMs !== undefined) flushMs.push(flushedMs);
    if (i >= warmup) {
      keystrokeMs.push(typedMs);
      const n = i - warmup + 1;
      if (n % SAMPLE_EVERY === 0 && n < keystrokes) samples.push({ keystroke: n, heapUsed: (await memory()).heapUsed });
    }
  }
  const end = await memory();
  endTextBytes = Buffer.byteLength(editor.text());
  samples.push({ keystroke: keystrokes, heapUsed: end.heapUsed });
  // The least-squares slope over the samples: steadier than two readings, and a leak shows as a slope.
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const mx = mean(samples.map((s) => s.keystroke));
  const my = mean(samples.map((s) => s.heapUsed));
  const slope = samples.reduce((a, s) => a + (s.keystroke - mx) * (s.heapUsed - my), 0) / samples.reduce((a, s) => a + (s.keystroke - mx) ** 2, 0);
  const result = {
    baselineHeapMb: round(baseline.heapUsed / 1e6),
    endHeapMb: round(end.heapUsed / 1e6),
    heapGrowthMb: round((end.heapUsed - baseline.heapUsed) / 1e6),
    bytesPerKeystroke: Math.round((end.heapUsed - baseline.heapUsed) / keystrokes),
    slopeBytesPerKeystroke: Math.round(slope),
    baselineRssMb: round(baseline.rss / 1e6, 1),
    endRssMb: round(end.rss / 1e6, 1),
    keystrokeP50Ms: round(percentile(keystrokeMs, 50)),
    keystrokeP95Ms: round(percentile(keystrokeMs, 95)),
    keystrokeMaxMs: round(Math.max(...keystrokeMs)),
    flushes: flushMs.length,
    flushP50Ms: round(percentile(flushMs, 50)),
    flushP95Ms: round(percentile(flushMs, 95)),
    heapSamplesMb: samples.map((s) => round(s.heapUsed / 1e6)),
    // Growth per heap space: data the engine keeps lives in the old and large-object spaces; growth in the
    // code space is compiled code (the optimiser still at work), not something the engine holds on to.
    // V8 counts its spaces a little differently from `heapUsed` (tens of KB), so they need not add up.
    growthBySpaceKb: Object.fromEntries(Object.keys(end.spaces).map((name) => [name, round((end.spaces[name] - (baseline.spaces[name] ?? 0)) / 1e3, 1)]).filter(([, kb]) => kb !== 0)),
  };
  runResults.push({ ...result, endHeapBytes: end.heapUsed });
  log(`run ${r + 1}/${runs}: heap ${result.baselineHeapMb} -> ${result.endHeapMb} MB (${result.heapGrowthMb >= 0 ? '+' : ''}${result.heapGrowthMb} MB, ` +
    `${result.bytesPerKeystroke} B/keystroke), rss ${result.baselineRssMb} -> ${result.endRssMb} MB, keystroke p50 ${result.keystrokeP50Ms} ms p95 ${result.keystrokeP95Ms} ms`);
}
service.setOverlay(bigFile, undefined);

const growth = round(median(runResults.map((r) => r.heapGrowthMb)));
const result = {
  size: label,
  file: bigFile,
  lines: original.split('\n').length - (original.endsWith('\n') ? 1 : 0),
  keystrokes,
  warmupKeystrokes: warmup,
  simulatedSeconds: round(simulatedMs / 1000, 1),
  keystrokesPerSecond: round(keystrokes / (simulatedMs / 1000), 1),
  debounceMs,
  overlayOn,
  flushesPerRun,
  composition,
  textGrowthBytes: endTextBytes - Buffer.byteLength(textAt(warmup)),
  indexMs: round(indexMs, 1),
  heapGrowthMb: { value: growth, target: `< ${HEAP_GROWTH_TARGET_MB}`, pass: growth < HEAP_GROWTH_TARGET_MB },
  heapGrowthMaxMb: Math.max(...runResults.map((r) => r.heapGrowthMb)),
  bytesPerKeystroke: Math.round(median(runResults.map((r) => r.bytesPerKeystroke))),
  // The end of every run holds the same text, so a difference between runs' ends that keeps growing from
  // run to run is retained memory; compiled code alone adds 0.1-0.3 MB over the first runs, then levels off.
  heapDriftAcrossRunsMb: runs > 1 ? round((runResults.at(-1).endHeapBytes - runResults[0].endHeapBytes) / 1e6) : null,
  rssGrowthMb: round(median(runResults.map((r) => r.endRssMb - r.baselineRssMb)), 1),
  keystrokeP50Ms: round(median(runResults.map((r) => r.keystrokeP50Ms))),
  keystrokeP95Ms: round(median(runResults.map((r) => r.keystrokeP95Ms))),
  flushP95Ms: round(median(runResults.map((r) => r.flushP95Ms))),
  loadAverage: { start: loadAtStart, end: loadAverage() },
  runs: runResults.map(({ endHeapBytes: _bytes, ...r }) => r),
};
log(`${label}: ${keystrokes} keystrokes (${result.simulatedSeconds} s simulated, ${result.flushesPerRun} debounced updates), heap growth median ${growth} MB ` +
  `(target ${result.heapGrowthMb.target}: ${result.heapGrowthMb.pass ? 'pass' : 'FAIL'}), drift across runs ${result.heapDriftAcrossRunsMb} MB, load ${loadAtStart.join(' ')}`);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);

/** The text after the first `n` planned keystrokes. */
function textAt(n) {
  const editor = new Editor(original);
  for (const k of plan.slice(0, n)) apply(editor, k);
  return editor.text();
}
