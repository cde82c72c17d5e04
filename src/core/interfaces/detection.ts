// What a detector reports before it becomes a fact, and the helpers the detectors share: matching only
// in code, classes and their bodies, decorator arguments, and route joining.
// @implements ST-17
import type { IdMatcher } from '../ids';
import type { InterfaceAnnotation, InterfaceKind } from './model';
import type { SourceText } from './source';

/** Fields that come with the interface itself (OpenAPI `x-` keys): read like an annotation, merged into it. */
export type InlineFields = InterfaceAnnotation;

export interface ContainerDetection {
  readonly name: string;
  /** The first line of the container's declaration (its decorator stack included). */
  readonly anchorLine: number;
  readonly inline?: InlineFields;
}

export interface Detection {
  readonly detector: string;
  readonly kind: InterfaceKind;
  readonly name: string;
  readonly method?: string;
  readonly route?: string;
  readonly symbol?: string;
  /** Offsets of what was matched; the fact's range is cut to the first line. */
  readonly start: number;
  readonly end: number;
  /** The first line of the interface's statement or decorator stack: its annotation ends right above. */
  readonly anchorLine: number;
  readonly container?: ContainerDetection;
  readonly inline?: InlineFields;
}

export interface LanguageDetector {
  /** One cheap test per file: without a match, no detector of the language runs. */
  readonly prefilter: RegExp;
  detect(source: SourceText, ids: IdMatcher): Detection[];
}

/** At most this many matches of one pattern are looked at in one file: a file is not a registry of routes. */
export const MAX_MATCHES_PER_PATTERN = 2000;
const MAX_CLASSES = 1000;

/** Runs a global regex over the text and calls `found` for each match that starts in code. */
export function eachCodeMatch(pattern: RegExp, source: SourceText, found: (match: RegExpExecArray) => void, at: (match: RegExpExecArray) => number = (m) => m.index): void {
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  let count = 0;
  while ((match = pattern.exec(source.text)) !== null && count++ < MAX_MATCHES_PER_PATTERN) {
    if (match[0].length === 0) pattern.lastIndex++;
    if (source.inCode(at(match))) found(match);
  }
  pattern.lastIndex = 0;
}

/** `METHOD /route`, with ANY for a route that takes every method. */
export function httpName(method: string, route: string): string {
  return `${method === '*' ? 'ANY' : method} ${route}`;
}

/** Joins route parts with single slashes; the result starts with a slash. */
export function joinRoute(...parts: readonly (string | undefined)[]): string {
  const inner = parts.map((p) => (p ?? '').trim().replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
  return `/${inner}`;
}

export interface ClassInfo {
  readonly name: string;
  readonly headerLine: number;
  /** The first line of its decorator stack, or the header line. */
  readonly anchorLine: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** The decorator stack and the header, as text. */
  readonly stackText: string;
}

const CLASS = /(?<![\w$.])(?:class|interface|object|record|struct)\s+([A-Za-z_$][\w$]*)/g;
const BODY_SEARCH = /[{};()]/g;

/** Classes with a body, in order of their bodies. */
export function findClasses(source: SourceText, prefix: '@' | '['): ClassInfo[] {
  const classes: ClassInfo[] = [];
  eachCodeMatch(CLASS, source, (match) => {
    if (classes.length >= MAX_CLASSES) return;
    const bodyStart = findBody(source, match.index + match[0].length);
    if (bodyStart === undefined) return;
    const bodyEnd = source.matchingBracket(bodyStart) ?? source.text.length;
    const headerLine = source.lineOf(match.index);
    const { top } = source.decoratorStack(headerLine, prefix);
    classes.push({ name: match[1], headerLine, anchorLine: top, bodyStart, bodyEnd, stackText: source.linesText(top, headerLine) });
  });
  return classes;
}

function findBody(source: SourceText, from: number): number | undefined {
  BODY_SEARCH.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = BODY_SEARCH.exec(source.text)) !== null && match.index < from + 4000) {
    if (!source.inCode(match.index)) continue;
    const c = match[0];
    if (c === '(') {
      const close = source.matchingBracket(match.index, 4000);
      if (close === undefined) return undefined;
      BODY_SEARCH.lastIndex = close + 1;
    } else {
      return c === '{' ? match.index : undefined;
    }
  }
  return undefined;
}

/** The innermost class whose body holds the offset. */
export function classAt(classes: readonly ClassInfo[], offset: number): ClassInfo | undefined {
  let found: ClassInfo | undefined;
  for (const info of classes) if (info.bodyStart < offset && offset < info.bodyEnd && (!found || info.bodyStart > found.bodyStart)) found = info;
  return found;
}

/** Whether the decorator stack from `top` to `bottom` belongs to a class declaration. */
export function isClassStack(classes: readonly ClassInfo[], bottom: number): boolean {
  return classes.some((info) => info.headerLine === bottom || info.headerLine === bottom + 1);
}

/** The text between the parenthesis at or after `from` (white space allowed before it) and its match; bounded. */
export function callArguments(source: SourceText, from: number): { text: string; start: number; end: number } | undefined {
  const open = /^\s*\(/.exec(source.text.slice(from, from + 200));
  if (!open) return undefined;
  const start = from + open[0].length - 1;
  const end = source.matchingBracket(start, 5000);
  if (end === undefined) return undefined;
  return { text: source.text.slice(start + 1, end), start: start + 1, end };
}

/** The arguments of the first `@Name(...)` (or `[Name(...)]`) in a decorator stack's text; '' without parentheses. */
export function decoratorArguments(stackText: string, name: string): string | undefined {
  const match = new RegExp(`[@\\[,\\s]${name}\\b(\\s*\\()?`).exec(` ${stackText}`);
  if (!match) return undefined;
  if (!match[1]) return '';
  let depth = 0;
  const from = match.index + match[0].length - 2; // offset in stackText of the `(`
  for (let i = from; i < stackText.length; i++) {
    const c = stackText[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = stackText.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return stackText.slice(from + 1, i);
  }
  return stackText.slice(from + 1);
}

/** The string literals of a text, unquoted (double, single or back quotes). */
export function stringLiterals(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\\r\n]|\\.)*)"|'((?:[^'\\\r\n]|\\.)*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The identifier right before `offset` (white space skipped), as in `router` for `router.get`. */
export function receiverBefore(text: string, offset: number): string | undefined {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] === ')') return '()';
  const end = i + 1;
  while (i >= 0 && /[\w$]/.test(text[i])) i--;
  return end > i + 1 ? text.slice(i + 1, end) : undefined;
}
