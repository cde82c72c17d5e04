// Custom detectors from `.sectrace.yaml`: in-house frameworks, device links (BLE, serial, HL7, DICOM
// listeners) and command lines. The pattern has passed the safety check at configuration load; here the
// work is bounded too: a file is tried only when it holds the pattern's required literal text (when the
// pattern has one), the pattern is tested on one line at a time, each line cut to MAX_LINE characters,
// and a file yields at most MAX_MATCHES interfaces per detector.
// @implements ST-20, STM-2
import picomatch from 'picomatch';
import type { LanguageId } from '../scan/code/languages';
import { httpName, type Detection } from './detection';
import type { CustomDetectorConfig } from './model';
import { patternProblem, requiredLiteral } from './safety';
import type { SourceText } from './source';

export const MAX_LINE = 256;
const MAX_MATCHES = 1000;

export interface CompiledDetector {
  readonly name: string;
  readonly kind: string;
  readonly pattern: RegExp;
  readonly literal: string | undefined;
  readonly languages: ReadonlySet<string> | undefined;
  readonly glob: ((path: string) => boolean) | undefined;
}

const compiled = new WeakMap<readonly CustomDetectorConfig[], CompiledDetector[]>();

/** Compiles once per configuration; a pattern that fails the safety check is never used, however it got here. */
export function compileDetectors(configs: readonly CustomDetectorConfig[]): CompiledDetector[] {
  let list = compiled.get(configs);
  if (list) return list;
  list = configs
    .filter((config) => patternProblem(config.pattern) === undefined)
    .map((config) => ({
      name: config.name,
      kind: config.kind,
      pattern: new RegExp(config.pattern),
      literal: requiredLiteral(config.pattern),
      languages: config.languages ? new Set(config.languages) : undefined,
      glob: config.glob ? picomatch([...config.glob], { dot: true }) : undefined,
    }));
  compiled.set(configs, list);
  return list;
}

export function appliesTo(detector: CompiledDetector, path: string, language: LanguageId | undefined, text: string): boolean {
  if (detector.languages && (!language || !detector.languages.has(language))) return false;
  if (detector.glob && !detector.glob(path)) return false;
  return detector.literal === undefined || text.includes(detector.literal);
}

export function runDetector(detector: CompiledDetector, source: SourceText): Detection[] {
  const found: Detection[] = [];
  for (const line of candidateLines(detector, source)) {
    const start = source.lineStart(line);
    const end = Math.min(source.lineEnd(line), start + MAX_LINE);
    const match = detector.pattern.exec(source.text.slice(start, end));
    if (!match) continue;
    const at = start + match.index;
    if (!source.inCode(at)) continue;
    const groups = match.groups ?? {};
    const route = groups.route;
    const method = groups.method?.toUpperCase();
    const label = route !== undefined && method ? httpName(method, route) : (route ?? groups.name ?? match[0].trim().replace(/\s+/g, ' ').slice(0, 80));
    found.push({
      detector: detector.name,
      kind: detector.kind,
      name: `${detector.name} ${label}`,
      ...(method ? { method } : {}),
      ...(route !== undefined ? { route } : {}),
      ...(groups.name !== undefined ? { symbol: groups.name } : {}),
      start: at,
      end: at + match[0].length,
      anchorLine: source.statementLine(at),
    });
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}

/** The lines that hold the required literal, or every line. */
function candidateLines(detector: CompiledDetector, source: SourceText): number[] {
  if (detector.literal === undefined) return Array.from({ length: source.lineCount }, (_, i) => i);
  const lines: number[] = [];
  for (let at = source.text.indexOf(detector.literal); at !== -1; at = source.text.indexOf(detector.literal, at + 1)) {
    const line = source.lineOf(at);
    if (lines[lines.length - 1] !== line) lines.push(line);
    at = source.lineEnd(line);
  }
  return lines;
}
