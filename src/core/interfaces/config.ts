// `interfaces:` in `.sectrace.yaml`: which context fields are required, and custom detectors. Every
// problem names its line; a detector whose pattern could hang the scan is refused here, before any file
// is read.
// @implements ST-20, STM-2
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { LanguageId } from '../scan/code/languages';
import { DEFAULT_INTERFACES_CONFIG, INTERFACE_FIELDS, type CustomDetectorConfig, type InterfaceFieldName, type InterfacesConfig } from './model';
import { globProblem, shownGlob } from '../globs';
import { patternProblem } from './safety';

/** How the configuration loader records a problem at a node. */
export type ConfigFail = (node: YamlNode | null | undefined, message: string, fatal?: boolean) => void;

/** Every language a custom detector may name (the compiler keeps this list complete). */
const LANGUAGES: Readonly<Record<LanguageId, true>> = {
  typescript: true, javascript: true, java: true, kotlin: true, c: true, cpp: true, csharp: true, go: true, rust: true, swift: true,
  python: true, ruby: true, shell: true, yaml: true, sql: true, html: true, xml: true, php: true, scala: true, dart: true, lua: true,
  powershell: true, css: true, scss: true, toml: true, protobuf: true, makefile: true, dockerfile: true, groovy: true, hcl: true, r: true,
};

const KNOWN_KEYS = ['required', 'detectors'];
const DETECTOR_KEYS = ['name', 'kind', 'languages', 'glob', 'pattern'];

export function readInterfacesConfig(node: YamlNode | null, fail: ConfigFail): InterfacesConfig {
  if (!isMap(node)) {
    fail(node, '`interfaces` must be a mapping with `required` (a list of fields) and `detectors` (a list of custom detectors)');
    return DEFAULT_INTERFACES_CONFIG;
  }
  let required = DEFAULT_INTERFACES_CONFIG.required;
  let detectors = DEFAULT_INTERFACES_CONFIG.detectors;
  for (const pair of node.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    if (key === 'required') required = readRequired(value, fail) ?? required;
    else if (key === 'detectors') detectors = readDetectors(value, fail);
    else fail(keyNode, `unknown key \`interfaces.${key}\` (known keys: ${KNOWN_KEYS.join(', ')})`, false);
  }
  return { required, detectors };
}

function readRequired(node: YamlNode | null, fail: ConfigFail): InterfaceFieldName[] | undefined {
  if (!isSeq(node)) {
    fail(node, `\`interfaces.required\` must be a list of fields (${INTERFACE_FIELDS.join(', ')})`);
    return undefined;
  }
  const fields: InterfaceFieldName[] = [];
  for (const item of node.items as YamlNode[]) {
    const name = isScalar(item) ? String(item.value) : '';
    if ((INTERFACE_FIELDS as readonly string[]).includes(name)) fields.push(name as InterfaceFieldName);
    else fail(item, `unknown interface field \`${name}\` in \`interfaces.required\` (known fields: ${INTERFACE_FIELDS.join(', ')})`);
  }
  return fields;
}

function readDetectors(node: YamlNode | null, fail: ConfigFail): CustomDetectorConfig[] {
  if (!isSeq(node)) {
    fail(node, '`interfaces.detectors` must be a list of detectors, each with `name`, `kind`, `languages` or `glob`, and `pattern`');
    return [];
  }
  const detectors: CustomDetectorConfig[] = [];
  const names = new Set<string>();
  for (const entry of node.items as YamlNode[]) {
    const detector = readDetector(entry, fail);
    if (!detector) continue;
    if (names.has(detector.name)) {
      fail(entry, `a detector named \`${detector.name}\` is already defined`);
      continue;
    }
    names.add(detector.name);
    detectors.push(detector);
  }
  return detectors;
}

function readDetector(node: YamlNode, fail: ConfigFail): CustomDetectorConfig | undefined {
  if (!isMap(node)) {
    fail(node, 'a detector must be a mapping with `name`, `kind`, `languages` or `glob`, and `pattern`');
    return undefined;
  }
  const values = new Map<string, YamlNode | null>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (DETECTOR_KEYS.includes(key)) values.set(key, pair.value as YamlNode | null);
    else fail(pair.key as YamlNode, `unknown key \`${key}\` in a detector (known keys: ${DETECTOR_KEYS.join(', ')})`, false);
  }
  let ok = true;
  const bad = (at: YamlNode | null | undefined, message: string) => {
    fail(at ?? node, message);
    ok = false;
  };

  const nameNode = values.get('name');
  const name = isScalar(nameNode) && typeof nameNode.value === 'string' ? nameNode.value : undefined;
  if (name === undefined || !/^[A-Za-z][\w.-]*$/.test(name)) bad(nameNode, 'a detector needs a `name`: letters, digits, `_`, `.` and `-`, starting with a letter');
  const label = name ? `detector \`${name}\`` : 'the detector';

  const kindNode = values.get('kind');
  let kind = 'custom';
  if (kindNode !== undefined) {
    if (isScalar(kindNode) && typeof kindNode.value === 'string' && /^[a-z][a-z0-9-]*$/.test(kindNode.value)) kind = kindNode.value;
    else bad(kindNode, `the \`kind\` of ${label} must be a lower-case word such as http, socket, serial, ble, cli`);
  }

  let languages: string[] | undefined;
  const languagesNode = values.get('languages');
  if (languagesNode !== undefined) {
    const list = isScalar(languagesNode) ? [languagesNode] : isSeq(languagesNode) ? (languagesNode.items as YamlNode[]) : undefined;
    if (!list) bad(languagesNode, `the \`languages\` of ${label} must be a list of language IDs`);
    else {
      languages = [];
      for (const item of list) {
        const language = isScalar(item) ? String(item.value) : '';
        if (Object.prototype.hasOwnProperty.call(LANGUAGES, language)) languages.push(language);
        else bad(item, `unknown language \`${language}\` in ${label} (known: ${Object.keys(LANGUAGES).join(', ')})`);
      }
    }
  }

  let glob: string[] | undefined;
  const globNode = values.get('glob');
  if (globNode !== undefined) {
    const list = isScalar(globNode) ? [globNode] : isSeq(globNode) ? (globNode.items as YamlNode[]) : undefined;
    if (!list || !list.every((item) => isScalar(item) && typeof item.value === 'string' && item.value !== '')) bad(globNode, `the \`glob\` of ${label} must be a glob or a list of globs`);
    else {
      const globs = list.map((item) => String((item as { value: string }).value));
      globs.forEach((one, i) => {
        const problem = globProblem(one);
        if (problem) bad(list[i], `the glob ${shownGlob(one)} of ${label} is refused: ${problem}`);
      });
      glob = globs;
    }
  }

  const patternNode = values.get('pattern');
  const pattern = isScalar(patternNode) && typeof patternNode.value === 'string' ? patternNode.value : undefined;
  if (pattern === undefined) bad(patternNode, `${label} needs a \`pattern\`: a regular expression tested on each line`);
  else {
    const problem = patternProblem(pattern);
    if (problem) bad(patternNode, `the pattern of ${label} is refused: ${problem}`);
  }

  if (!ok || name === undefined || pattern === undefined) return undefined;
  return { name, kind, pattern, ...(languages ? { languages } : {}), ...(glob ? { glob } : {}) };
}
