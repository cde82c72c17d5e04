// The trees' model: which nodes exist under which parent, read from the snapshot. No VS Code types here,
// so the shape of the trees is plain data (and the same for every view). Coverage numbers come from the
// graph's own lists; nothing here decides what counts as covered.
import type { CodeTrace, Finding, FindingCode, TraceSnapshot } from '../../core/index';
import { compareIds } from '../describe';

export type TraceNode = ItemNode | TraceRefNode | GroupNode | FindingNode;

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

export type ViewKind = 'threats' | 'requirements' | 'gaps' | 'interfaces';

/** One snapshot as the trees see it; built once per snapshot so gap checks are set lookups. */
export class TreeModel {
  private readonly findingIds: ReadonlySet<string>;

  constructor(readonly snapshot: TraceSnapshot) {
    this.findingIds = new Set(snapshot.findings.flatMap((finding) => (finding.id ? [finding.id] : [])));
  }

  roots(view: ViewKind, onlyGaps: boolean): TraceNode[] {
    return rootNodes(this, view, onlyGaps);
  }

  children(node: TraceNode, onlyGaps: boolean): TraceNode[] {
    return childNodes(this, node, onlyGaps);
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
  const graph = snapshot.graph;
  const items = [...graph.items.values()].sort((a, b) => compareIds(a.id, b.id));
  const roots = items.filter((item) => {
    if (view === 'interfaces') return item.kind === 'interface';
    if (view === 'threats') return item.kind === 'threat' || (item.kind === 'mitigation' && !graph.linksFrom(item.id).length);
    // A requirement refining another requirement shows under that one, not at the top.
    return item.kind === 'requirement' && !graph.linksFrom(item.id).some((l) => l.relation === 'refines' && graph.items.get(l.target)?.kind === 'requirement');
  });
  const nodes = roots.map((item): ItemNode => ({ type: 'item', id: item.id, key: `${view}/${item.id}`, parent: undefined }));
  return onlyGaps ? nodes.filter((node) => model.hasGap(node.id)) : nodes;
}

function childNodes(model: TreeModel, node: TraceNode, onlyGaps: boolean): TraceNode[] {
  if (node.type === 'group') return node.findings.map((finding, i): FindingNode => ({ type: 'finding', finding, key: `${node.key}/${i}`, parent: node }));
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
