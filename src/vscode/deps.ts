// What every feature receives. Built once in `activate`; features never reach for globals.
import * as vscode from 'vscode';
import type { TraceController } from './host/controller';
import type { Logger } from './host/log';
import type { Settings } from './host/settings';
import type { TreeRegistry } from './tree/registry';
import type { ViewState } from './tree/viewState';

export interface Deps {
  readonly extensionUri: vscode.Uri;
  /** The extension's version, written into reports. */
  readonly version: string;
  readonly controller: TraceController;
  readonly log: Logger;
  readonly settings: () => Settings;
  readonly viewState: ViewState;
  readonly trees: TreeRegistry;
  /** Documents the language features answer for; they check membership in the indexed folder themselves. */
  readonly selector: vscode.DocumentSelector;
}

/** Our command IDs, in one place: hovers trust exactly the commands listed in `LINK_COMMANDS`. */
export const Commands = {
  check: 'sectrace.check',
  openReport: 'sectrace.openReport',
  refresh: 'sectrace.refresh',
  revealInTree: 'sectrace.revealInTree',
  showOnlyGaps: 'sectrace.showOnlyGaps',
  showAllItems: 'sectrace.showAllItems',
  createStarter: 'sectrace.createStarterFiles',
  openItem: 'sectrace.openItem',
  openLocation: 'sectrace.openLocation',
  showTraces: 'sectrace.showTraces',
} as const;

export const LINK_COMMANDS: readonly string[] = [Commands.openItem, Commands.openLocation, Commands.showTraces];

export const ViewIds = {
  threats: 'sectrace.threats',
  requirements: 'sectrace.requirements',
  gaps: 'sectrace.gaps',
  interfaces: 'sectrace.interfaces',
} as const;

export type ViewId = (typeof ViewIds)[keyof typeof ViewIds];

/** A `command:` URI for markdown (hovers, tooltips). */
export function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
