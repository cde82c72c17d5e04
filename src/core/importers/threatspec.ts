// ThreatSpec annotations in code comments, read with ThreatSpec's own grammar (docs/importers.md):
//
//   `@component Name (#id)`   `@threat Name (#id)`   `@control Name (#id)`
//   `@mitigates <component> against <threat> with <control>`
//   `@exposes <component> to <threat> with <details>`
//   `@accepts <threat> to <component> with <rationale>`
//   `@transfers <threat> from <component> to <component> with <rationale>`
//   `@connects <component> (to|with) <component> with <details>`
//   `@review <component> <text>`   `@tests <control> for <component>`
//
// An object is written by name (`SQL injection`, ID `#sql_injection` made the way ThreatSpec makes it),
// by name and ID (`SQL injection (#sqli)`) or by ID alone (`#sqli`); `#THR-1` names the native item THR-1.
// A line ending in `:` continues with YAML lines (up to an empty comment line) that add attributes, for
// example the `owner` and `review-by` an 81001-5-1 risk acceptance needs.
//
// Mapping: components become assets, threats threats, controls mitigations, connections interfaces. An
// object named in an annotation is defined there (ThreatSpec adds it to its library), and the annotation's
// subject always is: the control of `@mitigates` and `@tests`, the threat of `@exposes`, `@accepts` and
// `@transfers`. Definitions of one ID merge (the first by file wins each attribute) and never count as
// duplicates. A `@mitigates` annotation is a trace: the code mitigates the threat and implements the
// control; `@tests` verifies the control; `@accepts` and `@transfers` set the threat's status and rationale.
// @implements ST-33, ST-36
import { parse as parseYaml } from 'yaml';
import type { IdMatcher } from '../ids';
import type { AttributeFact, FileRole, IdRef, ItemFact, Kind, Range, TagName } from '../model';
import type { CommentSpan } from '../scan/code';
import { commentContent, linesIn, type ImportOutput, type LineSpan, type TextCursor } from './text';

type Verb = 'mitigates' | 'accepts' | 'transfers' | 'exposes' | 'connects' | 'review' | 'tests' | 'threat' | 'control' | 'component';

/** A cheap test that a text may hold an annotation. */
export const THREATSPEC_MARK = /@(?:mitigates|accepts|transfers|exposes|connects|review|tests|threat|control|component)\b/;
const START = /^@(mitigates|accepts|transfers|exposes|connects|review|tests|threat|control|component)(?![\w-])/;

/** ThreatSpec's patterns (case-insensitive, anchored at the start, as ThreatSpec matches them). */
const GRAMMAR: Readonly<Record<Verb, { pattern: RegExp; shape: string; parts: readonly string[] }>> = {
  mitigates: { pattern: /^@mitigates (.*?) against (.*?) with (.*)/di, shape: '@mitigates <component> against <threat> with <control>', parts: ['component', 'threat', 'control'] },
  accepts: { pattern: /^@accepts (.*?) to (.*?) with (.*)/di, shape: '@accepts <threat> to <component> with <rationale>', parts: ['threat', 'component', 'details'] },
  transfers: { pattern: /^@transfers (.*?) from (.*?) to (.*?) with (.*)/di, shape: '@transfers <threat> from <component> to <component> with <rationale>', parts: ['threat', 'source', 'destination', 'details'] },
  exposes: { pattern: /^@exposes (.*?) to (.*?) with (.*)/di, shape: '@exposes <component> to <threat> with <details>', parts: ['component', 'threat', 'details'] },
  connects: { pattern: /^@connects (.*?) (with|to) (.*?) with (.*)/di, shape: '@connects <component> to <component> with <details>', parts: ['source', 'direction', 'destination', 'details'] },
  review: { pattern: /^@review (.*?) (.*)/di, shape: '@review <component> <text>', parts: ['component', 'details'] },
  tests: { pattern: /^@tests (.*?) for (.*)/di, shape: '@tests <control> for <component>', parts: ['control', 'component'] },
  threat: { pattern: /^@threat (.*)/di, shape: '@threat <name> (#id)', parts: ['threat'] },
  control: { pattern: /^@control (.*)/di, shape: '@control <name> (#id)', parts: ['control'] },
  component: { pattern: /^@component (.*)/di, shape: '@component <name> (#id)', parts: ['component'] },
};

/** A threat, control or component as written in an annotation. */
interface Written {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The name (or the ID when there is no name). */
  readonly range: Range;
  /** Written by ID alone (`#sqli`): a reference, unless it is the annotation's subject. */
  readonly bare: boolean;
}

interface Part {
  readonly text: string;
  readonly start: number;
}

export function readThreatSpec(cursor: TextCursor, comments: readonly CommentSpan[], role: FileRole, ids: IdMatcher, out: ImportOutput): void {
  const reader = new Reader(cursor, role, ids, out);
  for (const comment of comments) {
    const body = cursor.text.slice(comment.start, comment.end);
    if (!THREATSPEC_MARK.test(body)) continue;
    const lines = [...linesIn(cursor.text, comment.start, comment.end)].map((line) => commentContent(cursor.text, line));
    for (let i = 0; i < lines.length; i++) i = reader.annotation(lines, i);
  }
}

class Reader {
  constructor(
    private readonly cursor: TextCursor,
    private readonly role: FileRole,
    private readonly ids: IdMatcher,
    private readonly out: ImportOutput,
  ) {}

  /** Reads the annotation starting on line `i` (if any); returns the last line it used. */
  annotation(lines: readonly LineSpan[], i: number): number {
    const line = lines[i];
    const text = this.cursor.text.slice(line.start, line.end);
    const verb = START.exec(text)?.[1] as Verb | undefined;
    if (!verb) return i;
    let last = i;
    let body = text;
    let extra: Record<string, string> = {};
    if (body.endsWith(':')) {
      body = body.slice(0, -1);
      const yamlLines: string[] = [];
      while (last + 1 < lines.length) {
        const next = lines[++last];
        const nextText = this.cursor.text.slice(next.start, next.end);
        if (nextText.trim() === '') break;
        yamlLines.push(nextText);
      }
      const parsed = this.yaml(yamlLines.join('\n'), line);
      if (parsed === undefined) return last;
      extra = parsed;
    }
    const grammar = GRAMMAR[verb];
    const match = grammar.pattern.exec(body);
    const whole = this.cursor.range(line.start, line.end);
    if (!match) {
      if (verb === 'mitigates') return last; // sectrace's own `@mitigates THR-1` tag: the comment scanner reads it.
      this.problem(whole, `\`@${verb}\` does not follow ThreatSpec's grammar \`${grammar.shape}\`; ThreatSpec stops at this annotation`);
      return last;
    }
    const indices = match.indices as RegExpIndicesArray;
    const parts: Part[] = grammar.parts.map((_, k) => ({ text: match[k + 1], start: line.start + indices[k + 1][0] }));
    this.out.claimed.push(whole);
    const annotationRange = this.cursor.range(line.start, line.start + body.length);
    try {
      this.apply(verb, parts, extra, annotationRange);
    } catch (error) {
      this.problem(whole, error instanceof Error ? error.message : String(error));
    }
    return last;
  }

  private apply(verb: Verb, p: readonly Part[], extra: Record<string, string>, range: Range): void {
    switch (verb) {
      case 'threat':
      case 'control':
      case 'component': {
        const kind: Kind = verb === 'threat' ? 'threat' : verb === 'control' ? 'mitigation' : 'asset';
        this.define(this.object(p[0]), kind, range, extra);
        return;
      }
      case 'mitigates': {
        const [component, threat, control] = [this.object(p[0]), this.object(p[1]), this.object(p[2])];
        this.namedOrMention(component, 'asset', range);
        if (!threat.bare) this.define(threat, 'threat', range);
        this.define(control, 'mitigation', range, extra);
        this.tag('mitigates', threat, range);
        this.tag(this.role === 'test' ? 'verifies' : 'implements', control, range);
        return;
      }
      case 'exposes': {
        const [component, threat] = [this.object(p[0]), this.object(p[1])];
        this.namedOrMention(component, 'asset', range);
        // Not `exposure`: for interfaces that word means internal or external (81001-5-1 §5.4.3).
        this.define(threat, 'threat', range, { 'exposed-in': label(component), 'exposed-with': p[2].text.trim(), ...extra });
        return;
      }
      case 'accepts': {
        const [threat, component] = [this.object(p[0]), this.object(p[1])];
        this.define(threat, 'threat', range, { status: 'accepted', rationale: p[2].text.trim(), 'accepted-for': label(component), ...extra });
        this.namedOrMention(component, 'asset', range);
        return;
      }
      case 'transfers': {
        const [threat, source, destination] = [this.object(p[0]), this.object(p[1]), this.object(p[2])];
        this.define(threat, 'threat', range, { status: 'transferred', rationale: p[3].text.trim(), 'transferred-from': label(source), 'transferred-to': label(destination), ...extra });
        this.namedOrMention(source, 'asset', range);
        this.namedOrMention(destination, 'asset', range);
        return;
      }
      case 'connects': {
        const [source, destination] = [this.object(p[0]), this.object(p[2])];
        const details = p[3];
        const direction = p[1].text.toLowerCase();
        const id = `#${source.id.replace(/^#/, '')}_${direction}_${destination.id.replace(/^#/, '')}`;
        const trimmed = details.text.trim();
        const at = details.start + (details.text.length - details.text.trimStart().length);
        const detailsRange = this.cursor.range(at, at + trimmed.length);
        this.namedOrMention(source, 'asset', range);
        this.namedOrMention(destination, 'asset', range);
        this.out.items.push(this.item(
          { id, name: `${label(source)} ${direction} ${label(destination)}`, description: trimmed, range: detailsRange, bare: false },
          'interface', range, { from: label(source), to: label(destination), details: trimmed, ...extra },
        ));
        return;
      }
      case 'review': {
        this.define(this.object(p[0]), 'asset', range, { review: p[1].text.trim(), ...extra });
        return;
      }
      case 'tests': {
        const [control, component] = [this.object(p[0]), this.object(p[1])];
        this.define(control, 'mitigation', range, extra);
        this.namedOrMention(component, 'asset', range);
        this.tag('verifies', control, range);
        return;
      }
    }
  }

  /** ThreatSpec's Library.parse: `#id`, `name`, `name (id) description`; the ID made from the name otherwise. */
  private object(part: Part): Written {
    const raw = part.text;
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = part.start + lead;
    if (/^#[a-zA-Z0-9_]+$/.test(text)) return this.written(text, '', '', start, text.length, true);
    const match = /^([^()]+)(?:(\(.*?\))(.*))?/s.exec(text);
    if (!match) throw new Error(`ThreatSpec cannot read \`${text}\` as a name or \`(#id)\``);
    const name = match[1].trim();
    let id = match[2]?.trim() ?? '';
    const description = (match[3] ?? '').trim();
    if (name.startsWith('#')) id = name;
    if (!id) id = `#${slug(name)}`;
    if (id.startsWith('(') && id.endsWith(')')) id = id.slice(1, -1);
    if (!id.startsWith('#')) id = `#${slug(id)}`;
    const bare = name.startsWith('#') && name === id && !description;
    return this.written(id, bare ? '' : name, description, start, name.length, bare);
  }

  private written(id: string, name: string, description: string, start: number, length: number, bare: boolean): Written {
    // `#THR-1` names the native item THR-1; its range leaves the `#` out so renaming THR-1 keeps it.
    const native = id.startsWith('#') && this.ids.isId(id.slice(1)) ? id.slice(1) : undefined;
    const offset = native && bare ? 1 : 0;
    return { id: native ?? id, name, description, range: this.cursor.range(start + offset, start + length), bare };
  }

  private define(object: Written, kind: Kind, range: Range, attributes: Record<string, string> = {}): void {
    this.out.items.push(this.item(object, kind, range, attributes));
  }

  private namedOrMention(object: Written, kind: Kind, range: Range): void {
    if (object.bare) this.out.mentions.push({ id: object.id, range: object.range });
    else this.define(object, kind, range);
  }

  private item(object: Written, kind: Kind, range: Range, attributes: Record<string, string>): ItemFact {
    const facts: AttributeFact[] = Object.entries(attributes)
      .filter(([key]) => key !== 'description')
      .map(([key, value]) => ({ key: key.toLowerCase().replace(/\s+/g, '-'), value, range, refs: [] }));
    return {
      id: object.id,
      idRange: object.range,
      title: object.name,
      description: attributes.description ?? object.description,
      attributes: facts,
      range,
      form: 'annotation',
      imported: { format: 'threatspec', kind },
    };
  }

  private tag(tag: TagName, object: Written, range: Range): void {
    const ref: IdRef = { id: object.id, range: object.range };
    this.out.tags.push({ tag, refs: [ref], foreign: [], range, imported: { format: 'threatspec', attributes: {} } });
  }

  private yaml(text: string, line: LineSpan): Record<string, string> | undefined {
    try {
      const value: unknown = parseYaml(text);
      if (value === null || value === undefined) return {};
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error('the lines after a `:` must be YAML `key: value` pairs');
      const result: Record<string, string> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) result[key] = typeof v === 'string' ? v : JSON.stringify(v);
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.problem(this.cursor.range(line.start, line.end), `the YAML lines of this ThreatSpec annotation cannot be read: ${reason}`);
      return undefined;
    }
  }

  private problem(range: Range, message: string): void {
    this.out.claimed.push(range);
    this.out.problems.push({ code: 'malformed-tag', message, range });
  }
}

/** ThreatSpec's ID from a name: lower case, `-` dropped, other runs of non-word characters become `_`. */
function slug(name: string): string {
  const body = name.endsWith('/') ? `${name}root` : name;
  return body.trim().toLowerCase().replace(/-/g, '').replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

function label(object: Written): string {
  return object.name || object.id;
}
