// Messages between the CLI and its scan workers. Facts of files with nothing in them are sent as bare
// paths: most files of a large tree carry no IDs, and cloning 100,000 empty objects costs more than
// rebuilding them.
import type { FileFacts, FileRole } from '../core';
import type { SectraceConfig } from '../core';

export interface ScanBatch {
  readonly type: 'batch';
  readonly paths: readonly string[];
}

export interface WorkerInit {
  readonly root: string;
  readonly config: SectraceConfig;
}

export interface ScanBatchResult {
  readonly type: 'result';
  readonly facts: FileFacts[];
  /** Files with no facts at all: path and role. */
  readonly empty: [string, FileRole][];
  missing: number;
}

export function isEmptyFacts(facts: FileFacts): boolean {
  return !facts.items.length && !facts.tags.length && !facts.mentions.length && !facts.problems.length && !facts.interfaces?.length && facts.skipped === undefined;
}

export function emptyFacts(file: string, role: FileRole): FileFacts {
  return { file, role, items: [], tags: [], mentions: [], problems: [] };
}
