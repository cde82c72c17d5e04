// The trees' model: which nodes exist under which parent, read from the snapshot. No VS Code types here,
// so the shape of the trees is plain data (and the same for every view). Coverage numbers come from the
// graph's own lists; nothing here decides what counts as covered.
import type { CodeTrace, Finding, FindingCode, TraceSnapshot } from '../../core/index';
import type { ResolvedInterface } from '../../core/interfaces/index';
import { compareIds } from '../describe';
import { interfaceFindings, resolvedInterfaces } from '../interfaces/resolved';

export type TraceNode = ItemNode | TraceRefNode | GroupNode | FindingNode | ExposureGroupNode | InterfaceNode | InterfaceItemsNode;

interface NodeBase {
  /** Unique within a view and stable across snapshots, so VS Code keeps expansion and selection. */
  readonly key: string;
  readonly parent: TraceNode | undefined;
}

export interface ItemNode extends NodeBase {
  readonly type: 'item';
  readonly id: string;
  /** How this item relates to its parent item (`mitigated by`, `refined by`...), if it has one. */
  readonly relation?: string;
}

export interface TraceRefNode extends NodeBase {
  readonly type: 'trace';
  readonly trace: CodeTrace;
}

export interface GroupNode extends NodeBase {
  readonly type: 'group';
  readonly code: FindingCode;
  readonly findings: readonly Finding[];
}

export interface FindingNode extends NodeBase {
  readonly type: 'finding';
  readonly finding: Finding;
}

/** The Interfaces view groups detected interfaces by exposure; `unknown`: not stated, or not a valid word. */
export type ExposureGroup = 'external' | 'both' | 'internal' | 'unknown';

export const EXPOSURE_GROUPS: readonly ExposureGroup[] = ['external', 'both', 'internal', 'unknown'];

export interface ExposureGroupNode extends NodeBase {
  readonly type: 'exposure';
  readonly group: ExposureGroup;
  readonly interfaces: readonly ResolvedInterface[];
}

/** An interface found in code or an API document (not a spec item), with its context resolved. */
export interface InterfaceNode extends NodeBase {
  readonly type: 'interface';
  readonly resolved: ResolvedInterface;
  /** The interface findings at its route line. */
  readonly findings: readonly Finding[];
}

/** The spec items of kind `interface` (IF-n), below the detected interfaces. */
export interface InterfaceItemsNode extends NodeBase {
  readonly type: 'interfaceItems';
  readonly ids: readonly string[];
}

export type ViewKind = 'threats' | 'requirements' | 'gaps' | 'interfaces';

/** One snapshot as the trees see it; built once per snapshot so gap checks are set lookups. */
export class TreeModel {
  private readonly findingIds: ReadonlySet<string>;
  private interfaceList: ReturnType<TreeModel['interfaces']> | undefined;

  constructor(readonly snapshot: TraceSnapshot) {
    this.findingIds = new Set(snapshot.findings.flatMap((finding) => (finding.id ? [finding.id] : [])));
  }

  roots(view: ViewKind, onlyGaps: boolean): TraceNode[] {
    return rootNodes(this, view, onlyGaps);
  }

  children(node: TraceNode, onlyGaps: boolean): TraceNode[] {
    return childNodes(this, node, onlyGaps);
  }

  /** Every detected interface with its findings, in file and line order. */
  interfaces(): readonly { readonly resolved: ResolvedInterface; readonly findings: readonly Finding[] }[] {
    return (this.interfaceList ??= resolvedInterfaces(this.snapshot).map((resolved) => ({ resolved, findings: interfaceFindings(this.snapshot, resolved) })));
  }

  /** An item has a gap when a finding is about it or about an item below it in the tree. */
  hasGap(id: string, seen: Set<string> = new Set()): boolean {
    if (seen.has(id)) return false;
    seen.add(id);
    if (this.findingIds.has(id)) return true;
    return this.snapshot.graph.linksTo(id).some((link) => this.hasGap(link.source, seen));
  }
}

function rootNodes(model: TreeModel, view: ViewKind, onlyGaps: boolean): TraceNode[] {
  const snapshot = model.snapshot;
  if (view === 'gaps') return gapGroups(snapshot);
  if (view === 'interfaces') return interfaceRoots(model, onlyGaps);
  const graph = snapshot.graph;
  const items = [...graph.items.values()].sort((a, b) => compareIds(a.id, b.id));
  const roots = items.filter((item) => {
    if (view === 'threats') return item.kind === 'threat' || (item.kind === 'mitigation' && !graph.linksFrom(item.id).length);
    // A requirement refining another requirement shows under that one, not at the top.
    return item.kind === 'requirement' && !graph.linksFrom(item.id).some((l) => l.relation === 'refines' && graph.items.get(l.target)?.kind === 'requirement');
  });
  const nodes = roots.map((item): ItemNode => ({ type: 'item', id: item.id, key: `${view}/${item.id}`, parent: undefined }));
  return onlyGaps ? nodes.filter((node) => model.hasGap(node.id)) : nodes;
}

function childNodes(model: TreeModel, node: TraceNode, onlyGaps: boolean): TraceNode[] {
  if (node.type === 'group') return node.findings.map((finding, i): FindingNode => ({ type: 'finding', finding, key: `${node.key}/${i}`, parent: node }));
  if (node.type === 'exposure' || node.type === 'interface' || node.type === 'interfaceItems') return interfaceChildren(model, node, onlyGaps);
  if (node.type !== 'item') return [];
  const graph = model.snapshot.graph;
  const ancestors = ancestorIds(node);
  const linked = graph.linksTo(node.id)
    .filter((link) => !ancestors.has(link.source))
    .sort((a, b) => compareIds(a.source, b.source))
    .map((link): ItemNode => ({ type: 'item', id: link.source, relation: link.relation, key: `${node.key}/${link.relation}:${link.source}`, parent: node }))
    .filter((child) => !onlyGaps || model.hasGap(child.id, new Set(ancestors)));
  const traces = [...graph.implementationsOf(node.id), ...graph.testsOf(node.id)].map((trace): TraceRefNode => ({
    type: 'trace',
    trace,
    key: `${node.key}/@${trace.location.file}:${trace.location.range.start.line}:${trace.location.range.start.character}`,
    parent: node,
  }));
  return [...dedupe(linked), ...traces];
}

// @implements ST-61
/**
 * The Interfaces view: the detected interfaces grouped by exposure (external, both, internal, then those
 * whose exposure is not stated), then one group with the interface items (IF-n) of the specs, so every
 * item stays reachable whether or not code implements it.
 */
function interfaceRoots(model: TreeModel, onlyGaps: boolean): TraceNode[] {
  const shown = model.interfaces().filter((entry) => !onlyGaps || hasInterfaceGap(entry));
  const groups = EXPOSURE_GROUPS.map((group): ExposureGroupNode => ({
    type: 'exposure',
    group,
    interfaces: shown.filter((entry) => (entry.resolved.exposure ?? 'unknown') === group).map((entry) => entry.resolved),
    key: `interfaces/exposure:${group}`,
    parent: undefined,
  })).filter((node) => node.interfaces.length > 0);
  const ids = model.snapshot.graph.itemsOfKind('interface').map((item) => item.id).filter((id) => !onlyGaps || model.hasGap(id)).sort(compareIds);
  const items: InterfaceItemsNode[] = ids.length ? [{ type: 'interfaceItems', ids, key: 'interfaces/items', parent: undefined }] : [];
  return [...groups, ...items];
}

function interfaceChildren(model: TreeModel, node: ExposureGroupNode | InterfaceNode | InterfaceItemsNode, onlyGaps: boolean): TraceNode[] {
  if (node.type === 'interfaceItems') {
    return node.ids.map((id): ItemNode => ({ type: 'item', id, key: `${node.key}/${id}`, parent: node }));
  }
  if (node.type === 'exposure') {
    const findings = new Map(model.interfaces().map((entry) => [entry.resolved, entry.findings]));
    return node.interfaces
      .map((resolved): InterfaceNode => ({ type: 'interface', resolved, findings: findings.get(resolved) ?? [], key: `${node.key}/${resolved.fact.id}`, parent: node }))
      .filter((child) => !onlyGaps || hasInterfaceGap(child));
  }
  // Under an interface: the interface items it implements and inherits from, then its linked threats.
  const { resolved } = node;
  const linked: [string, string][] = [...resolved.implements.map((id): [string, string] => ['implements', id]), ...resolved.threats.map((id): [string, string] => ['threat', id])];
  return linked
    .filter(([, id]) => model.snapshot.graph.items.has(id))
    .map(([relation, id]): ItemNode => ({ type: 'item', id, relation, key: `${node.key}/${relation}:${id}`, parent: node }));
}

/** An interface has a gap when a required field is missing or a finding is at its route line. */
export function hasInterfaceGap(entry: { readonly resolved: ResolvedInterface; readonly findings: readonly Finding[] }): boolean {
  return entry.resolved.missing.length > 0 || entry.findings.length > 0;
}

function gapGroups(snapshot: TraceSnapshot): GroupNode[] {
  const byCode = new Map<FindingCode, Finding[]>();
  for (const finding of snapshot.findings) {
    const list = byCode.get(finding.code) ?? [];
    list.push(finding);
    byCode.set(finding.code, list);
  }
  return [...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, findings]) => ({ type: 'group', code, findings, key: `gaps/${code}`, parent: undefined }));
}

function ancestorIds(node: TraceNode | undefined): Set<string> {
  const ids = new Set<string>();
  for (let at = node; at; at = at.parent) if (at.type === 'item') ids.add(at.id);
  return ids;
}

/** The same item linked twice (e.g. `mitigates` written on both sides) is shown once. */
function dedupe(nodes: ItemNode[]): ItemNode[] {
  const seen = new Set<string>();
  return nodes.filter((node) => !seen.has(node.key) && seen.add(node.key));
}
