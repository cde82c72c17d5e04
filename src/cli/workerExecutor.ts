// Scans large trees on worker threads, one per core, handing out batches on demand so one huge file does
// not leave a core idle. Small trees are scanned in-process: starting a worker costs more than it saves.
// @implements ST-12
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError, createIdMatcher, createScanContext, type FileFacts, type ScanExecutor, type Workspace } from '../core';
import { readAndScan } from '../core/service';
import { createNodeWorkspace } from './nodeWorkspace';
import { emptyFacts, type ScanBatch, type ScanBatchResult, type WorkerInit } from './scanRequest';

const IN_PROCESS_LIMIT = 1500;
const BATCH_SIZE = 256;

/**
 * `workerScript` is the bundled worker (`dist/scan-worker.js`, next to the bundle that runs this); tests
 * that run from source pass the built file.
 */
export function createWorkerExecutor(rootDir: string, workspace: Workspace = createNodeWorkspace(rootDir), workerCount = defaultWorkerCount(), workerScript = path.join(__dirname, 'scan-worker.js')): ScanExecutor {
  const root = path.resolve(rootDir);
  return {
    async scan(paths, config, token, progress) {
      if (paths.length < IN_PROCESS_LIMIT || workerCount < 2) {
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
      return scanOnWorkers(workerScript, paths, { root, config }, workerCount, token, progress);
    },
  };
}

function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length));
}

async function scanOnWorkers(script: string, paths: readonly string[], init: WorkerInit, count: number, token: { isCancellationRequested: boolean } | undefined, progress?: (done: number) => void): Promise<FileFacts[]> {
  const results: FileFacts[] = [];
  let next = 0;
  let done = 0;
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(script, { workerData: init });
    const send = () => {
      if (token?.isCancellationRequested) {
        void worker.terminate();
        reject(new CancelledError());
        return;
      }
      if (next >= paths.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      const batch: ScanBatch = { type: 'batch', paths: paths.slice(next, next + BATCH_SIZE) };
      next += batch.paths.length;
      worker.postMessage(batch);
    };
    worker.on('message', (message: ScanBatchResult) => {
      for (const facts of message.facts) results.push(facts);
      for (const [file, role] of message.empty) results.push(emptyFacts(file, role));
      done += message.facts.length + message.empty.length + message.missing;
      progress?.(done);
      send();
    });
    worker.on('error', (error) => reject(new Error(`scan worker failed: ${error.message}`)));
    send();
  });
  await Promise.all(Array.from({ length: Math.min(count, Math.ceil(paths.length / BATCH_SIZE)) }, runWorker));
  return results;
}
