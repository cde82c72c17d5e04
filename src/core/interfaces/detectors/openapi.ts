// OpenAPI and Swagger documents (YAML, or JSON files named `*openapi*.json` / `*swagger*.json`): every
// operation under `paths` is an interface. The context may be written as a comment above the operation
// (YAML) or as `x-` keys (`x-exposure`, `x-implications`, `x-assets`, ..., `x-implements`) on the
// operation or on its path item, which covers all the path's operations. JSON has no comments, so there
// the `x-` keys are the only way.
// @implements ST-19
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { IdMatcher } from '../../ids';
import type { IdRef } from '../../model';
import { isContextField } from '../annotation';
import { httpName, type Detection, type InlineFields, type LanguageDetector } from '../detection';
import type { InterfaceField } from '../model';
import type { SourceText } from '../source';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

export const openApiDetector: LanguageDetector = {
  prefilter: /openapi|swagger/,
  detect: detectOpenApi,
};

/** JSON files are scanned only when their name says they are API documents. */
export function isOpenApiJsonPath(path: string): boolean {
  return /(?:^|\/)[^/]*(?:openapi|swagger)[^/]*\.json$/i.test(path);
}

function detectOpenApi(source: SourceText, ids: IdMatcher): Detection[] {
  const doc = parseDocument(source.text, { uniqueKeys: false, prettyErrors: false });
  const root = doc.contents;
  if (!isMap(root)) return [];
  const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : '');
  if (!root.items.some((pair) => keyOf(pair) === 'openapi' || keyOf(pair) === 'swagger')) return [];
  const paths = root.items.find((pair) => keyOf(pair) === 'paths')?.value;
  if (!isMap(paths)) return [];
  const found: Detection[] = [];
  for (const pathPair of paths.items) {
    const route = keyOf(pathPair);
    const item = pathPair.value;
    const pathKey = pathPair.key as YamlNode;
    if (!route.startsWith('/') || !isMap(item) || !pathKey.range) continue;
    const container = { name: route, anchorLine: source.lineOf(pathKey.range[0]), ...inlineOf(item.items, source, ids) };
    for (const operation of item.items) {
      const method = keyOf(operation).toLowerCase();
      const key = operation.key as YamlNode;
      if (!METHODS.has(method) || !key.range) continue;
      const upper = method.toUpperCase();
      const inline = isMap(operation.value) ? inlineOf(operation.value.items, source, ids) : {};
      found.push({ detector: 'openapi', kind: 'http', name: httpName(upper, route), method: upper, route, start: key.range[0], end: key.range[1], anchorLine: source.lineOf(key.range[0]), container, ...inline });
    }
  }
  return found;
}

/** The `x-<field>` keys of a mapping, as fields. */
function inlineOf(pairs: readonly Pair[], source: SourceText, ids: IdMatcher): { inline?: InlineFields } {
  const fields: InterfaceField[] = [];
  const implementsRefs: IdRef[] = [];
  const mitigatesRefs: IdRef[] = [];
  let first: number | undefined;
  let last = 0;
  for (const pair of pairs) {
    const key = pair.key as YamlNode;
    const name = isScalar(key) ? String(key.value).toLowerCase() : '';
    if (!name.startsWith('x-') || !key.range) continue;
    const field = name.slice(2);
    if (!isContextField(field) && field !== 'implements' && field !== 'mitigates') continue;
    const value = pair.value as YamlNode | null;
    const end = value?.range?.[1] ?? key.range[1];
    const text = isSeq(value) ? value.items.map((v) => (isScalar(v) ? String(v.value) : '')).join(', ') : isScalar(value) ? String(value.value ?? '') : '';
    const refs = refsIn(source, value?.range?.[0] ?? end, end, ids);
    first ??= key.range[0];
    last = Math.max(last, end);
    if (field === 'implements') implementsRefs.push(...refs);
    else if (field === 'mitigates') mitigatesRefs.push(...refs);
    else fields.push({ name: field, value: text.trim(), range: source.lines.rangeAt(key.range[0], end), refs });
  }
  if (first === undefined) return {};
  return { inline: { range: source.lines.rangeAt(first, last), fields, implements: implementsRefs, mitigates: mitigatesRefs } };
}

function refsIn(source: SourceText, from: number, to: number, ids: IdMatcher): IdRef[] {
  const text = source.text.slice(from, to);
  if (!ids.prefilter.test(text)) return [];
  return [...text.matchAll(new RegExp(ids.pattern.source, 'g'))].map((m) => {
    const start = from + (m.index ?? 0);
    return { id: m[0], range: source.lines.rangeAt(start, start + m[0].length) };
  });
}
