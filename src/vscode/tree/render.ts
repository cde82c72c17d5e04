// How a node looks: label, coverage description, kind icon (coloured when the item has a gap), tooltip and
// the click that opens the exact location.
import * as vscode from 'vscode';
import type { Finding, Location, Severity } from '../../core/index';
import { Commands } from '../deps';
import { coverageText, findingsOf, kindIcon, kindLabel, truncate } from '../describe';
import { hasInterfaceGap, type ExposureGroup, type ExposureGroupNode, type FindingNode, type GroupNode, type InterfaceItemsNode, type InterfaceNode, type ItemNode, type TraceNode, type TraceRefNode, type TreeModel } from './nodes';

export function toTreeItem(node: TraceNode, model: TreeModel): vscode.TreeItem {
  switch (node.type) {
    case 'item': return itemTreeItem(node, model);
    case 'trace': return traceTreeItem(node);
    case 'group': return groupTreeItem(node);
    case 'finding': return findingTreeItem(node);
    case 'exposure': return exposureGroupTreeItem(node);
    case 'interface': return interfaceTreeItem(node, model);
    case 'interfaceItems': return interfaceItemsTreeItem(node);
  }
}

function itemTreeItem(node: ItemNode, model: TreeModel): vscode.TreeItem {
  const snapshot = model.snapshot;
  const item = snapshot.graph.items.get(node.id);
  const treeItem = new vscode.TreeItem(item ? `${node.id} ${item.title}` : node.id, vscode.TreeItemCollapsibleState.None);
  treeItem.id = node.key;
  if (!item) return treeItem;
  const graph = snapshot.graph;
  const hasChildren = graph.linksTo(node.id).length + graph.tracesOf(node.id).length > 0;
  treeItem.collapsibleState = hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  treeItem.description = coverageText(snapshot, item);
  const gap = model.hasGap(node.id);
  const ownFindings = findingsOf(snapshot, node.id);
  treeItem.iconPath = new vscode.ThemeIcon(kindIcon(item.kind), gap ? new vscode.ThemeColor(colorOf(ownFindings.length ? worst(ownFindings) : 'warning')) : undefined);
  treeItem.contextValue = gap ? 'sectrace.item.gap' : 'sectrace.item';
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${item.id}** · ${kindLabel(item.kind)}\n\n`).appendText(item.title);
  if (item.attributes.status) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Status: {0}', item.attributes.status));
  if (item.description) tooltip.appendMarkdown('\n\n').appendText(truncate(item.description, 300));
  for (const finding of ownFindings) tooltip.appendMarkdown('\n\n').appendText(`${finding.code}: ${finding.message}`);
  treeItem.tooltip = tooltip;
  treeItem.command = openCommand(item.idLocation);
  return treeItem;
}

function traceTreeItem(node: TraceRefNode): vscode.TreeItem {
  const { location, tag, role } = node.trace;
  const isTest = tag === 'verifies' || role === 'test';
  const treeItem = new vscode.TreeItem(`${baseName(location.file)}:${location.range.start.line + 1}`);
  treeItem.id = node.key;
  treeItem.description = `@${tag} · ${dirName(location.file)}`;
  treeItem.tooltip = `${location.file}:${location.range.start.line + 1} (@${tag})`;
  treeItem.iconPath = new vscode.ThemeIcon(isTest ? 'beaker' : 'code');
  treeItem.contextValue = isTest ? 'sectrace.test' : 'sectrace.code';
  treeItem.command = openCommand(location);
  return treeItem;
}

function groupTreeItem(node: GroupNode): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(node.code, vscode.TreeItemCollapsibleState.Expanded);
  treeItem.id = node.key;
  treeItem.description = String(node.findings.length);
  treeItem.iconPath = severityIcon(worst(node.findings));
  treeItem.contextValue = 'sectrace.gapGroup';
  return treeItem;
}

function findingTreeItem(node: FindingNode): vscode.TreeItem {
  const { finding } = node;
  const treeItem = new vscode.TreeItem(finding.message);
  treeItem.id = node.key;
  treeItem.description = `${finding.location.file}:${finding.location.range.start.line + 1}`;
  treeItem.tooltip = `${finding.severity} ${finding.code}: ${finding.message}`;
  treeItem.iconPath = severityIcon(finding.severity);
  treeItem.contextValue = 'sectrace.finding';
  treeItem.command = openCommand(finding.location);
  return treeItem;
}

const EXPOSURE_ICONS: Readonly<Record<ExposureGroup, string>> = { external: 'cloud', both: 'arrow-both', internal: 'home', unknown: 'question' };
const INTERFACE_KIND_ICONS: Readonly<Record<string, string>> = { http: 'globe', websocket: 'plug', rpc: 'symbol-method', socket: 'radio-tower', declared: 'symbol-interface' };

function exposureGroupTreeItem(node: ExposureGroupNode): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(exposureGroupLabel(node.group), vscode.TreeItemCollapsibleState.Expanded);
  treeItem.id = node.key;
  const lacking = node.interfaces.filter((r) => r.missing.length > 0).length;
  treeItem.description = lacking ? vscode.l10n.t('{0} · {1} without full context', node.interfaces.length, lacking) : String(node.interfaces.length);
  treeItem.iconPath = new vscode.ThemeIcon(EXPOSURE_ICONS[node.group]);
  treeItem.tooltip = exposureGroupTooltip(node.group);
  treeItem.contextValue = 'sectrace.interfaceGroup';
  return treeItem;
}

function exposureGroupLabel(group: ExposureGroup): string {
  switch (group) {
    case 'external': return vscode.l10n.t('External');
    case 'both': return vscode.l10n.t('Internal and external');
    case 'internal': return vscode.l10n.t('Internal');
    case 'unknown': return vscode.l10n.t('Exposure not stated');
  }
}

function exposureGroupTooltip(group: ExposureGroup): string {
  switch (group) {
    case 'external': return vscode.l10n.t('Interfaces reachable from outside the product (@exposure external; IEC 81001-5-1 §5.4.3 a)');
    case 'both': return vscode.l10n.t('Interfaces reachable from inside and outside the product (@exposure both)');
    case 'internal': return vscode.l10n.t('Interfaces reachable only inside the product (@exposure internal)');
    case 'unknown': return vscode.l10n.t('Interfaces with no valid @exposure, written or inherited: internal, external or both');
  }
}

/** A detected interface: `GET /metrics`, `src/app.ts:96`; a warning icon naming what is missing when it has a gap. */
function interfaceTreeItem(node: InterfaceNode, model: TreeModel): vscode.TreeItem {
  const { resolved, findings } = node;
  const { fact } = resolved;
  const treeItem = new vscode.TreeItem(fact.name, vscode.TreeItemCollapsibleState.None);
  treeItem.id = node.key;
  const linked = [...resolved.implements, ...resolved.threats].some((id) => model.snapshot.graph.items.has(id));
  if (linked) treeItem.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
  treeItem.description = `${fact.file}:${fact.range.start.line + 1}`;
  const gap = hasInterfaceGap(node);
  const severity = findings.length ? worst(findings) : 'warning';
  treeItem.iconPath = gap ? severityIcon(severity) : new vscode.ThemeIcon(INTERFACE_KIND_ICONS[fact.kind] ?? 'symbol-event');
  treeItem.contextValue = gap ? 'sectrace.interface.gap' : 'sectrace.interface';
  treeItem.tooltip = interfaceTooltip(node);
  treeItem.command = openCommand({ file: fact.file, range: fact.range });
  return treeItem;
}

function interfaceTooltip(node: InterfaceNode): vscode.MarkdownString {
  const { resolved, findings } = node;
  const { fact } = resolved;
  // Theme icons on from the start, so that appendText escapes `$(...)` in workspace text.
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendText(fact.name).appendMarkdown(' · ').appendText(`${fact.kind} (${fact.detector})`);
  tooltip.appendMarkdown('\n\n').appendText(fact.id);
  if (resolved.missing.length) {
    tooltip.appendMarkdown('\n\n$(warning) ').appendText(vscode.l10n.t('Missing: {0}', resolved.missing.map((f) => `@${f}`).join(', ')));
  }
  for (const [field, value] of Object.entries(resolved.context)) {
    if (!value) continue;
    const from = value.from === 'annotation' ? '' : value.from === 'container' ? vscode.l10n.t(' (from {0})', fact.container?.name ?? 'class') : vscode.l10n.t(' (from {0})', value.from);
    tooltip.appendMarkdown('\n\n').appendText(`@${field} ${truncate(value.value, 200)}${from}`);
  }
  if (resolved.threats.length) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Threats: {0}', resolved.threats.join(', ')));
  for (const finding of findings) tooltip.appendMarkdown('\n\n').appendText(`${finding.code}: ${finding.message}`);
  return tooltip;
}

function interfaceItemsTreeItem(node: InterfaceItemsNode): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(vscode.l10n.t('Interface items'), vscode.TreeItemCollapsibleState.Collapsed);
  treeItem.id = node.key;
  treeItem.description = String(node.ids.length);
  treeItem.iconPath = new vscode.ThemeIcon(kindIcon('interface'));
  treeItem.tooltip = vscode.l10n.t('The spec items of kind interface (IF-n); code inherits their context with @implements');
  treeItem.contextValue = 'sectrace.interfaceItems';
  return treeItem;
}

function openCommand(location: Location): vscode.Command {
  return { command: Commands.openLocation, title: vscode.l10n.t('Open'), arguments: [location.file, location.range] };
}

function worst(findings: readonly Finding[]): Severity {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'info';
}

function colorOf(severity: Severity): string {
  return severity === 'error' ? 'list.errorForeground' : severity === 'warning' ? 'list.warningForeground' : 'problemsInfoIcon.foreground';
}

function severityIcon(severity: Severity): vscode.ThemeIcon {
  const icon = severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'info';
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(colorOf(severity)));
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function dirName(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}
