// The engine's public surface: one facade (`createTraceService`) and the snapshot it hands out.
// Hosts (CLI, extension, tests) use only what is exported from `src/core/index.ts`.
import type { LoadedConfig, SectraceConfig } from './config';
import type { ReviewStore } from './impact/reviews';
import type { TraceGraph } from './link';
import type { FileFacts, Finding, Kind, Location, Position, Range, Severity, TraceItem } from './model';
import type { CancellationToken, Progress, Workspace } from './workspace';

/**
 * A snapshot is a view of the engine's state: it stays valid until the next update (`setOverlay`,
 * `refresh`, `index`). Read what you need synchronously; take a new snapshot after an update.
 */

/** Coverage of one kind: how many items, how many need impl/test, how many have them. */
export interface KindSummary {
  readonly kind: Kind;
  readonly total: number;
  readonly needImpl: number;
  readonly implemented: number;
  readonly needTest: number;
  readonly verified: number;
}

export interface Summary {
  readonly kinds: readonly KindSummary[];
  readonly findings: Readonly<Record<Exclude<Severity, 'off'>, number>>;
  readonly failOn: Severity;
  /** `fail` exactly when a finding is at or above `failOn`: the CLI's exit code follows this. */
  readonly verdict: 'pass' | 'fail';
  readonly files: { readonly specs: number; readonly code: number; readonly tests: number; readonly skipped: number };
}

export interface TraceSnapshot {
  readonly workspaceName: string;
  readonly config: SectraceConfig;
  readonly graph: TraceGraph;
  /** Sorted by file, then line, then code. Findings with severity `off` are dropped. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  /** Review stamps read from `.sectrace/reviews.yaml` (empty when there is none). */
  readonly reviews: ReviewStore;
}

/** What sits at a position: an ID written there, and the item it names when it is defined. */
export interface IdAtPosition {
  readonly id: string;
  readonly range: Range;
  readonly item: TraceItem | undefined;
  readonly via: 'definition' | 'tag' | 'attribute' | 'mention';
}

/** Runs scanning somewhere else (worker threads in the CLI). Must return facts for exactly the given paths. */
export interface ScanExecutor {
  scan(paths: readonly string[], config: SectraceConfig, token?: CancellationToken, progress?: (done: number) => void): Promise<FileFacts[]>;
  /**
   * Optional: scanning that starts while the walk is still listing folders. The walk pushes files as it
   * finds them. Facts go to `receive` as they are ready, when it is given; `end` resolves once every
   * pushed file is scanned, with the facts not given to `receive` (missing files left out).
   */
  stream?(config: SectraceConfig, token?: CancellationToken, progress?: (done: number) => void, receive?: (facts: readonly FileFacts[]) => void): ScanStream;
}

export interface ScanStream {
  /** More files to scan. A returned promise asks the walk to wait for it (so the host can take messages). */
  push(files: readonly string[]): void | Promise<void>;
  end(): Promise<FileFacts[]>;
  /** Stops scanning (the walk failed or was cancelled); `end` is not called afterwards. */
  abort(): void;
}

export interface TraceServiceInit {
  readonly workspace: Workspace;
  readonly executor?: ScanExecutor;
  /** Today's date, for `expired-risk-acceptance`; injectable so tests are stable. */
  readonly now?: () => Date;
}

export interface TraceService {
  readonly workspace: Workspace;
  /** The configuration in force and its problems (read by `index`). */
  configuration(): LoadedConfig;
  /** Reads the configuration and scans the whole workspace. Rejects with `CancelledError` when cancelled. */
  index(options?: { token?: CancellationToken; progress?: Progress }): Promise<void>;
  /** Open editor buffers win over disk: the text given here is used until `setOverlay(path, undefined)`. */
  setOverlay(path: string, text: string | undefined): void;
  /** Re-reads files from the workspace (created, changed or deleted). Re-reads everything if the config changed. */
  refresh(paths: readonly string[]): Promise<void>;
  /** The linked graph and findings; memoised until facts change. */
  snapshot(): TraceSnapshot;
  idAt(file: string, position: Position): IdAtPosition | undefined;
  /** Every place an ID is written: definitions, tags, link attributes and mentions (for references and rename). */
  occurrences(id: string): readonly Location[];
}
