// The interface annotation: the comment block directly above an interface, one `@field value` per line
// (several may share a line). A line that does not start with an at sign is prose and is skipped, so a
// sentence that mentions an e-mail address or `@exposure` in passing is never read as a field. A block
// counts as an annotation when it has a context field, an `@implements` of an interface item, or a
// misspelt field; plain comments and documentation blocks (`@param`, `@returns`) do not.
// @implements ST-18
import type { IdMatcher } from '../ids';
import type { IdRef } from '../model';
import { editDistance } from '../suggest';
import { INTERFACE_FIELDS, type InterfaceAnnotation, type InterfaceField } from './model';
import type { SourceText, Span } from './source';

/** Comment markers at the start of a line of a comment, and block comment closers at its end. */
const LINE_PREFIX = /^[ \t]*(?:\/\/+!?|#+|\/\*+!?|\*+(?!\/)|--+|'''|"""|<!--)?[ \t]*/;
const LINE_SUFFIX = /[ \t]*(?:\*+\/|-->|'''|""")?[ \t]*$/;
/** An at sign and a word, at the start of the text or after white space. */
const FIELD_START = /(?:^|(?<=[ \t]))@([A-Za-z][\w-]*)(?=[ \t:]|$)/g;
const TRACE_TAGS = new Set(['implements', 'mitigates', 'verifies']);
/** Documentation tags that share blocks with annotations (JSDoc, Javadoc, Doxygen, PHPDoc...): never fields. */
/** Marks a kernel-doc style `@name:` line while a block is read; such a block is never an annotation. */
const DOC_PARAMETER = ' doc-parameter';

const DOC_TAGS = new Set([
  'param', 'arg', 'argument', 'returns', 'return', 'throws', 'throw', 'exception', 'see', 'since', 'deprecated', 'author',
  'example', 'remarks', 'type', 'typedef', 'template', 'typeparam', 'internal', 'override', 'todo', 'note', 'brief', 'details',
  'summary', 'description', 'private', 'public', 'protected', 'async', 'version', 'license', 'module', 'file', 'fileoverview',
  'inheritdoc', 'experimental', 'beta', 'alpha', 'yields', 'yield', 'callback', 'property', 'prop', 'default', 'defaultvalue',
  'readonly', 'hidden', 'ignore', 'category', 'group', 'link', 'linkcode', 'linkplain', 'code', 'value', 'serial', 'serialdata',
  'serialfield', 'apinote', 'implspec', 'implnote', 'packagedocumentation', 'privateremarks', 'sample', 'suppress', 'constructor',
  'class', 'function', 'method', 'member', 'memberof', 'namespace', 'enum', 'interface', 'extends', 'augments', 'implements',
  'abstract', 'static', 'final', 'const', 'global', 'event', 'fires', 'listens', 'mixin', 'mixes', 'lends', 'name', 'kind',
  'instance', 'inner', 'this', 'variation', 'requires', 'emits', 'ts-ignore', 'ts-expect-error', 'ts-nocheck', 'jsx', 'flow',
  'noinspection', 'nolint', 'pre', 'post', 'invariant', 'warning', 'bug', 'retval', 'tparam', 'copyright', 'date', 'sa',
  'attention', 'raises', 'rtype', 'ptype', 'var', 'ivar', 'cvar', 'api', 'apiparam', 'apisuccess', 'apierror', 'apigroup',
  'apiname', 'apiversion', 'apidescription', 'apiexample', 'swagger', 'openapi', 'nosec', 'noqa',
]);

/** Reads a comment block as an annotation; undefined when it is not one. */
export function parseAnnotation(source: SourceText, block: readonly Span[], ids: IdMatcher): InterfaceAnnotation | undefined {
  if (!block.length) return undefined;
  const fields: InterfaceField[] = [];
  const implementsRefs: IdRef[] = [];
  const mitigatesRefs: IdRef[] = [];
  for (const span of block) {
    let lineStart = span.start;
    while (lineStart < span.end) {
      const breakAt = nextLineBreak(source.text, lineStart, span.end);
      readLine(source, lineStart, breakAt, ids, fields, implementsRefs, mitigatesRefs);
      lineStart = breakAt + (source.text.startsWith('\r\n', breakAt) ? 2 : 1);
    }
  }
  if (fields.some((f) => f.name === DOC_PARAMETER)) return undefined;
  const known = fields.some((f) => isContextField(f.name));
  const linked = implementsRefs.some((ref) => ids.kindOf(ref.id) === 'interface');
  const misspelt = fields.some((f) => !isContextField(f.name) && closest(f.name, INTERFACE_FIELDS, 2) !== undefined);
  if (!known && !linked && !misspelt) return undefined;
  return {
    range: source.lines.rangeAt(block[0].start, block[block.length - 1].end),
    fields,
    implements: implementsRefs,
    mitigates: mitigatesRefs,
  };
}

/** The known field closest to a misspelt one, within `limit` edits. */
export function closest(word: string, candidates: readonly string[], limit: number): string | undefined {
  let best: string | undefined;
  let bestScore = limit + 1;
  for (const candidate of candidates) {
    const score = editDistance(word, candidate, limit + 1);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export function isContextField(name: string): boolean {
  return (INTERFACE_FIELDS as readonly string[]).includes(name);
}

function readLine(source: SourceText, start: number, end: number, ids: IdMatcher, fields: InterfaceField[], implementsRefs: IdRef[], mitigatesRefs: IdRef[]): void {
  const raw = source.text.slice(start, end);
  const prefix = LINE_PREFIX.exec(raw)?.[0].length ?? 0;
  const suffix = LINE_SUFFIX.exec(raw.slice(prefix))?.[0].length ?? 0;
  const body = raw.slice(prefix, raw.length - suffix);
  if (!body.startsWith('@')) return;
  const starts = [...body.matchAll(FIELD_START)];
  for (let i = 0; i < starts.length; i++) {
    const match = starts[i];
    const name = match[1].toLowerCase();
    const valueFrom = (match.index ?? 0) + match[0].length;
    // `@name:` with a name that is no interface field documents a parameter or member (kernel-doc):
    // the block is documentation, and its `@exposure:` is a struct member, not a §5.4.3 claim.
    if (body.charAt(valueFrom) === ':' && !isContextField(name) && !TRACE_TAGS.has(name)) {
      fields.push({ name: DOC_PARAMETER, value: '', range: source.lines.rangeAt(start, start), refs: [] });
      continue;
    }
    const valueTo = i + 1 < starts.length ? (starts[i + 1].index ?? body.length) : body.length;
    const rawValue = body.slice(valueFrom, valueTo);
    const lead = /^[ \t]*:?[ \t]*/.exec(rawValue)?.[0].length ?? 0;
    const value = rawValue.slice(lead).trimEnd();
    const valueStart = start + prefix + valueFrom + lead;
    const refs = findRefs(value, valueStart, source, ids);
    if (name === 'implements') implementsRefs.push(...refs);
    else if (name === 'mitigates') mitigatesRefs.push(...refs);
    if (TRACE_TAGS.has(name) || DOC_TAGS.has(name)) continue;
    const fieldStart = start + prefix + (match.index ?? 0);
    fields.push({ name, value, range: source.lines.rangeAt(fieldStart, value ? valueStart + value.length : valueFrom + start + prefix), refs });
  }
}

function findRefs(value: string, offset: number, source: SourceText, ids: IdMatcher): IdRef[] {
  if (!value || !ids.prefilter.test(value)) return [];
  const refs: IdRef[] = [];
  const pattern = new RegExp(ids.pattern.source, 'g');
  for (const match of value.matchAll(pattern)) {
    const start = offset + (match.index ?? 0);
    refs.push({ id: match[0], range: source.lines.rangeAt(start, start + match[0].length) });
  }
  return refs;
}

function nextLineBreak(text: string, from: number, limit: number): number {
  const breaks = /\r\n|\n|\r/g;
  breaks.lastIndex = from;
  const match = breaks.exec(text);
  return match && match.index < limit ? match.index : limit;
}
