// The facade: one object that owns the configuration, the per-file facts (inside the graph) and the
// open-buffer overlays, and hands out snapshots. Hosts never call scan, link or check themselves.
// Invariant: after any sequence of index/setOverlay/refresh calls, snapshot() equals what a fresh index of
// the same contents would give.
// @implements ST-10
import type { IdAtPosition, KindSummary, ScanExecutor, Summary, TraceService, TraceServiceInit, TraceSnapshot } from './api';
import { Checker } from './check';
import { CONFIG_FILE, DEFAULT_CONFIG, parseConfig, type LoadedConfig } from './config';
import { createIdMatcher, type IdMatcher } from './ids';
import { EMPTY_REVIEWS, parseReviews, REVIEWS_FILE, type ReviewStore } from './impact/reviews';
import { TraceGraph } from './link';
import type { FileFacts, Finding, Position, Range } from './model';
import { SEVERITY_RANK } from './model';
import { occurrenceAt } from './occurrences';
import { createScanContext, isTraceable, roleOf, scanBytes, scanText, skipped, tooLargeReason, type ScanContext } from './scan/file';
import { isExcludedPath, isPathWalked, messageOf, walkWorkspace } from './walk';
import { CancelledError, type CancellationToken, type Workspace } from './workspace';

const READ_CONCURRENCY = 16;

interface EngineState {
  loaded: LoadedConfig;
  ids: IdMatcher;
  context: ScanContext;
  graph: TraceGraph;
  /** Keeps findings between snapshots, so a snapshot after an edit re-checks only what the edit touched. */
  checker: Checker;
  skipped: Map<string, string>;
  /** The sorted skip list, until the next change to it. */
  skippedList?: { readonly file: string; readonly reason: string }[];
}

export function createTraceService(init: TraceServiceInit): TraceService {
  const { workspace } = init;
  const now = init.now ?? (() => new Date());
  const overlays = new Map<string, string>();
  let state = emptyState(DEFAULT_CONFIG);
  let cached: TraceSnapshot | undefined;
  // Review stamps (docs/impact.md): read with the configuration, re-read when their file changes.
  let reviews: ReviewStore = EMPTY_REVIEWS;
  const readReviews = async () => {
    const overlay = overlays.get(REVIEWS_FILE);
    reviews = overlay !== undefined ? parseReviews(overlay) : await readReviewStore(workspace);
    cached = undefined;
  };

  const put = (facts: FileFacts, target: EngineState = state) => {
    cached = undefined;
    if (facts.skipped !== undefined) {
      if (target.skipped.get(facts.file) !== facts.skipped) target.skippedList = undefined;
      target.skipped.set(facts.file, facts.skipped);
      target.graph.removeFile(facts.file);
    } else {
      if (target.skipped.delete(facts.file)) target.skippedList = undefined;
      target.graph.setFile(facts);
    }
  };

  const service: TraceService = {
    workspace,
    configuration: () => state.loaded,

    async index(options = {}) {
      const loaded = await readConfig(workspace);
      const nextReviews = overlays.get(REVIEWS_FILE) ?? (await readReviewStore(workspace));
      const next = emptyState(loaded.config, loaded);
      const executor = init.executor ?? inProcessExecutor(workspace, next.context);
      let total = 0;
      const report = (done: number) => options.progress?.report(done, total);
      // With a streaming executor, files are scanned while the walk is still listing folders.
      // Facts go into the new graph as batches come back, so linking overlaps the scan.
      const stream = executor.stream?.(loaded.config, options.token, report, (batch) => {
        for (const fact of batch) put(fact, next);
      });
      const found = stream && ((files: readonly string[]) => {
        total += files.length;
        return stream.push(files.filter((file) => !overlays.has(file)));
      });
      let walked: Awaited<ReturnType<typeof walkWorkspace>>;
      try {
        walked = await walkWorkspace(workspace, next.context, options.token, found);
      } catch (error) {
        stream?.abort();
        throw error;
      }
      for (const { file, reason } of walked.skipped) next.skipped.set(file, reason);
      total = walked.files.length;
      const facts = stream ? await stream.end() : await executor.scan(walked.files.filter((file) => !overlays.has(file)), loaded.config, options.token, report);
      if (options.token?.isCancellationRequested) throw new CancelledError();
      for (const fact of facts) put(fact, next);
      state = next;
      reviews = typeof nextReviews === 'string' ? parseReviews(nextReviews) : nextReviews;
      cached = undefined;
      for (const [file, text] of overlays) if (file !== REVIEWS_FILE && walkedOrTraceable(file)) put(scanText(file, text, state.context));
      options.progress?.report(total, total);
    },

    setOverlay(path, text) {
      if (text === undefined) {
        overlays.delete(path);
        return;
      }
      overlays.set(path, text);
      // The review store is read by `refresh`, never traced as a YAML file.
      if (path !== REVIEWS_FILE && walkedOrTraceable(path)) put(scanText(path, text, state.context));
    },

    async refresh(paths) {
      if (paths.some((p) => p === CONFIG_FILE || p === '.gitignore' || p.endsWith('/.gitignore'))) {
        await service.index();
        return;
      }
      if (paths.includes(REVIEWS_FILE)) await readReviews();
      for (const path of paths) {
        if (overlays.has(path)) continue;
        if (!(await isPathWalked(workspace, state.context, path)) || !isTraceable(path, state.context)) {
          removeFile(path);
          continue;
        }
        const facts = await readAndScan(workspace, path, state.context);
        if (facts === 'missing') removeFile(path);
        else put(facts);
      }
    },

    snapshot() {
      return (cached ??= buildSnapshot(workspace.name, state, now(), reviews));
    },

    idAt(file, position): IdAtPosition | undefined {
      const facts = state.graph.fileFacts(file);
      if (!facts) return undefined;
      const hit = occurrenceAt(facts, position);
      return hit && { ...hit, item: state.graph.items.get(hit.id) };
    },

    occurrences: (id) => state.graph.occurrences(id),
  };

  /** Whether an open buffer is traced: a file already in the trace, or one the walk would take. */
  function walkedOrTraceable(path: string): boolean {
    return state.graph.fileFacts(path) !== undefined || (isTraceable(path, state.context) && !isExcludedPath(path, state.context));
  }

  function removeFile(path: string): void {
    cached = undefined;
    state.graph.removeFile(path);
    if (state.skipped.delete(path)) state.skippedList = undefined;
  }

  return service;
}

function emptyState(config: typeof DEFAULT_CONFIG, loaded: LoadedConfig = { config, problems: [] }): EngineState {
  const ids = createIdMatcher(config.prefixes);
  return { loaded, ids, context: createScanContext(config, ids), graph: new TraceGraph(config, ids), checker: new Checker(config, loaded.problems, CONFIG_FILE), skipped: new Map() };
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A link is never followed, not even for the configuration: it could point anywhere on the machine. */
const linkMessage = (file: string) => `${file} is a symbolic link; sectrace does not follow links (put the file itself there)`;

async function readReviewStore(workspace: Workspace): Promise<ReviewStore> {
  let bytes: Uint8Array;
  try {
    bytes = await workspace.readFile(REVIEWS_FILE);
  } catch (error) {
    if (messageOf(error) === 'ELOOP') return { stamps: new Map(), problems: [{ message: linkMessage(REVIEWS_FILE), range: START }] };
    return EMPTY_REVIEWS;
  }
  return parseReviews(new TextDecoder().decode(bytes));
}

async function readConfig(workspace: Workspace): Promise<LoadedConfig> {
  let bytes: Uint8Array;
  try {
    bytes = await workspace.readFile(CONFIG_FILE);
  } catch (error) {
    if (messageOf(error) === 'ELOOP') return { config: DEFAULT_CONFIG, problems: [{ message: linkMessage(CONFIG_FILE), range: START, fatal: true }] };
    return { config: DEFAULT_CONFIG, problems: [] };
  }
  return parseConfig(new TextDecoder().decode(bytes));
}

/** Reads and scans one file; an unreadable file becomes facts carrying an `unreadable-file` problem. */
export async function readAndScan(workspace: Workspace, path: string, context: ScanContext): Promise<FileFacts | 'missing'> {
  let bytes: Uint8Array;
  try {
    bytes = await workspace.readFile(path, context.config.maxFileSize);
  } catch (error) {
    return readFailure(path, error, context);
  }
  return scanBytes(path, bytes, context);
}

/**
 * What a failed read means: a file deleted since the walk is simply gone; a link (swapped in after the
 * walk) and a file over the size limit are skipped with their reason, as the walk and the scan would;
 * anything else is an `unreadable-file` problem at the file.
 */
export function readFailure(path: string, error: unknown, context: ScanContext): FileFacts | 'missing' {
  const reason = messageOf(error);
  if (reason === 'ENOENT' || reason === 'FileNotFound' || /not ?found/i.test(reason)) return 'missing';
  if (reason === 'ELOOP') return skipped(path, context, 'symbolic link (not followed)');
  const size = (error as { size?: unknown }).size;
  if (reason === 'EFBIG' && typeof size === 'number') return skipped(path, context, tooLargeReason(size, context.config.maxFileSize));
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { file: path, role: roleOf(path, context), items: [], tags: [], mentions: [], problems: [{ code: 'unreadable-file', message: `could not be read: ${reason}`, range }] };
}

function inProcessExecutor(workspace: Workspace, context: ScanContext): ScanExecutor {
  return {
    async scan(paths, _config, token, progress) {
      const results: FileFacts[] = [];
      let next = 0;
      const worker = async () => {
        while (next < paths.length) {
          if (token?.isCancellationRequested) throw new CancelledError();
          const path = paths[next++];
          const facts = await readAndScan(workspace, path, context);
          if (facts !== 'missing') results.push(facts);
          if (results.length % 200 === 0) progress?.(results.length);
        }
      };
      await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
      return results;
    },
  };
}

function buildSnapshot(workspaceName: string, state: EngineState, today: Date, reviews: ReviewStore): TraceSnapshot {
  const { graph, loaded } = state;
  const { findings, kinds } = state.checker.run(graph, today, reviews);
  const skipped = (state.skippedList ??= [...state.skipped].map(([file, reason]) => ({ file, reason })).sort((a, b) => (a.file < b.file ? -1 : 1)));
  return { workspaceName, config: loaded.config, graph, findings, skipped, reviews, summary: summarise(graph, findings, loaded.config.failOn, skipped.length, kinds) };
}

export function summarise(graph: TraceGraph, findings: readonly Finding[], failOn: TraceSnapshot['config']['failOn'], skipped: number, kinds: readonly KindSummary[]): Summary {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) if (finding.severity !== 'off') counts[finding.severity]++;
  const failing = failOn !== 'off' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  const roles = graph.roleCounts;
  const files = { specs: roles.spec, code: roles.code, tests: roles.test, skipped };
  return { kinds: [...kinds].sort(compareKinds), findings: counts, failOn, verdict: failing ? 'fail' : 'pass', files };
}

const KIND_ORDER = ['threat', 'mitigation', 'requirement', 'asset', 'interface'];

function compareKinds(a: KindSummary, b: KindSummary): number {
  const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  return rank(a.kind) - rank(b.kind) || (a.kind < b.kind ? -1 : 1);
}

export type { CancellationToken, Position };
