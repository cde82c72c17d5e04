// Shared helpers for the interface tests: scan one file with a given configuration and describe what
// was found compactly.
import { DEFAULT_CONFIG, parseConfig, type SectraceConfig } from '../../../src/core/config';
import { createIdMatcher } from '../../../src/core/ids';
import type { InterfaceFact } from '../../../src/core/model';
import { createScanContext, scanText } from '../../../src/core/scan/file';

export function contextFor(config: SectraceConfig = DEFAULT_CONFIG) {
  return createScanContext(config, createIdMatcher(config.prefixes));
}

/** The interfaces of one file, scanned as the engine scans it. */
export function interfacesOf(path: string, text: string, configText?: string): InterfaceFact[] {
  const config = configText === undefined ? DEFAULT_CONFIG : parseConfig(configText).config;
  return [...(scanText(path, text, contextFor(config)).interfaces ?? [])];
}

/** `name @line` (1-based line of the route), in file order. */
export function names(path: string, text: string, configText?: string): string[] {
  return interfacesOf(path, text, configText).map((i) => `${i.name} @${i.range.start.line + 1}`);
}

/** `name: field=value, ...` of the own annotation, then `| container: ...`. */
export function contexts(path: string, text: string): string[] {
  return interfacesOf(path, text).map((i) => {
    const own = i.annotation?.fields.map((f) => `${f.name}=${f.value}`).join(', ') ?? '-';
    const container = i.container?.annotation ? ` | ${i.container.name}: ${i.container.annotation.fields.map((f) => `${f.name}=${f.value}`).join(', ')}` : '';
    return `${i.name}: ${own}${container}`;
  });
}

export function lines(...text: string[]): string {
  return text.join('\n');
}
