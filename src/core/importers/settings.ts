// Which importers run for a configuration. With `importers:` listed, exactly those; without it (auto),
// the formats whose markers cannot be mistaken for anything else: OpenFastTrace, StrictDoc and LOBSTER.
// ThreatSpec's verbs (`@mitigates`, `@tests`, `@component`) also occur in sectrace's own tags and in
// documentation comments, so it runs only when listed.
// @implements ST-30
import type { SectraceConfig } from '../config';
import type { ImporterName } from './names';

export interface ImporterSettings {
  readonly enabled: ReadonlySet<ImporterName>;
  /** No `importers:` key: OpenFastTrace's rules apply only once a spec defines an OpenFastTrace item. */
  readonly auto: boolean;
}

const AUTO: readonly ImporterName[] = ['oft', 'strictdoc', 'lobster'];
const cache = new WeakMap<SectraceConfig, ImporterSettings>();

export function importerSettings(config: SectraceConfig): ImporterSettings {
  let settings = cache.get(config);
  if (!settings) {
    settings = { enabled: new Set(config.importers ?? AUTO), auto: config.importers === undefined };
    cache.set(config, settings);
  }
  return settings;
}
