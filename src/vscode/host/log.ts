// One output channel for the extension. Errors are also kept in memory so the integration tests can fail
// when the extension swallowed an error that a user would only have seen in the log.
import * as vscode from 'vscode';

export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('sectrace', { log: true });
  private readonly recorded: string[] = [];

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : error === undefined ? '' : String(error);
    const line = detail ? `${message}: ${detail}` : message;
    this.recorded.push(line);
    this.channel.error(line);
  }

  /** Errors logged since activation, oldest first. */
  errors(): readonly string[] {
    return this.recorded;
  }

  dispose(): void {
    this.channel.dispose();
  }
}
