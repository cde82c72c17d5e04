// Loads a snapshot of a folder for a CLI command, with a progress line on a terminal and a clear error
// (exit 2) for a folder that does not exist or a configuration that cannot be used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, type TraceService, type TraceSnapshot } from '../core';
import { createNodeTraceService } from './engine';
import { UsageError } from './usage';

export interface LoadOptions {
  /** The folder is resolved against this; messages name it as the user wrote it. */
  readonly cwd: string;
  readonly stderr: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): unknown };
  readonly now?: () => Date;
}

export interface Loaded {
  readonly root: string;
  readonly service: TraceService;
  readonly snapshot: TraceSnapshot;
  readonly timings: { readonly indexMs: number; readonly snapshotMs: number };
}

export async function loadSnapshot(dir: string, options: LoadOptions): Promise<Loaded> {
  const root = path.resolve(options.cwd, dir);
  if (!fs.existsSync(root)) throw new UsageError(`no such folder: ${dir}`);
  if (!fs.statSync(root).isDirectory()) throw new UsageError(`not a folder: ${dir}`);
  const service = createNodeTraceService(root, options.now);
  const started = performance.now();
  const progress = createProgressLine(options.stderr);
  try {
    await service.index({ progress });
  } finally {
    progress.clear();
  }
  const indexed = performance.now();
  const fatal = service.configuration().problems.filter((p) => p.fatal);
  if (fatal.length) {
    const lines = fatal.map((p) => `  ${path.join(dir, CONFIG_FILE)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
    throw new UsageError(`the configuration cannot be used:\n${lines.join('\n')}`);
  }
  const snapshot = service.snapshot();
  return { root, service, snapshot, timings: { indexMs: indexed - started, snapshotMs: performance.now() - indexed } };
}

/** A `scanning 1,200/40,000 files` line on stderr, only on a terminal and only once the scan takes a while. */
function createProgressLine(stderr: LoadOptions['stderr']) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    report(done: number, total: number) {
      if (!stderr.isTTY) return;
      const now = Date.now();
      if (now - started < 400 || now - last < 100) return;
      last = now;
      shown = true;
      stderr.write(`\rscanning ${done.toLocaleString('en')}/${total.toLocaleString('en')} files`);
    },
    clear() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
