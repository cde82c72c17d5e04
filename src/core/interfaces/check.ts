// Interfaces -> findings. Each interface's context is resolved from the graph at check time, field by
// field: its own annotation first, then its class's (service's, path's), then the attributes of the
// interface items it implements (`@implements IF-3`). So an edit to a spec's IF item changes the findings
// of every interface that implements it without rescanning any code.
// @implements ST-21, ST-22
import type { TraceGraph } from '../link';
import type { FindingCode, Location } from '../model';
import { closest, isContextField } from './annotation';
import { EXPOSURES, INTERFACE_FIELDS, type Exposure, type InterfaceAnnotation, type InterfaceFact, type InterfaceFieldName, type InterfacesConfig } from './model';

export interface InterfaceCheckInput {
  readonly graph: TraceGraph;
  readonly config: { readonly interfaces: InterfacesConfig };
}

export type InterfaceEmit = (code: FindingCode, location: Location, message: string, extra?: { id?: string }) => void;

/** Where a resolved value comes from: the interface's own annotation, its container's, or an interface item. */
export interface ResolvedField {
  readonly value: string;
  /** `annotation`, `container`, or the ID of the interface item it is inherited from. */
  readonly from: string;
  readonly location: Location;
}

export interface ResolvedInterface {
  readonly fact: InterfaceFact;
  readonly context: Readonly<Partial<Record<InterfaceFieldName, ResolvedField>>>;
  /** The exposure in force, when it is valid. */
  readonly exposure?: Exposure;
  /** Defined interface items it implements (and inherits from). */
  readonly implements: readonly string[];
  /** Defined threats linked to it: through `@threats` or `@mitigates`, or through its interface items. */
  readonly threats: readonly string[];
  /** Required fields that are neither written nor inherited. */
  readonly missing: readonly InterfaceFieldName[];
  /** Whether a comment block above it (or above its container) is an annotation at all. */
  readonly annotated: boolean;
}

/**
 * Every interface of the graph (or the given ones) with its context resolved, in file and line order.
 * `threatsOfItem` is `threatIndex(graph)`, passed in when the caller resolves file by file.
 */
export function resolveInterfaces(graph: TraceGraph, config: { readonly interfaces: InterfacesConfig }, facts: readonly InterfaceFact[] = graph.interfaces(), threatsOfItem = threatIndex(graph)): ResolvedInterface[] {
  const isThreat = (id: string) => graph.items.get(id)?.kind === 'threat';
  return facts.map((fact) => {
    const blocks: [InterfaceAnnotation | undefined, string][] = [[fact.annotation, 'annotation'], [fact.container?.annotation, 'container']];
    const context: Partial<Record<InterfaceFieldName, ResolvedField>> = {};
    const implemented: string[] = [];
    const threats = new Set<string>();
    for (const [annotation, from] of blocks) {
      if (!annotation) continue;
      for (const field of annotation.fields) {
        if (!isContextField(field.name)) continue;
        const name = field.name as InterfaceFieldName;
        if (field.value && !context[name]) context[name] = { value: field.value, from, location: { file: fact.file, range: field.range } };
        if (name === 'threats') for (const ref of field.refs) if (isThreat(ref.id)) threats.add(ref.id);
      }
      for (const ref of annotation.mitigates) if (isThreat(ref.id)) threats.add(ref.id);
      for (const ref of annotation.implements) {
        if (graph.items.get(ref.id)?.kind === 'interface' && !implemented.includes(ref.id)) implemented.push(ref.id);
      }
    }
    for (const id of implemented) {
      const definition = graph.definitions.get(id)?.[0];
      for (const attribute of definition?.fact.attributes ?? []) {
        const name = attribute.key as InterfaceFieldName;
        if (isContextField(name) && attribute.value.trim() && !context[name]) {
          context[name] = { value: attribute.value.trim(), from: id, location: { file: definition!.file, range: attribute.range } };
        }
      }
      for (const threat of threatsOfItem.get(id) ?? []) threats.add(threat);
    }
    const exposure = exposureOf(context.exposure?.value);
    const missing = config.interfaces.required.filter((name) => !context[name]);
    return {
      fact,
      context,
      ...(exposure ? { exposure } : {}),
      implements: implemented,
      threats: [...threats].sort(),
      missing,
      annotated: fact.annotation !== undefined || fact.container?.annotation !== undefined,
    };
  });
}

export function checkInterfaces(input: InterfaceCheckInput, emit: InterfaceEmit): void {
  const { graph, config } = input;
  for (const item of graph.itemsOfKind('interface')) checkInterfaceItem(item.id, graph, emit);
  checkResolvedInterfaces(resolveInterfaces(graph, config), config, emit);
}

/** The findings of interfaces whose context is resolved. */
export function checkResolvedInterfaces(all: readonly ResolvedInterface[], config: { readonly interfaces: InterfacesConfig }, emit: InterfaceEmit): void {
  const required = config.interfaces.required;
  for (const resolved of all) {
    const { fact } = resolved;
    const at: Location = { file: fact.file, range: fact.range };
    const label = `interface \`${fact.name}\` (${fact.detector})`;
    if (!resolved.annotated) {
      const fields = (required.length ? required : ['exposure']).map((f) => `@${f}`);
      emit('interface-missing-context', at, `${label} has no security context: write ${list(fields)} in a comment right above it (IEC 81001-5-1 §5.4.3)`);
      continue;
    }
    for (const annotation of [fact.annotation, fact.container?.annotation]) {
      for (const field of annotation?.fields ?? []) {
        if (isContextField(field.name)) continue;
        const guess = closest(field.name, INTERFACE_FIELDS, 2);
        const hint = guess ? ` (did you mean \`@${guess}\`?)` : '';
        emit('interface-unknown-field', at, `${label}: \`@${field.name}\` on line ${field.range.start.line + 1} is not an interface field${hint}; the fields are ${INTERFACE_FIELDS.map((f) => `@${f}`).join(', ')}`);
      }
    }
    const written = resolved.context.exposure;
    if (written && !resolved.exposure && (written.from === 'annotation' || written.from === 'container')) {
      emit('interface-invalid-exposure', at, `${label}: \`@exposure ${written.value}\` on line ${written.location.range.start.line + 1} is not internal, external or both (IEC 81001-5-1 §5.4.3 a)`);
    }
    const missing = resolved.missing;
    if (missing.length) {
      const inherited = resolved.implements.length ? ` (also not inherited from ${list(resolved.implements)})` : '';
      emit('interface-incomplete-context', at, `${label} lacks ${list(missing.map((f) => `@${f}`))}${inherited} (IEC 81001-5-1 §5.4.3)`);
    }
    if ((resolved.exposure === 'external' || resolved.exposure === 'both') && !resolved.threats.length) {
      const via = resolved.implements.length ? `, and its interface item${resolved.implements.length > 1 ? 's' : ''} ${list(resolved.implements)} link${resolved.implements.length > 1 ? '' : 's'} to none` : '';
      const named = namedThreats(fact);
      const undefinedNote = named.length ? ` (${list(named.map((id) => `\`${id}\``))} named by @threats ${named.length > 1 ? 'are not defined threats' : 'is not a defined threat'})` : '';
      emit('external-interface-no-threat', at, `${label} is exposed ${resolved.exposure === 'both' ? 'internally and externally' : 'externally'} but no threat is linked to it${undefinedNote}: name its threats with @threats THR-n${via}`);
    }
  }
}

/** Interface items in specs carry the same fields as attributes: their exposure must be valid too. */
export function checkInterfaceItem(id: string, graph: TraceGraph, emit: InterfaceEmit): void {
  const definition = graph.definitions.get(id)?.[0];
  const attribute = definition?.fact.attributes.find((a) => a.key === 'exposure');
  if (!definition || !attribute || !attribute.value.trim() || exposureOf(attribute.value)) return;
  emit('interface-invalid-exposure', { file: definition.file, range: attribute.range }, `\`${id}\`: exposure \`${attribute.value.trim()}\` is not internal, external or both (IEC 81001-5-1 §5.4.3 a)`, { id });
}

/** The exposure word at the start of a value (`external (mTLS)` is external); undefined when invalid. */
export function exposureOf(value: string | undefined): Exposure | undefined {
  const word = /^\s*([A-Za-z]+)/.exec(value ?? '')?.[1]?.toLowerCase();
  return (EXPOSURES as readonly string[]).includes(word ?? '') ? (word as Exposure) : undefined;
}

/** For each interface item, the defined threats linked to it in either direction or named in an attribute. */
export function threatIndex(graph: TraceGraph): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const kindOf = (id: string) => graph.items.get(id)?.kind;
  const add = (item: string, threat: string) => {
    let set = index.get(item);
    if (!set) index.set(item, (set = new Set()));
    set.add(threat);
  };
  for (const item of graph.itemsOfKind('interface')) {
    for (const attribute of graph.definitions.get(item.id)?.[0]?.fact.attributes ?? []) {
      for (const ref of attribute.refs) if (kindOf(ref.id) === 'threat') add(item.id, ref.id);
    }
    for (const link of [...graph.linksFrom(item.id), ...graph.linksTo(item.id)]) {
      const other = link.source === item.id ? link.target : link.source;
      if (kindOf(other) === 'threat') add(item.id, other);
    }
  }
  for (const threat of graph.itemsOfKind('threat')) {
    for (const attribute of graph.definitions.get(threat.id)?.[0]?.fact.attributes ?? []) {
      for (const ref of attribute.refs) if (kindOf(ref.id) === 'interface') add(ref.id, threat.id);
    }
  }
  return index;
}

function namedThreats(fact: InterfaceFact): string[] {
  const ids = [fact.annotation, fact.container?.annotation].flatMap((a) => a?.fields.filter((f) => f.name === 'threats').flatMap((f) => f.refs.map((r) => r.id)) ?? []);
  return [...new Set(ids)];
}

function list(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
