// Check: graph -> findings with stable codes. The rules (rules.ts) each look at one ID, one file or the
// whole graph; the checker keeps their findings per ID and per file and, after a change, re-runs only the
// rules for what the graph reports as changed (`TraceGraph.takeChanges`). A fresh checker runs them all,
// so a full check and an incremental one share every line of rule code.
// Invariant: after any sequence of graph changes, `run` returns exactly what a fresh checker returns.
// @implements ST-9, ST-4
import type { KindSummary } from './api';
import type { ConfigProblem, SectraceConfig } from './config';
import { createCoverage, type ItemCoverage } from './coverage';
import { checkItemImpact, checkReviewStore, importedTagRefs } from './impact/check';
import type { ReviewStore } from './impact/reviews';
import { checkImported } from './importers';
import { checkInterfaceItem, checkResolvedInterfaces, resolveInterfaces, threatIndex } from './interfaces/check';
import type { TraceGraph } from './link';
import type { CodeTrace, Finding, Kind } from './model';
import { checkAttributes, checkConfig, checkDuplicates, checkFile, checkNeeds, checkRefinesCycles, checkThreat, checkUnresolved, compareFindings, type Emit } from './rules';

export interface CheckInput {
  readonly graph: TraceGraph;
  readonly config: SectraceConfig;
  readonly configProblems: readonly ConfigProblem[];
  readonly configFile: string;
  readonly today: Date;
  /** Review stamps from `.sectrace/reviews.yaml` (docs/impact.md). */
  readonly reviews?: ReviewStore;
}

export interface CheckResult {
  /** Sorted by `compareFindings`; findings with severity `off` are dropped. */
  readonly findings: Finding[];
  /** Items and coverage per kind, in no particular order. */
  readonly kinds: KindSummary[];
}

/** Checks a graph from scratch. */
export function check(input: CheckInput): Finding[] {
  input.graph.takeChanges();
  return new Checker(input.config, input.configProblems, input.configFile).run(input.graph, input.today, input.reviews).findings;
}

type KindRow = { -readonly [K in keyof KindSummary]: KindSummary[K] };

/** What the per-ID rules read besides the ID itself. */
interface RuleInput {
  readonly graph: TraceGraph;
  readonly config: SectraceConfig;
  readonly reviews: ReviewStore | undefined;
  readonly today: Date;
  readonly coverage: (id: string) => ItemCoverage;
  /** Whether a trace comes from an importer's tag (those carry their own versioning: no pins asked). */
  readonly imported: (trace: CodeTrace) => boolean;
}

/** Keeps findings and per-kind coverage between runs over one graph under one configuration. */
export class Checker {
  private readonly byId = new Map<string, Finding[]>();
  private readonly byFile = new Map<string, Finding[]>();
  private readonly byInterfaceFile = new Map<string, Finding[]>();
  private readonly rows = new Map<string, { kind: Kind; impl: number; implemented: number; test: number; verified: number }>();
  private readonly kinds = new Map<Kind, KindRow>();
  private fixed: Finding[] = [];
  private cycles: Finding[] = [];
  private known: string[] = [];
  /** Threats linked to each interface item; kept until an interface or threat ID changes. */
  private threats: Map<string, Set<string>> | undefined;
  private last: { readonly day: number; readonly reviews: ReviewStore | undefined } | undefined;

  constructor(
    private readonly config: SectraceConfig,
    private readonly configProblems: readonly ConfigProblem[],
    private readonly configFile: string,
  ) {}

  run(graph: TraceGraph, today: Date, reviews: ReviewStore | undefined): CheckResult {
    const changes = graph.takeChanges();
    const day = Math.floor(today.getTime() / 86_400_000);
    // A new day can expire a risk acceptance anywhere, and new review stamps concern any item.
    const full = !this.last || this.last.day !== day || this.last.reviews !== reviews;
    this.last = { day, reviews };
    if (full) this.reset(reviews);
    const input: RuleInput = { graph, config: this.config, reviews, today, coverage: createCoverage(graph), imported: importedTagRefs(graph) };
    if (full || changes.idSet) this.known = [...graph.items.keys()];
    for (const id of full ? [...graph.writtenIds()] : changes.ids) this.checkId(id, input);
    // "Did you mean" depends on every defined ID: when that set changes, every unresolved ID is looked at again.
    if (!full && changes.idSet) {
      for (const id of graph.writtenIds()) if (!graph.items.has(id) && !changes.ids.has(id)) this.checkId(id, input);
    }
    const files = full ? new Set([...graph.problemFiles(), ...graph.foreignFiles()]) : changes.files;
    for (const file of files) this.store(this.byFile, file, (emit) => checkFile(graph, file, this.config, emit));
    this.checkInterfaces(graph, full || changes.interfaces ? graph.interfaceFiles() : changes.files, full || changes.interfaces);
    if (full || changes.refines) this.cycles = this.collect((emit) => checkRefinesCycles(graph, emit));
    const oft = this.collect((emit) => checkImported(graph, this.config, emit));
    return { findings: this.merge(oft), kinds: [...this.kinds.values()].filter((row) => row.total > 0).map((row) => ({ ...row })) };
  }

  private reset(reviews: ReviewStore | undefined): void {
    this.byId.clear();
    this.byFile.clear();
    this.byInterfaceFile.clear();
    this.rows.clear();
    this.kinds.clear();
    this.fixed = this.collect((emit) => {
      checkConfig(this.configProblems, this.configFile, emit);
      checkReviewStore(reviews, emit);
    });
  }

  private checkId(id: string, input: RuleInput): void {
    const { graph, coverage } = input;
    const item = graph.items.get(id);
    this.store(this.byId, id, (emit) => {
      checkDuplicates(id, graph, emit);
      if (!item) {
        checkUnresolved(graph.unresolvedOf(id), this.known, this.config, emit);
        return;
      }
      checkNeeds(item, coverage(id), emit);
      checkAttributes(item, graph, emit);
      if (item.kind === 'threat') checkThreat(item, graph, input.today, emit);
      if (item.kind === 'interface') checkInterfaceItem(id, graph, emit);
      checkItemImpact(item, input, input.imported, emit);
    });
    this.updateRow(id, item && { kind: item.kind, needs: item.needs, coverage: coverage(id) });
  }

  /** Interface findings of the given files; with `all`, files that no longer have interfaces are dropped too. */
  private checkInterfaces(graph: TraceGraph, files: Iterable<string>, all: boolean): void {
    if (all) {
      this.byInterfaceFile.clear();
      this.threats = undefined;
    }
    for (const file of files) {
      const facts = graph.interfacesIn(file);
      if (!facts.length) {
        this.byInterfaceFile.delete(file);
        continue;
      }
      const threats = (this.threats ??= threatIndex(graph));
      this.store(this.byInterfaceFile, file, (emit) => checkResolvedInterfaces(resolveInterfaces(graph, this.config, facts, threats), this.config, emit));
    }
  }

  private updateRow(id: string, now: { kind: Kind; needs: readonly string[]; coverage: ItemCoverage } | undefined): void {
    const old = this.rows.get(id);
    if (old) this.addRow(old, -1);
    if (!now) {
      this.rows.delete(id);
      return;
    }
    const impl = now.needs.includes('impl') ? 1 : 0;
    const test = now.needs.includes('test') ? 1 : 0;
    const row = { kind: now.kind, impl, implemented: impl && now.coverage.implemented ? 1 : 0, test, verified: test && now.coverage.verified ? 1 : 0 };
    this.rows.set(id, row);
    this.addRow(row, 1);
  }

  private addRow(row: { kind: Kind; impl: number; implemented: number; test: number; verified: number }, sign: 1 | -1): void {
    let total = this.kinds.get(row.kind);
    if (!total) this.kinds.set(row.kind, (total = { kind: row.kind, total: 0, needImpl: 0, implemented: 0, needTest: 0, verified: 0 }));
    total.total += sign;
    total.needImpl += sign * row.impl;
    total.implemented += sign * row.implemented;
    total.needTest += sign * row.test;
    total.verified += sign * row.verified;
  }

  private store(map: Map<string, Finding[]>, key: string, rule: (emit: Emit) => void): void {
    const found = this.collect(rule);
    if (found.length) map.set(key, found);
    else map.delete(key);
  }

  private collect(rule: (emit: Emit) => void): Finding[] {
    const findings: Finding[] = [];
    rule((code, location, message, extra = {}) => {
      const severity = extra.severity ?? this.config.severity[code];
      if (severity === 'off') return;
      findings.push({ code, severity, message, location, ...(extra.id ? { id: extra.id } : {}), ...(extra.suggestion ? { suggestion: extra.suggestion } : {}) });
    });
    return findings;
  }

  private merge(oft: readonly Finding[]): Finding[] {
    const all = [...this.fixed, ...this.cycles, ...oft];
    for (const map of [this.byId, this.byFile, this.byInterfaceFile]) for (const list of map.values()) for (const finding of list) all.push(finding);
    return all.sort(compareFindings);
  }
}
