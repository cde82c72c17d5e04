// A scan worker: reads and scans batches of files for the CLI's worker executor.
import { parentPort, workerData } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createIdMatcher, createScanContext, scanBytes } from '../core';
import { messageOf } from '../core/walk';
import { isEmptyFacts, type ScanBatch, type ScanBatchResult, type WorkerInit } from './scanRequest';
import type { FileFacts } from '../core';

const init = workerData as WorkerInit;
const context = createScanContext(init.config, createIdMatcher(init.config.prefixes));
const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function scanOne(file: string): FileFacts | 'missing' {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(init.root, file));
  } catch (error) {
    const reason = messageOf(error);
    if (reason === 'ENOENT') return 'missing';
    return { file, role: 'code', items: [], tags: [], mentions: [], problems: [{ code: 'unreadable-file', message: `could not be read: ${reason}`, range: zero }] };
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
  parentPort?.postMessage(result);
});
