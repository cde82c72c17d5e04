// Wording shared by hovers, trees and CodeLens, so an item reads the same everywhere.
// Everything here reads the snapshot; nothing computes coverage of its own.
import * as vscode from 'vscode';
import type { Finding, ItemLink, Kind, TraceGraph, TraceItem, TraceSnapshot } from '../core/index';

const KIND_ICONS: Readonly<Record<string, string>> = {
  requirement: 'checklist',
  threat: 'flame',
  mitigation: 'shield',
  asset: 'database',
  interface: 'plug',
};

export function kindIcon(kind: Kind): string {
  return (Object.hasOwn(KIND_ICONS, kind) ? KIND_ICONS[kind] : undefined) ?? 'symbol-constant';
}

export function kindLabel(kind: Kind): string {
  switch (kind) {
    case 'requirement': return vscode.l10n.t('requirement');
    case 'threat': return vscode.l10n.t('threat');
    case 'mitigation': return vscode.l10n.t('mitigation');
    case 'asset': return vscode.l10n.t('asset');
    case 'interface': return vscode.l10n.t('interface');
    default: return kind;
  }
}

/** `mitigates`, `refines`, `threatens` forwards; `mitigated by`... backwards. */
export function relationLabel(link: ItemLink, forward: boolean): string {
  if (forward) return link.relation;
  switch (link.relation) {
    case 'mitigates': return vscode.l10n.t('mitigated by');
    case 'refines': return vscode.l10n.t('refined by');
    default: return vscode.l10n.t('threatened by');
  }
}

export interface Counts {
  readonly impl: number;
  readonly tests: number;
}

export function countsOf(graph: TraceGraph, id: string): Counts {
  return { impl: graph.implementationsOf(id).length, tests: graph.testsOf(id).length };
}

/** The tree's description: coverage for items that need code and tests, status and mitigations for threats. */
export function coverageText(snapshot: TraceSnapshot, item: TraceItem): string {
  const graph = snapshot.graph;
  if (item.kind === 'threat') {
    const mitigations = graph.linksTo(item.id).filter((l) => l.relation === 'mitigates').length;
    return vscode.l10n.t('{0} · mitigations {1}', threatStatus(snapshot, item), mitigations);
  }
  const { impl, tests } = countsOf(graph, item.id);
  if (!item.needs.length && !impl && !tests) return '';
  return vscode.l10n.t('impl {0} · tests {1}', impl, tests);
}

/** The CodeLens title: `2 implementations · 1 test · mitigates THR-1`. */
export function lensText(snapshot: TraceSnapshot, item: TraceItem): string {
  const graph = snapshot.graph;
  const { impl, tests } = countsOf(graph, item.id);
  const parts: string[] = [];
  if (impl || item.needs.includes('impl')) parts.push(impl === 1 ? vscode.l10n.t('1 implementation') : vscode.l10n.t('{0} implementations', impl));
  if (tests || item.needs.includes('test')) parts.push(tests === 1 ? vscode.l10n.t('1 test') : vscode.l10n.t('{0} tests', tests));
  parts.push(...linkPhrases(graph.linksFrom(item.id), true), ...linkPhrases(graph.linksTo(item.id), false));
  if (item.kind === 'threat' && !graph.linksTo(item.id).some((l) => l.relation === 'mitigates')) {
    parts.push(vscode.l10n.t('no mitigation (status {0})', threatStatus(snapshot, item)));
  }
  return parts.join(' · ') || vscode.l10n.t('no traces');
}

/** Groups links by relation: `mitigates THR-1, THR-2`. */
export function linkPhrases(links: readonly ItemLink[], forward: boolean): string[] {
  const byRelation = new Map<string, string[]>();
  for (const link of links) {
    const label = relationLabel(link, forward);
    const other = forward ? link.target : link.source;
    const list = byRelation.get(label) ?? [];
    if (!list.includes(other)) list.push(other);
    byRelation.set(label, list);
  }
  return [...byRelation].map(([label, ids]) => `${label} ${ids.sort(compareIds).join(', ')}`);
}

/** The written status, or what the links say when none is written. */
export function threatStatus(snapshot: TraceSnapshot, item: TraceItem): string {
  if (item.attributes.status) return item.attributes.status;
  return snapshot.graph.linksTo(item.id).some((l) => l.relation === 'mitigates') ? vscode.l10n.t('mitigated') : vscode.l10n.t('open');
}

/** Risk of a threat from its attributes, as written in the spec. */
export function riskText(item: TraceItem): string | undefined {
  const { severity, likelihood, risk } = item.attributes;
  const parts = [severity && vscode.l10n.t('severity {0}', severity), likelihood && vscode.l10n.t('likelihood {0}', likelihood), risk && vscode.l10n.t('risk {0}', risk)];
  const text = parts.filter(Boolean).join(', ');
  return text || undefined;
}

export function findingsOf(snapshot: TraceSnapshot, id: string): Finding[] {
  return snapshot.findings.filter((finding) => finding.id === id);
}

/** `SR-2` before `SR-10`: prefixes alphabetically, then numbers part by part. */
export function compareIds(a: string, b: string): number {
  const [pa, ...na] = a.split(/[-.]/);
  const [pb, ...nb] = b.split(/[-.]/);
  if (pa !== pb) return pa < pb ? -1 : 1;
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = Number(na[i] ?? -1) - Number(nb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
