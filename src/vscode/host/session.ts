// What belongs to one indexed folder: its paths, its engine and a token that ends its work.
// Reloading (another first folder, or a full refresh) replaces the session, never mutates it.
import * as vscode from 'vscode';
import { createTraceService, type TraceService } from '../../core/index';
import { WorkspacePaths } from './paths';
import { VscodeWorkspace } from './workspaceFs';

export class Session implements vscode.Disposable {
  readonly paths: WorkspacePaths;
  readonly service: TraceService;
  private readonly cancellation = new vscode.CancellationTokenSource();

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.paths = new WorkspacePaths(folder.uri);
    this.service = createTraceService({ workspace: new VscodeWorkspace(folder.name, this.paths) });
  }

  get token(): vscode.CancellationToken {
    return this.cancellation.token;
  }

  dispose(): void {
    this.cancellation.cancel();
    this.cancellation.dispose();
  }
}
