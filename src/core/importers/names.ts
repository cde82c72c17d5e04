// The formats of other traceability tools that sectrace reads. The names are what `.sectrace.yaml` lists
// under `importers:`, and what facts read by an importer carry as their origin.
// @implements ST-30

export const IMPORTER_NAMES = ['oft', 'threatspec', 'strictdoc', 'lobster'] as const;

export type ImporterName = (typeof IMPORTER_NAMES)[number];

/** Display names, for messages and documentation. */
export const IMPORTER_TITLES: Readonly<Record<ImporterName, string>> = {
  oft: 'OpenFastTrace',
  threatspec: 'ThreatSpec',
  strictdoc: 'StrictDoc',
  lobster: 'LOBSTER',
};
