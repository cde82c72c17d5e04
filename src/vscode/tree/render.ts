// How a node looks: label, coverage description, kind icon (coloured when the item has a gap), tooltip and
// the click that opens the exact location.
import * as vscode from 'vscode';
import type { Finding, Location, Severity } from '../../core/index';
import { Commands } from '../deps';
import { coverageText, findingsOf, kindIcon, kindLabel, truncate } from '../describe';
import type { FindingNode, GroupNode, ItemNode, TraceNode, TraceRefNode, TreeModel } from './nodes';

export function toTreeItem(node: TraceNode, model: TreeModel): vscode.TreeItem {
  switch (node.type) {
    case 'item': return itemTreeItem(node, model);
    case 'trace': return traceTreeItem(node);
    case 'group': return groupTreeItem(node);
    case 'finding': return findingTreeItem(node);
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
