// OpenFastTrace's linker and tracer over the graph: the same items, link statuses and defects OFT
// computes, so `check` gives the same verdict as `oft trace`.
//
// Items are the OFT items of the specs (duplicates included) and the items OFT generates for coverage
// tags: `[impl->dsn~x~1]` is an item `impl~x-<crc>~0` covering `dsn~x~1` (`impl~x~0` with `>>` needs;
// the written name and revision with `[impl~name~2->...]`). For each covered ID (OFT's Linker):
//   - an item with that exact ID exists and needs the covering artifact type: covers (covered shallow
//     for the target), or ambiguous when the target has duplicates;
//   - it exists but does not need that type: unwanted (covered unwanted);
//   - it does not exist: orphaned, and outdated (predated) for every item of the same type and name with
//     a higher (lower) revision (covered outdated / covered predated on that item).
// An item is covered shallow when every needed artifact type covers it, covered deeply when it and every
// item covering it, recursively, are covered shallow (a cycle is never covered). OFT's defect rule:
//   has duplicates, or (not rejected and (any link other than covers / covered shallow, or not deeply covered)).
// @implements ST-32
import type { TraceGraph } from '../../link';
import type { FindingCode, Location, TagFact } from '../../model';
import { closestId } from '../../suggest';
import { crc32 } from './crc32';
import { formatOftId, parseOftId } from './ids';

export type LinkStatus =
  | 'covers' | 'predated' | 'outdated' | 'ambiguous' | 'unwanted' | 'orphaned'
  | 'covered-shallow' | 'covered-unwanted' | 'covered-predated' | 'covered-outdated' | 'duplicate';

const INCOMING: ReadonlySet<LinkStatus> = new Set(['covered-shallow', 'covered-unwanted', 'covered-predated', 'covered-outdated']);

export interface OftItem {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly revision: number;
  readonly needs: readonly string[];
  readonly covers: readonly { readonly id: string; readonly location: Location }[];
  readonly status: string;
  readonly location: Location;
  /** Generated from a coverage tag rather than defined in a spec. */
  readonly fromTag: boolean;
}

export interface OftLink {
  readonly status: LinkStatus;
  /** The item at the other end; undefined for an orphaned link. */
  readonly other: LinkedItem | undefined;
  readonly otherId: string;
  /** Where the covering side wrote the link. */
  readonly location: Location;
}

export interface LinkedItem {
  readonly item: OftItem;
  readonly links: OftLink[];
  readonly coveredTypes: Set<string>;
  readonly overCoveredTypes: Set<string>;
}

export type DeepCoverage = 'covered' | 'uncovered' | 'cycle';

export interface OftFinding {
  readonly code: FindingCode;
  readonly location: Location;
  readonly message: string;
  readonly id: string;
  readonly suggestion?: string;
}

export interface OftTrace {
  readonly items: readonly LinkedItem[];
  readonly defects: readonly LinkedItem[];
  readonly findings: readonly OftFinding[];
  deepCoverage(item: LinkedItem): DeepCoverage;
  isDefect(item: LinkedItem): boolean;
}

/** Every OFT item of the graph: spec items (with their duplicates) and the items of coverage tags. */
export function collectOftItems(graph: TraceGraph): OftItem[] {
  const items: OftItem[] = [];
  for (const definitions of graph.definitions.values()) {
    for (const { fact, file } of definitions) {
      if (fact.imported?.format !== 'oft') continue;
      const parsed = parseOftId(fact.id);
      if (!parsed) continue;
      const value = (key: string) => fact.attributes.find((a) => a.key === key);
      items.push({
        id: fact.id,
        ...parsed,
        needs: splitList(value('needs')?.value),
        covers: fact.attributes.filter((a) => a.key === 'covers').flatMap((a) => a.refs.map((ref) => ({ id: ref.id, location: { file, range: ref.range } }))),
        status: value('status')?.value ?? 'approved',
        location: { file, range: fact.idRange },
        fromTag: false,
      });
    }
  }
  for (const file of graph.filePaths()) {
    for (const tag of graph.fileFacts(file)?.tags ?? []) if (tag.imported?.format === 'oft') items.push(...tagItems(file, tag));
  }
  return items.sort(compareItems);
}

/** The items OFT generates for one coverage tag. */
export function tagItems(file: string, tag: TagFact): OftItem[] {
  const a = tag.imported?.attributes ?? {};
  const type = a.type;
  const revision = a.revision === undefined ? 0 : Number(a.revision);
  const needs = splitList(a.needs);
  const location = { file, range: tag.range };
  const covered = tag.refs.map((ref) => ({ ref, parsed: parseOftId(ref.id) })).filter((c) => c.parsed !== undefined);
  const make = (name: string, covers: typeof covered): OftItem => ({
    id: formatOftId(type, name, revision),
    type,
    name,
    revision,
    needs,
    covers: covers.map(({ ref }) => ({ id: ref.id, location: { file, range: ref.range } })),
    status: 'approved',
    location,
    fromTag: true,
  });
  if (a.name !== undefined) return [make(a.name, covered)];
  return covered.map((c) => {
    const id = c.parsed as NonNullable<typeof c.parsed>;
    const canonical = formatOftId(id.type, id.name, id.revision);
    const name = needs.length ? id.name : `${id.name}-${crc32(`${file}${a.line}${a.index}${canonical}`)}`;
    return make(name, [c]);
  });
}

export function traceOft(graph: TraceGraph): OftTrace {
  const linked: LinkedItem[] = collectOftItems(graph).map((item) => ({ item, links: [], coveredTypes: new Set(), overCoveredTypes: new Set() }));
  const byId = new Map<string, LinkedItem>();
  const byName = new Map<string, LinkedItem[]>();
  const findings: OftFinding[] = [];
  for (const entry of linked) {
    const first = byId.get(entry.item.id);
    if (first) {
      // OFT's index keeps the first item and links every later one to it as a duplicate.
      first.links.push({ status: 'duplicate', other: entry, otherId: entry.item.id, location: entry.item.location });
      entry.links.push({ status: 'duplicate', other: first, otherId: first.item.id, location: first.item.location });
      if (first.item.fromTag || entry.item.fromTag) {
        const at = first.item.location;
        findings.push({ code: 'duplicate-id', location: entry.item.location, id: entry.item.id, message: `OpenFastTrace item \`${entry.item.id}\` is already defined at ${at.file}:${at.range.start.line + 1}` });
      }
    } else byId.set(entry.item.id, entry);
    const key = `${entry.item.type}~${entry.item.name}`;
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  const hasDuplicates = (entry: LinkedItem) => entry.links.some((l) => l.status === 'duplicate');
  const known = [...byId.keys()];

  for (const covering of linked) {
    const { item } = covering;
    const label = item.fromTag ? `this ${item.type} coverage tag` : `\`${item.id}\``;
    for (const { id, location } of item.covers) {
      const target = byId.get(id);
      if (target) {
        if (target.item.needs.includes(item.type)) {
          if (hasDuplicates(target)) {
            covering.links.push({ status: 'ambiguous', other: target, otherId: id, location });
            findings.push({ code: 'ambiguous-coverage', location, id, message: `${label} covers \`${id}\`, which is defined more than once: OpenFastTrace cannot tell which one it covers` });
          } else {
            covering.links.push({ status: 'covers', other: target, otherId: id, location });
            target.links.push({ status: 'covered-shallow', other: covering, otherId: item.id, location });
            target.coveredTypes.add(item.type);
          }
        } else {
          covering.links.push({ status: 'unwanted', other: target, otherId: id, location });
          target.links.push({ status: 'covered-unwanted', other: covering, otherId: item.id, location });
          target.overCoveredTypes.add(item.type);
          const needs = target.item.needs.length ? `it needs ${target.item.needs.join(', ')}` : 'it needs no coverage';
          findings.push({ code: 'unwanted-coverage', location, id, message: `${label} covers \`${id}\` with ${item.type}, which that item does not ask for (${needs})` });
        }
        continue;
      }
      covering.links.push({ status: 'orphaned', other: undefined, otherId: id, location });
      const parsed = parseOftId(id);
      const others = parsed ? (byName.get(`${parsed.type}~${parsed.name}`) ?? []) : [];
      for (const other of others) {
        const older = (parsed as NonNullable<typeof parsed>).revision < other.item.revision;
        covering.links.push({ status: older ? 'outdated' : 'predated', other, otherId: other.item.id, location });
        other.links.push({ status: older ? 'covered-outdated' : 'covered-predated', other: covering, otherId: item.id, location });
        findings.push(older
          ? { code: 'outdated-coverage', location, id, message: `${label} covers \`${id}\`, but the item is now \`${other.item.id}\`: check what changed, then update the link` }
          : { code: 'predated-coverage', location, id, message: `${label} covers \`${id}\`, a newer revision than \`${other.item.id}\` defines` });
      }
      if (!others.length) {
        const suggestion = closestId(id, known);
        findings.push({ code: 'orphaned-coverage', location, id, message: `${label} covers \`${id}\`, which no specification defines${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`, ...(suggestion ? { suggestion } : {}) });
      }
    }
  }

  const deep = deepCoverage(linked);
  const isDefect = (entry: LinkedItem) =>
    hasDuplicates(entry) ||
    (entry.item.status !== 'rejected' && (entry.links.some((l) => l.status !== 'covers' && l.status !== 'covered-shallow') || deep.of(entry) !== 'covered'));

  for (const entry of linked) {
    const { item } = entry;
    if (item.status === 'rejected') continue;
    const missing = item.needs.filter((type) => !entry.coveredTypes.has(type));
    if (missing.length) {
      findings.push({ code: 'uncovered', location: item.location, id: item.id, message: `\`${item.id}\` needs coverage by ${item.needs.join(', ')}; nothing covers it with ${missing.join(', ')}` });
    }
    const cycle = deep.cycles.get(entry);
    if (cycle) findings.push({ code: 'uncovered', location: item.location, id: item.id, message: `\`${item.id}\` is covered in a cycle (${cycle.map((e) => e.item.id).join(' <- ')}): OpenFastTrace cannot count it as covered` });
  }
  return { items: linked, defects: linked.filter(isDefect), findings, deepCoverage: deep.of, isDefect };
}

/** Deep coverage for every item; items on a cycle are listed with the cycle. */
function deepCoverage(items: readonly LinkedItem[]): { of(entry: LinkedItem): DeepCoverage; cycles: Map<LinkedItem, LinkedItem[]> } {
  const memo = new Map<LinkedItem, DeepCoverage>();
  const cycles = new Map<LinkedItem, LinkedItem[]>();
  const shallow = (entry: LinkedItem) => entry.item.needs.every((type) => entry.coveredTypes.has(type));
  const incoming = (entry: LinkedItem) => entry.links.filter((l) => INCOMING.has(l.status)).map((l) => l.other as LinkedItem);
  const rank: Record<DeepCoverage, number> = { covered: 0, uncovered: 1, cycle: 2 };
  // Iterative depth-first search, so a long chain of coverage cannot overflow the stack.
  const compute = (root: LinkedItem) => {
    const stack: { entry: LinkedItem; next: LinkedItem[]; status: DeepCoverage }[] = [];
    const onStack = new Set<LinkedItem>();
    const enter = (entry: LinkedItem) => {
      stack.push({ entry, next: incoming(entry), status: shallow(entry) ? 'covered' : 'uncovered' });
      onStack.add(entry);
    };
    enter(root);
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const child = frame.next.shift();
      if (child === undefined) {
        stack.pop();
        onStack.delete(frame.entry);
        memo.set(frame.entry, frame.status);
        if (stack.length) {
          const parent = stack[stack.length - 1];
          if (rank[frame.status] > rank[parent.status]) parent.status = frame.status;
        }
        continue;
      }
      if (onStack.has(child)) {
        const members = stack.slice(stack.findIndex((f) => f.entry === child)).map((f) => f.entry);
        for (const member of members) if (!cycles.has(member)) cycles.set(member, [...members, child]);
        frame.status = 'cycle';
        continue;
      }
      const known = memo.get(child);
      if (known !== undefined) {
        if (rank[known] > rank[frame.status]) frame.status = known;
        continue;
      }
      enter(child);
    }
  };
  return {
    of(entry) {
      if (!memo.has(entry)) compute(entry);
      return memo.get(entry) as DeepCoverage;
    },
    cycles: (() => {
      for (const entry of items) if (!memo.has(entry)) compute(entry);
      return cycles;
    })(),
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((part) => part.trim()).filter(Boolean);
}

function compareItems(a: OftItem, b: OftItem): number {
  const fa = a.location.file;
  const fb = b.location.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.location.range.start.line - b.location.range.start.line || a.location.range.start.character - b.location.range.start.character;
}
