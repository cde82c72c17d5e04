// Keeps the engine's index in step with the editor: open buffers win over disk (overlays), changes are
// debounced and coalesced, and all engine calls run one after another on a queue so they never overlap.
// Every feature reads the latest snapshot from here and listens to `onDidChange`.
import * as vscode from 'vscode';
import type { FileFacts, TraceService, TraceSnapshot } from '../../core/index';
import { Debouncer } from './debounce';
import type { Logger } from './log';
import type { WorkspacePaths } from './paths';
import { Session } from './session';

/** What to do with a changed path at the next flush: take a buffer's text, or forget the buffer and read the disk. */
type Change = vscode.TextDocument | 'disk' | 'closed';

/** Above this many changed paths a refresh shows progress in the status bar. */
const PROGRESS_THRESHOLD = 25;

export class TraceController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TraceSnapshot | undefined>();
  readonly onDidChange = this.changed.event;
  private session: Session | undefined;
  /** Whether the current session finished its first index (before that, features show nothing). */
  private indexed = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly dirty = new Map<string, Change>();
  private readonly debouncer = new Debouncer(() => void this.flush());

  constructor(
    private readonly log: Logger,
    private readonly debounceMs: () => number,
  ) {}

  /** Starts over on a folder (or on nothing): cancels the old session's work and indexes from scratch. */
  open(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
    this.session?.dispose();
    this.debouncer.dispose();
    this.dirty.clear();
    this.indexed = false;
    this.session = folder ? new Session(folder) : undefined;
    this.changed.fire(undefined);
    if (!this.session) return Promise.resolve();
    for (const document of vscode.workspace.textDocuments) this.trackDocument(document);
    return this.reindex();
  }

  /** Re-reads the configuration and the whole folder; buffers still win over disk. */
  reindex(): Promise<void> {
    this.debouncer.dispose();
    return this.enqueue((session) => this.index(session));
  }

  /**
   * The engine's current snapshot once the folder was indexed. Asked fresh each time because the engine's
   * graph is updated in place: an older snapshot object would pair new facts with old findings.
   */
  snapshot(): TraceSnapshot | undefined {
    if (!this.indexed || !this.session) return undefined;
    try {
      return this.session.service.snapshot();
    } catch (error) {
      this.log.error('building the trace snapshot failed', error);
      return undefined;
    }
  }

  get paths(): WorkspacePaths | undefined {
    return this.session?.paths;
  }

  get service(): TraceService | undefined {
    return this.session?.service;
  }

  /** The scanned facts of one file. */
  facts(file: string): FileFacts | undefined {
    return this.indexed ? this.session?.service.snapshot().graph.fileFacts(file) : undefined;
  }

  documentChanged(document: vscode.TextDocument): void {
    if (this.trackDocument(document)) this.debouncer.schedule(this.debounceMs());
  }

  documentClosed(document: vscode.TextDocument): void {
    const file = this.paths?.toFile(document.uri);
    if (!file) return;
    this.dirty.set(file, 'closed');
    this.debouncer.schedule(this.debounceMs());
  }

  /** A file changed, appeared or disappeared on disk. An open buffer of it still wins. */
  fileChanged(uri: vscode.Uri): void {
    const file = this.paths?.toFile(uri);
    if (!file) return;
    if (!this.dirty.has(file)) this.dirty.set(file, 'disk');
    this.debouncer.schedule(this.debounceMs());
  }

  /** Resolves when no change is waiting and the engine is not working. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.debouncer.pending();
      const queue = this.queue;
      await queue;
      if (queue === this.queue && !this.debouncer.pending()) return;
    }
  }

  /** Like `whenIdle`, but gives up after `maxMs` so a language feature never hangs on a long index. */
  settled(maxMs = 2000): Promise<void> {
    return Promise.race([this.whenIdle(), new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
  }

  dispose(): void {
    this.session?.dispose();
    this.session = undefined;
    this.debouncer.dispose();
    this.changed.dispose();
  }

  private trackDocument(document: vscode.TextDocument): boolean {
    const file = this.paths?.toFile(document.uri);
    if (!file) return false;
    this.dirty.set(file, document);
    return true;
  }

  private flush(): Promise<void> {
    if (!this.dirty.size) return this.queue;
    return this.enqueue(async (session) => {
      const paths = this.applyChanges(session.service);
      if (!paths.length) return;
      if (paths.length < PROGRESS_THRESHOLD) await session.service.refresh(paths);
      else await this.withProgress(() => session.service.refresh(paths));
    });
  }

  /** Moves the pending changes into the engine (overlays) and returns their paths. Runs on the queue only. */
  private applyChanges(service: TraceService): string[] {
    const changes = [...this.dirty];
    this.dirty.clear();
    for (const [file, change] of changes) {
      if (change === 'closed') service.setOverlay(file, undefined);
      else if (change !== 'disk') service.setOverlay(file, change.isClosed ? undefined : change.getText());
    }
    return changes.map(([file]) => file);
  }

  private async index(session: Session): Promise<void> {
    this.applyChanges(session.service);
    await this.withProgress((report) =>
      session.service.index({
        token: session.token,
        progress: { report: (done, total) => report(vscode.l10n.t('{0} of {1} files', done, total)) },
      }),
    );
  }

  private withProgress(work: (report: (message: string) => void) => Promise<void>): Thenable<void> {
    const title = vscode.l10n.t('sectrace: indexing');
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (progress) =>
      work((message) => progress.report({ message })),
    );
  }

  /** Runs engine work after all earlier work; a session replaced in the meantime makes it a no-op. */
  private enqueue(task: (session: Session) => Promise<void>): Promise<void> {
    const session = this.session;
    if (!session) return this.queue;
    const run = this.queue.then(async () => {
      if (session !== this.session || session.token.isCancellationRequested) return;
      try {
        await task(session);
      } catch (error) {
        if (!isCancelled(error)) this.log.error('indexing failed', error);
      }
      if (session === this.session) this.publish();
    });
    this.queue = run;
    return run;
  }

  private publish(): void {
    this.indexed = true;
    this.changed.fire(this.snapshot());
  }
}

function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'CancelledError';
}
