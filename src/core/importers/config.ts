// `importers:` in `.sectrace.yaml`: which formats of other tools to read. A list enables exactly those
// (`[]` none); `auto`, or no key at all, auto-detects where that is safe (docs/importers.md).
// @implements ST-30
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { IMPORTER_NAMES, type ImporterName } from './names';

type Fail = (node: YamlNode | null | undefined, message: string, fatal?: boolean) => void;

/** The listed importers, or `undefined` for auto-detection (also after a problem, which is reported). */
export function readImporters(node: YamlNode | null, fail: Fail): readonly ImporterName[] | undefined {
  if (isScalar(node) && node.value === 'auto') return undefined;
  const expected = `\`importers\` must be \`auto\` or a list of ${IMPORTER_NAMES.join(', ')}`;
  if (!isSeq(node)) {
    fail(node, expected);
    return undefined;
  }
  const names: ImporterName[] = [];
  for (const item of node.items as YamlNode[]) {
    const name = isScalar(item) ? String(item.value) : '';
    if (!(IMPORTER_NAMES as readonly string[]).includes(name)) fail(item, `unknown importer \`${name}\`: ${expected}`);
    else if (!names.includes(name as ImporterName)) names.push(name as ImporterName);
  }
  return names;
}
