// `.sectrace.yaml`: optional. Every key has a default that works with zero configuration; a present key
// replaces its default (lists are not merged, except `exclude`, which adds to the built-in skips).
// Every problem carries the line it is on, so the editor and the CLI can point at it.
// @implements ST-3
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { FindingCode, Kind, Need, Range, Severity } from './model';
import { FINDING_CODES } from './model';
import { readImporters } from './importers/config';
import type { ImporterName } from './importers/names';
import { readInterfacesConfig } from './interfaces/config';
import { DEFAULT_INTERFACES_CONFIG, type InterfacesConfig } from './interfaces/model';
import { yamlRange } from './text/yamlRange';
import { globProblem, shownGlob } from './globs';

export const CONFIG_FILE = '.sectrace.yaml';

export interface SectraceConfig {
  /** ID prefix -> kind. */
  readonly prefixes: Readonly<Record<string, Kind>>;
  /** Globs of Markdown spec files. */
  readonly specs: readonly string[];
  /** Globs of files to scan at all (specs are always included). */
  readonly include: readonly string[];
  /** Globs never scanned, in addition to `.gitignore` when `gitignore` is on. */
  readonly exclude: readonly string[];
  readonly gitignore: boolean;
  /** Globs of test files: tags there count as tests. */
  readonly tests: readonly string[];
  /** What each kind needs by default; an item's `needs` attribute overrides it. */
  readonly needs: Readonly<Record<string, readonly Need[]>>;
  readonly severity: Readonly<Record<FindingCode, Severity>>;
  readonly failOn: Severity;
  /** Files larger than this many bytes are skipped with a note. */
  readonly maxFileSize: number;
  /** Interfaces (IEC 81001-5-1 §5.4.3): required context fields and custom detectors. */
  readonly interfaces: InterfacesConfig;
  /** Formats of other tools to read (docs/importers.md). Absent: auto-detect where safe. */
  readonly importers?: readonly ImporterName[];
  /** Every trace tag must pin its item's fingerprint (`unpinned-link` otherwise). docs/impact.md */
  readonly requirePins: boolean;
  /** Review stamps (`.sectrace/reviews.yaml`): the kinds whose items need one (`unreviewed` otherwise). */
  readonly reviews: ReviewsConfig;
}

export interface ReviewsConfig {
  readonly required: readonly Kind[];
}

export const DEFAULT_EXCLUDES: readonly string[] = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/vendor/**', '**/.git/**', '**/.sectrace/**'];

export const DEFAULT_CONFIG: SectraceConfig = {
  prefixes: { SR: 'requirement', REQ: 'requirement', THR: 'threat', MIT: 'mitigation', AST: 'asset', IF: 'interface' },
  specs: ['**/*.md'],
  include: ['**'],
  exclude: DEFAULT_EXCLUDES,
  gitignore: true,
  tests: [
    '**/*.test.*', '**/*.spec.*', '**/*_test.go', '**/test_*.py', '**/*_test.py', '**/*Test.java', '**/*Tests.java',
    '**/*Test.kt', '**/*Tests.cs', '**/*Test.cs', '**/*_spec.rb', '**/*_test.rb', '**/*_test.c', '**/*_test.cpp',
    '**/src/test/**', '**/tests/**', '**/test/**', '**/__tests__/**', '**/spec/**',
  ],
  needs: { requirement: ['impl', 'test'], mitigation: ['impl', 'test'], threat: [], asset: [], interface: [] },
  severity: {
    'unknown-id': 'error',
    'unknown-reference': 'warning',
    'duplicate-id': 'error',
    'unmitigated-threat': 'error',
    'incomplete-risk-acceptance': 'error',
    'expired-risk-acceptance': 'warning',
    unimplemented: 'error',
    unverified: 'warning',
    'refines-cycle': 'error',
    'invalid-attribute': 'warning',
    'config-error': 'error',
    'parse-error': 'error',
    'unreadable-file': 'warning',
    'malformed-tag': 'warning',
    'orphaned-coverage': 'error',
    'outdated-coverage': 'error',
    'predated-coverage': 'error',
    'unwanted-coverage': 'error',
    'ambiguous-coverage': 'error',
    uncovered: 'error',
    'interface-missing-context': 'warning',
    'interface-incomplete-context': 'warning',
    'interface-invalid-exposure': 'error',
    'interface-unknown-field': 'warning',
    'external-interface-no-threat': 'warning',
    'suspect-link': 'warning',
    'unpinned-link': 'warning',
    'changed-since-review': 'warning',
    unreviewed: 'warning',
  },
  failOn: 'error',
  maxFileSize: 8 * 1024 * 1024,
  interfaces: DEFAULT_INTERFACES_CONFIG,
  requirePins: false,
  reviews: { required: [] },
};

export interface ConfigProblem {
  readonly message: string;
  readonly range: Range;
  /** Fatal problems make the configuration unusable (the CLI exits 2); others are warnings. */
  readonly fatal: boolean;
}

export interface LoadedConfig {
  readonly config: SectraceConfig;
  readonly problems: readonly ConfigProblem[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'off'];
const NEEDS: readonly Need[] = ['impl', 'test'];
const KNOWN_KEYS = ['version', 'prefixes', 'specs', 'include', 'exclude', 'gitignore', 'tests', 'needs', 'severity', 'fail-on', 'max-file-size', 'importers', 'interfaces', 'require-pins', 'reviews'];

/** Parses the text of `.sectrace.yaml`. Never throws: problems come back with their lines. */
export function parseConfig(text: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const rangeOf = (node: YamlNode | null | undefined): Range => yamlRange(lineCounter, node);
  const fail = (node: YamlNode | null | undefined, message: string, fatal = true) => problems.push({ message, range: rangeOf(node), fatal });

  // The first YAML error is the one to fix; the rest are usually its consequences.
  for (const error of doc.errors.slice(0, 1)) {
    const s = lineCounter.linePos(error.pos[0]);
    const at = { line: s.line - 1, character: s.col - 1 };
    problems.push({ message: `invalid YAML: ${error.message.split('\n')[0]}`, range: { start: at, end: at }, fatal: true });
  }
  if (doc.errors.length) return { config: DEFAULT_CONFIG, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: DEFAULT_CONFIG, problems };
  if (!isMap(root)) {
    fail(root, 'the configuration must be a mapping of keys to values');
    return { config: DEFAULT_CONFIG, problems };
  }

  const config: { -readonly [K in keyof SectraceConfig]: SectraceConfig[K] } = { ...DEFAULT_CONFIG };
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    switch (key) {
      case 'version':
        if (!isScalar(value) || value.value !== 1) fail(value, '`version` must be 1');
        break;
      case 'prefixes':
        config.prefixes = readPrefixes(value, fail) ?? config.prefixes;
        break;
      case 'specs':
      case 'include':
      case 'tests':
        config[key] = readGlobs(value, key, fail) ?? config[key];
        break;
      case 'exclude':
        config.exclude = [...DEFAULT_EXCLUDES, ...(readGlobs(value, key, fail) ?? [])];
        break;
      case 'gitignore':
        if (isScalar(value) && typeof value.value === 'boolean') config.gitignore = value.value;
        else fail(value, '`gitignore` must be true or false');
        break;
      case 'needs':
        config.needs = { ...config.needs, ...readNeeds(value, fail) };
        break;
      case 'severity':
        config.severity = { ...config.severity, ...readSeverities(value, fail) };
        break;
      case 'fail-on':
        config.failOn = readSeverity(value, '`fail-on`', fail) ?? config.failOn;
        break;
      case 'max-file-size':
        if (isScalar(value) && typeof value.value === 'number' && value.value > 0) config.maxFileSize = value.value;
        else fail(value, '`max-file-size` must be a positive number of bytes');
        break;
      case 'importers': {
        const importers = readImporters(value, fail);
        if (importers) config.importers = importers;
        break;
      }
      case 'interfaces':
        config.interfaces = readInterfacesConfig(value, fail);
        break;
      case 'require-pins':
        if (isScalar(value) && typeof value.value === 'boolean') config.requirePins = value.value;
        else fail(value, '`require-pins` must be true or false');
        break;
      case 'reviews':
        config.reviews = readReviewsConfig(value, fail) ?? config.reviews;
        break;
      default:
        fail(keyNode, `unknown key \`${key}\` (known keys: ${KNOWN_KEYS.join(', ')})`, false);
    }
  }
  return { config, problems };
}

type Fail = (node: YamlNode | null | undefined, message: string, fatal?: boolean) => void;

function readStringList(node: YamlNode | null, key: string, fail: Fail): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!isSeq(node) || !node.items.every((item) => isScalar(item) && typeof item.value === 'string' && item.value !== '')) {
    fail(node, `\`${key}\` must be a list of glob strings`);
    return undefined;
  }
  return node.items.map((item) => String((item as { value: string }).value));
}

/** A list of globs; a glob that could hang or crash the walk is refused at its line and left out. */
function readGlobs(node: YamlNode | null, key: string, fail: Fail): string[] | undefined {
  const list = readStringList(node, key, fail);
  if (!list) return undefined;
  const items = isSeq(node) ? (node.items as YamlNode[]) : [node];
  return list.filter((glob, i) => {
    const problem = globProblem(glob);
    if (problem) fail(items[i], `the glob ${shownGlob(glob)} in \`${key}\` is refused: ${problem}`);
    return problem === undefined;
  });
}

/** `reviews: { required: [requirement, mitigation] }`: kinds are lower-case words, as in `prefixes`. */
function readReviewsConfig(node: YamlNode | null, fail: Fail): ReviewsConfig | undefined {
  if (!isMap(node)) {
    fail(node, '`reviews` must be a mapping, for example `reviews: { required: [requirement, mitigation] }`');
    return undefined;
  }
  let required: Kind[] = [];
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'required') {
      fail(pair.key as YamlNode, `unknown key \`reviews.${key}\` (known keys: required)`, false);
      continue;
    }
    const value = pair.value as YamlNode | null;
    const items = isSeq(value) ? value.items : isScalar(value) ? [value] : undefined;
    const list = items?.map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : ''));
    if (!list || list.some((kind) => !/^[a-z][a-z0-9-]*$/.test(kind))) fail(value, '`reviews.required` must be a list of kinds, for example `[requirement, mitigation]`');
    else required = list;
  }
  return { required };
}

function readPrefixes(node: YamlNode | null, fail: Fail): Record<string, Kind> | undefined {
  if (!isMap(node)) {
    fail(node, '`prefixes` must map ID prefixes to kinds, for example `SR: requirement`');
    return undefined;
  }
  const prefixes: Record<string, Kind> = {};
  for (const pair of node.items) {
    const prefix = isScalar(pair.key) ? String(pair.key.value) : '';
    const kind = isScalar(pair.value) ? pair.value.value : undefined;
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(prefix)) fail(pair.key as YamlNode, `invalid ID prefix \`${prefix}\`: use letters, digits and _ (starting with a letter)`);
    else if (typeof kind !== 'string' || !/^[a-z][a-z0-9-]*$/.test(kind)) fail(pair.value as YamlNode, `the kind of prefix \`${prefix}\` must be a lower-case word such as requirement, threat, mitigation`);
    // Kinds are looked up by name in plain objects (`needs`): `constructor` would find Object's own.
    else if (kind in Object.prototype) fail(pair.value as YamlNode, `the kind of prefix \`${prefix}\` cannot be \`${kind}\`: the name is reserved`);
    else prefixes[prefix] = kind;
  }
  return prefixes;
}

function readNeeds(node: YamlNode | null, fail: Fail): Record<string, Need[]> {
  const needs: Record<string, Need[]> = {};
  if (!isMap(node)) {
    fail(node, '`needs` must map kinds to lists of needs (impl, test)');
    return needs;
  }
  for (const pair of node.items) {
    const kind = isScalar(pair.key) ? String(pair.key.value) : '';
    const list = readStringList(pair.value as YamlNode, `needs.${kind}`, fail) ?? [];
    const bad = list.filter((need) => !NEEDS.includes(need as Need));
    if (bad.length) fail(pair.value as YamlNode, `unknown need ${bad.map((b) => `\`${b}\``).join(', ')} for \`${kind}\` (use impl, test)`);
    else needs[kind] = list as Need[];
  }
  return needs;
}

function readSeverities(node: YamlNode | null, fail: Fail): Partial<Record<FindingCode, Severity>> {
  const result: Partial<Record<FindingCode, Severity>> = {};
  if (!isMap(node)) {
    fail(node, '`severity` must map finding codes to error, warning, info or off');
    return result;
  }
  for (const pair of node.items) {
    const code = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(FINDING_CODES as readonly string[]).includes(code)) {
      fail(pair.key as YamlNode, `unknown finding code \`${code}\` (known codes: ${FINDING_CODES.join(', ')})`, false);
      continue;
    }
    const severity = readSeverity(pair.value as YamlNode, `severity of \`${code}\``, fail);
    if (severity) result[code as FindingCode] = severity;
  }
  return result;
}

function readSeverity(node: YamlNode | null, what: string, fail: Fail): Severity | undefined {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  fail(node, `${what} must be one of ${SEVERITIES.join(', ')}`);
  return undefined;
}
