// One file -> its interfaces. Each language has one prefilter regex: a file that does not match it (most
// files) costs one regex test and nothing else; only then is the file lexed and are its detectors run.
// Custom detectors run where their languages and globs say. A comment block with `@exposure` above code
// that no detector recognises declares an interface there (a file import, a client socket, a device
// link), so nothing written as an annotation is lost.
// @implements ST-17, ST-19
import type { IdMatcher } from '../ids';
import type { LanguageId } from '../scan/code/languages';
import { parseAnnotation } from './annotation';
import { appliesTo, compileDetectors, runDetector } from './custom';
import type { Detection, InlineFields, LanguageDetector } from './detection';
import { csharpDetector } from './detectors/csharp';
import { goDetector } from './detectors/go';
import { javascriptDetector } from './detectors/javascript';
import { jvmDetector } from './detectors/jvm';
import { isOpenApiJsonPath, openApiDetector } from './detectors/openapi';
import { protobufDetector } from './detectors/protobuf';
import { pythonDetector } from './detectors/python';
import type { InterfaceAnnotation, InterfaceFact, InterfacesConfig } from './model';
import { lineCommentPrefix, SourceText } from './source';

const BUILT_IN: Partial<Record<LanguageId, LanguageDetector>> = {
  typescript: javascriptDetector,
  javascript: javascriptDetector,
  python: pythonDetector,
  java: jvmDetector,
  kotlin: jvmDetector,
  scala: jvmDetector,
  groovy: jvmDetector,
  csharp: csharpDetector,
  go: goDetector,
  protobuf: protobufDetector,
  yaml: openApiDetector,
};

export interface InterfaceScanContext {
  readonly config: { readonly interfaces: InterfacesConfig };
  readonly ids: IdMatcher;
}

export { isOpenApiJsonPath };

/** The interfaces of a code file (or an OpenAPI JSON file, with `language` undefined). Never throws. */
export function detectInterfaces(path: string, text: string, language: LanguageId | undefined, context: InterfaceScanContext): InterfaceFact[] {
  let source: SourceText | undefined;
  const sourceText = () => (source ??= new SourceText(text, language));
  const detections: Detection[] = [];
  try {
    const builtIn = language ? BUILT_IN[language] : isOpenApiJsonPath(path) ? openApiDetector : undefined;
    if (builtIn?.prefilter.test(text)) detections.push(...builtIn.detect(sourceText(), context.ids));
    for (const detector of compileDetectors(context.config.interfaces.detectors)) {
      if (appliesTo(detector, path, language, text)) detections.push(...runDetector(detector, sourceText()));
    }
    if (text.includes('@exposure')) detections.push(...declared(sourceText(), detections, context.ids));
    return detections.length ? toFacts(path, sourceText(), detections, context.ids) : [];
  } catch {
    // Scanning never throws: a detector that trips over odd input must not cost the file its other facts.
    return [];
  }
}

/** A file with more interfaces than this is generated or hostile; the first ones are kept. */
const MAX_INTERFACES = 5000;

const EXPOSURE_TAG = /(?<![\w@])@exposure(?![\w-])/g;

/** Annotation blocks with an `@exposure` field above code that no detector claimed; prose that mentions it does not count. */
function declared(source: SourceText, detections: readonly Detection[], ids: IdMatcher): Detection[] {
  const claimed = new Set<number>();
  for (const d of detections) {
    claimed.add(d.anchorLine);
    if (d.container) claimed.add(d.container.anchorLine);
  }
  const found: Detection[] = [];
  let seen = 0;
  for (const match of source.text.matchAll(EXPOSURE_TAG)) {
    if (seen++ >= MAX_INTERFACES) break;
    const at = match.index ?? 0;
    if (!source.inComment(at)) continue;
    const line = source.lineBelowBlock(at);
    if (line === undefined || claimed.has(line)) continue;
    claimed.add(line);
    if (!parseAnnotation(source, source.commentBlockAbove(line), ids)?.fields.some((f) => f.name === 'exposure')) continue;
    const text = source.lineText(line);
    const symbol = symbolOf(text);
    const start = source.lineStart(line) + (text.length - text.trimStart().length);
    found.push({ detector: 'annotation', kind: 'declared', name: symbol, symbol, start, end: source.lineEnd(line), anchorLine: line });
  }
  return found;
}

/** A readable name for the code under a declaring annotation: the declared function, class or variable, or the call. */
export function symbolOf(fullLine: string): string {
  const line = fullLine.slice(0, 300);
  const goMethod = /^\s*func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)/.exec(line);
  if (goMethod) return goMethod[1];
  const declaration = /\b(?:function\*?|class|def|fn|interface|struct|object|record|enum|trait|module)\s+([A-Za-z_$][\w$.]*)/.exec(line);
  if (declaration) return declaration[1];
  const assignment = /^\s*(?:export\s+)?(?:const|let|var|val|final|auto)\s+([A-Za-z_$][\w$]*)/.exec(line);
  if (assignment) return assignment[1];
  const call = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\((?:\s*(['"`])([^'"`\r\n]{0,60})\2)?/.exec(line);
  if (call) return call[3] !== undefined ? `${call[1].replace(/\s+/g, '')}('${call[3]}')` : call[1].replace(/\s+/g, '');
  return line.trim().slice(0, 60);
}

function toFacts(path: string, source: SourceText, detections: Detection[], ids: IdMatcher): InterfaceFact[] {
  const annotations = new Map<number, InterfaceAnnotation | undefined>();
  const above = (line: number) => {
    if (!annotations.has(line)) annotations.set(line, parseAnnotation(source, source.commentBlockAbove(line), ids));
    return annotations.get(line);
  };
  const commentPrefix = lineCommentPrefix(source.language);
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const facts: InterfaceFact[] = [];
  for (const d of [...detections].sort((a, b) => a.start - b.start).slice(0, MAX_INTERFACES)) {
    const key = `${d.start}\u0000${d.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = `${path}#${d.name}`;
    const count = (counts.get(base) ?? 0) + 1;
    counts.set(base, count);
    const start = source.lines.positionAt(d.start);
    const end = source.lines.positionAt(Math.max(d.start, Math.min(d.end, source.lineEnd(start.line))));
    const annotation = merge(above(d.anchorLine), d.inline);
    const container = d.container && { name: d.container.name, annotation: merge(above(d.container.anchorLine), d.container.inline) };
    facts.push({
      id: count === 1 ? base : `${base}#${count}`,
      file: path,
      name: d.name,
      kind: d.kind,
      detector: d.detector,
      ...(d.method !== undefined ? { method: d.method } : {}),
      ...(d.route !== undefined ? { route: d.route } : {}),
      ...(d.symbol !== undefined ? { symbol: d.symbol } : {}),
      range: { start, end },
      ...(annotation ? { annotation } : {}),
      ...(container ? { container: container.annotation ? container : { name: container.name } } : {}),
      insert: { line: d.anchorLine, indent: source.indentOf(d.anchorLine), ...(commentPrefix ? { commentPrefix } : {}) },
    });
  }
  return facts;
}

function merge(annotation: InterfaceAnnotation | undefined, inline: InlineFields | undefined): InterfaceAnnotation | undefined {
  if (!inline) return annotation;
  if (!annotation) return inline;
  return {
    range: annotation.range,
    fields: [...annotation.fields, ...inline.fields],
    implements: [...annotation.implements, ...inline.implements],
    mitigates: [...annotation.mitigates, ...inline.mitigates],
  };
}
