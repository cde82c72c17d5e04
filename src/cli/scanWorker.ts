// A scan worker: reads and scans batches of files for the CLI's worker executor.
import { parentPort, workerData } from 'node:worker_threads';
import * as path from 'node:path';
import { createIdMatcher, createScanContext, scanBytes } from '../core';
import { readFailure } from '../core/service';
import { ReadScratch, readFileNoFollow } from './nodeWorkspace';
import { isEmptyFacts, type ScanBatch, type ScanBatchResult, type WorkerInit } from './scanRequest';
import type { FileFacts } from '../core';

const init = workerData as WorkerInit;
const context = createScanContext(init.config, createIdMatcher(init.config.prefixes));
/** Each file is decoded (in scanBytes) before the next is read, so one buffer serves every read. */
const scratch = new ReadScratch();

function scanOne(file: string): FileFacts | 'missing' {
  let bytes: Buffer;
  try {
    bytes = readFileNoFollow(`${init.root}${path.sep}${file}`, init.config.maxFileSize, scratch);
  } catch (error) {
    return readFailure(file, error, context);
  }
  return scanBytes(file, bytes, context);
}

parentPort?.on('message', (message: ScanBatch) => {
  const result: ScanBatchResult = { type: 'result', facts: [], empty: [], missing: 0 };
  for (const file of message.paths) {
    const facts = scanOne(file);
    if (facts === 'missing') result.missing++;
    else if (isEmptyFacts(facts)) result.empty.push([facts.file, facts.role]);
    else result.facts.push(facts);
  }
  // One JSON string instead of the object tree: V8's JSON is much faster than cloning many small objects.
  parentPort?.postMessage(JSON.stringify(result));
});
