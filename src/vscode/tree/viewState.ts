// The one piece of view state: whether the trees show only items with gaps. It starts from the setting
// `sectrace.views.showOnlyGaps` and mirrors itself into a context key for the toggle's icon.
import * as vscode from 'vscode';

export class ViewState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private onlyGaps: boolean;

  constructor(initial: boolean) {
    this.onlyGaps = initial;
    void vscode.commands.executeCommand('setContext', 'sectrace.showOnlyGaps', initial);
  }

  get showOnlyGaps(): boolean {
    return this.onlyGaps;
  }

  setShowOnlyGaps(value: boolean): void {
    if (value === this.onlyGaps) return;
    this.onlyGaps = value;
    void vscode.commands.executeCommand('setContext', 'sectrace.showOnlyGaps', value);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
