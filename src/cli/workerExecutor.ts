// Scans large trees on worker threads, one per core. Scanning starts while the walk is still listing
// folders: the workers boot and scan the first batches in parallel with the walk. Batches go to the worker
// with the least work in flight, a few at a time, so one huge file does not leave a core idle. Markdown
// specs travel in small batches of their own and go to a worker that has parsed specs before: the
// Markdown parser costs a hundred times more per byte than lexing code and takes a quarter of a second to
// warm up in each thread, so the other workers take code, and help with specs only once code runs out.
// Small trees are scanned in-process: starting a worker costs more than it saves.
// @implements ST-12
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError, createIdMatcher, createScanContext, type CancellationToken, type FileFacts, type ScanExecutor, type SectraceConfig, type Workspace } from '../core';
import { isMarkdownPath } from '../core/scan/file';
import { readAndScan } from '../core/service';
import { createNodeWorkspace } from './nodeWorkspace';
import { emptyFacts, type ScanBatch, type ScanBatchResult, type WorkerInit } from './scanRequest';

const IN_PROCESS_LIMIT = 1500;
const CODE_BATCH = 256;
const SPEC_BATCH = 4;
/** Batches a worker holds at once: enough to never wait for the next, few enough to balance the tail. */
const IN_FLIGHT = 2;
/**
 * A worker's young generation, in MB. Everything a worker allocates dies young (a file's text, its facts
 * once posted), and V8's default young generation (48 MB) kept about 33 MB resident per worker for no
 * gain: a small one cut the trace's peak memory by some 45 MB at 100k files, at no measurable cost in time.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

type Progress = (done: number) => void;

/**
 * `workerScript` is the bundled worker (`dist/scan-worker.js`, next to the bundle that runs this); tests
 * that run from source pass the built file.
 */
export function createWorkerExecutor(rootDir: string, workspace: Workspace = createNodeWorkspace(rootDir), workerCount = defaultWorkerCount(), workerScript = path.join(__dirname, 'scan-worker.js')): ScanExecutor {
  const root = path.resolve(rootDir);
  const stream: NonNullable<ScanExecutor['stream']> = (config, token, progress, receive) => {
    // Files are held until there are enough to be worth the workers; a small tree never starts them.
    const held: string[] = [];
    let pool: WorkerPool | undefined;
    return {
      push(files) {
        if (pool) return pool.add(files);
        for (const file of files) held.push(file);
        if (held.length < IN_PROCESS_LIMIT || workerCount < 2) return undefined;
        pool = new WorkerPool(workerScript, { root, config }, workerCount, token, progress, receive);
        return pool.add(held.splice(0));
      },
      end: () => (pool ? pool.end() : scanInProcess(workspace, held, config, token, progress)),
      abort: () => pool?.abort(),
    };
  };
  return {
    async scan(paths, config, token, progress) {
      const scanning = stream(config, token, progress);
      await scanning.push(paths);
      return scanning.end();
    },
    stream,
  };
}

async function scanInProcess(workspace: Workspace, paths: readonly string[], config: SectraceConfig, token?: CancellationToken, progress?: Progress): Promise<FileFacts[]> {
  const context = createScanContext(config, createIdMatcher(config.prefixes));
  const results: FileFacts[] = [];
  for (const file of paths) {
    if (token?.isCancellationRequested) throw new CancelledError();
    const facts = await readAndScan(workspace, file, context);
    if (facts !== 'missing') results.push(facts);
    if (results.length % 500 === 0) progress?.(results.length);
  }
  return results;
}

function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
}

interface PooledWorker {
  readonly worker: Worker;
  inFlight: number;
  /** Has parsed Markdown already, so its parser is warm. */
  warm: boolean;
}

/** Worker threads fed from one queue of batches; facts come back in whatever order batches finish. */
class WorkerPool {
  private readonly workers: PooledWorker[];
  private readonly specQueue: string[][] = [];
  private readonly codeQueue: string[][] = [];
  private readonly results: FileFacts[] = [];
  private code: string[] = [];
  private specs: string[] = [];
  private done = 0;
  private ended = false;
  private failure: Error | undefined;
  private settle: { resolve: (facts: FileFacts[]) => void; reject: (error: Error) => void } | undefined;

  constructor(
    script: string,
    init: WorkerInit,
    count: number,
    private readonly token: CancellationToken | undefined,
    private readonly progress: Progress | undefined,
    private readonly receive: ((facts: readonly FileFacts[]) => void) | undefined,
  ) {
    this.workers = Array.from({ length: count }, () => {
      const pooled: PooledWorker = { worker: new Worker(script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }), inFlight: 0, warm: false };
      pooled.worker.on('message', (message: string) => this.received(pooled, JSON.parse(message) as ScanBatchResult));
      pooled.worker.on('error', (error) => this.fail(new Error(`scan worker failed: ${error.message}`)));
      return pooled;
    });
  }

  /** Queues files; the returned promise lets the walk pause so finished batches can come back. */
  add(files: readonly string[]): Promise<void> | undefined {
    for (const file of files) (isMarkdownPath(file) ? this.specs : this.code).push(file);
    this.cut(false);
    this.dispatch();
    // Give the event loop a turn now and then, so results are taken in while the walk goes on.
    return this.queued() ? new Promise((resolve) => setImmediate(resolve)) : undefined;
  }

  end(): Promise<FileFacts[]> {
    this.ended = true;
    this.cut(true);
    this.dispatch();
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      if (this.failure) reject(this.failure);
      else this.finishIfDone();
    });
  }

  abort(): void {
    for (const { worker } of this.workers) void worker.terminate();
  }

  private queued(): number {
    return this.specQueue.length + this.codeQueue.length;
  }

  /** Moves full batches (all remaining ones at the end) from the pending lists to the queues. */
  private cut(all: boolean): void {
    while (this.specs.length >= SPEC_BATCH || (all && this.specs.length)) this.specQueue.push(this.specs.splice(0, SPEC_BATCH));
    while (this.code.length >= CODE_BATCH || (all && this.code.length)) this.codeQueue.push(this.code.splice(0, CODE_BATCH));
  }

  private dispatch(): void {
    while (this.queued() && !this.failure) {
      if (this.token?.isCancellationRequested) return this.fail(new CancelledError());
      const idle = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (idle.inFlight >= IN_FLIGHT) return;
      const paths = this.nextBatchFor(idle);
      idle.inFlight++;
      const batch: ScanBatch = { type: 'batch', paths };
      idle.worker.postMessage(batch);
    }
  }

  /** Specs for a warm worker (or the first one, while none is), else code, else whatever is left. */
  private nextBatchFor(worker: PooledWorker): string[] {
    const takesSpecs = worker.warm || !this.workers.some((w) => w.warm);
    const queue = (takesSpecs && this.specQueue.length) || !this.codeQueue.length ? this.specQueue : this.codeQueue;
    if (queue === this.specQueue) worker.warm = true;
    return queue.shift() as string[];
  }

  private received(pooled: PooledWorker, message: ScanBatchResult): void {
    pooled.inFlight--;
    // Hand out the next batch first, so the worker is busy again while this one is taken in.
    this.dispatch();
    const facts = message.empty.length ? [...message.facts, ...message.empty.map(([file, role]) => emptyFacts(file, role))] : message.facts;
    if (this.receive) this.receive(facts);
    else for (const fact of facts) this.results.push(fact);
    this.done += message.facts.length + message.empty.length + message.missing;
    this.progress?.(this.done);
    this.finishIfDone();
  }

  private finishIfDone(): void {
    if (!this.settle || this.failure) return;
    if (!this.ended || this.queued() || this.workers.some((w) => w.inFlight > 0)) return;
    this.abort();
    this.settle.resolve(this.results);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.abort();
    this.settle?.reject(error);
  }
}
