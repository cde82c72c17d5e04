// Change impact in the editor (docs/impact.md): quick fixes and CodeLens that re-pin suspect links, the
// hover that shows what changed, re-pin all / record review commands, and the impact of uncommitted changes.
import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { registerSuspectLinkLenses } from './codeLens';
import { registerImpactCommands } from './commands';
import { registerSuspectLinkHover } from './hover';
import { registerImpactQuickFixes } from './quickFix';
import { registerShowImpact } from './showImpact';

export function registerImpactFeatures(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    registerImpactCommands(deps),
    registerImpactQuickFixes(deps),
    registerSuspectLinkLenses(deps),
    registerSuspectLinkHover(deps),
    registerShowImpact(deps),
  );
}
