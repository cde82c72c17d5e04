// The engine's data model: what scanning produces per file (facts), what linking produces for the whole
// workspace (the graph) and what checking produces (findings). Everything here is plain data so that it
// can cross a worker boundary, be cached per file, and be serialised to JSON as-is.
// @implements ST-1
import type { ImporterName } from './importers/names';
import type { InterfaceFact } from './interfaces/model';

export type { Exposure, InterfaceAnnotation, InterfaceFact, InterfaceField, InterfaceInsert, InterfaceKind } from './interfaces/model';

/** Zero-based line and UTF-16 character, as in VS Code and LSP. Human-facing output adds 1 to both. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** `file` is workspace-relative with `/` separators, never absolute: reports must be portable. */
export interface Location {
  readonly file: string;
  readonly range: Range;
}

/** Item kinds. The built-in ones are listed; configuration may add others through its prefix map. */
export type Kind = 'requirement' | 'threat' | 'mitigation' | 'asset' | 'interface' | (string & {});

export type FileRole = 'spec' | 'code' | 'test';

/** The trace tags a comment can carry. */
export type TagName = 'implements' | 'verifies' | 'mitigates';

export const TAG_NAMES: readonly TagName[] = ['implements', 'verifies', 'mitigates'];

/** One ID written somewhere, with the exact range of its characters. */
export interface IdRef {
  readonly id: string;
  readonly range: Range;
  /** In a trace tag: the item fingerprint pinned after the ID (`SR-12#3fa9c1` -> `3fa9c1`), if any. */
  readonly pin?: string;
}

/**
 * A trace tag in a code comment: an implements, verifies or mitigates tag followed by IDs.
 * `refs` holds the IDs with a configured prefix; `foreign` holds ID-shaped tokens after the tag whose
 * prefix is not configured (such as XYZ-3), so the checker can report them instead of dropping them.
 */
export interface TagFact {
  readonly tag: TagName;
  readonly refs: readonly IdRef[];
  readonly foreign: readonly IdRef[];
  readonly range: Range;
  /** Set when an importer read the tag from another tool's format (an OpenFastTrace coverage tag, a StrictDoc marker). */
  readonly imported?: ImportedTag;
}

/** What an importer read from a tag in another tool's format: which format, and that format's own fields. */
export interface ImportedTag {
  readonly format: ImporterName;
  readonly attributes: Readonly<Record<string, string>>;
}

/** How an importer read an item written in another tool's format. */
export interface ImportedItem {
  readonly format: ImporterName;
  /** The kind the format gives the item (OpenFastTrace: its artifact type; ThreatSpec: threat, mitigation, asset, interface). */
  readonly kind: Kind;
}

/** A `key: value` attribute of a spec item. Keys are normalised: lower case, spaces become dashes. */
export interface AttributeFact {
  readonly key: string;
  readonly value: string;
  readonly range: Range;
  /** IDs with a configured prefix found in the value (used for link attributes such as `mitigated-by`). */
  readonly refs: readonly IdRef[];
}

/** A spec item defined by a Markdown heading (`## THR-1: Replay`) or by a row of a table whose first column is `ID`. */
export interface ItemFact {
  readonly id: string;
  readonly idRange: Range;
  readonly title: string;
  /** Plain text of the section body (without the attribute block), trimmed. Empty for table rows. */
  readonly description: string;
  readonly attributes: readonly AttributeFact[];
  /** The heading or the table row. */
  readonly range: Range;
  /** `annotation`: an item an importer read from a code comment (ThreatSpec). */
  readonly form: 'heading' | 'table' | 'annotation';
  /** Set when an importer read the item from another tool's format. */
  readonly imported?: ImportedItem;
}

/** Why something in a file could not be read as intended. The checker turns problems into findings. */
export interface ScanProblem {
  readonly code: FindingCode;
  readonly message: string;
  readonly range: Range;
}

/** Everything one file contributes. Produced by scanning, cached by the index, consumed by linking. */
export interface FileFacts {
  readonly file: string;
  readonly role: FileRole;
  readonly items: readonly ItemFact[];
  readonly tags: readonly TagFact[];
  /** Bare IDs in comments or spec prose: references, shown but never counted as coverage. */
  readonly mentions: readonly IdRef[];
  readonly problems: readonly ScanProblem[];
  /** Set when the file was not scanned (binary, too large, ...): the reason, for the summary. */
  readonly skipped?: string;
  /** Software interfaces found in the file (IEC 81001-5-1 §5.4.3); absent when there are none. */
  readonly interfaces?: readonly InterfaceFact[];
}

export type Severity = 'error' | 'warning' | 'info' | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { off: 0, info: 1, warning: 2, error: 3 };

/** Stable finding codes. Never rename one: CI configurations and SARIF consumers key on them. */
export const FINDING_CODES = [
  'unknown-id',
  'unknown-reference',
  'duplicate-id',
  'unmitigated-threat',
  'incomplete-risk-acceptance',
  'expired-risk-acceptance',
  'unimplemented',
  'unverified',
  'refines-cycle',
  'invalid-attribute',
  'config-error',
  'parse-error',
  'unreadable-file',
  'malformed-tag',
  'orphaned-coverage',
  'outdated-coverage',
  'predated-coverage',
  'unwanted-coverage',
  'ambiguous-coverage',
  'uncovered',
  'interface-missing-context',
  'interface-incomplete-context',
  'interface-invalid-exposure',
  'interface-unknown-field',
  'external-interface-no-threat',
  'suspect-link',
  'unpinned-link',
  'changed-since-review',
  'unreviewed',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly location: Location;
  /** The item the finding is about, when there is one. */
  readonly id?: string;
  /** A replacement the user probably meant (closest known ID for `unknown-id`). */
  readonly suggestion?: string;
}

export type Relation = 'mitigates' | 'refines' | 'threatens';

/** A link between two spec items, always stored in its forward direction (`mitigated-by` is turned around). */
export interface ItemLink {
  readonly source: string;
  readonly target: string;
  readonly relation: Relation;
  /** Where the link is written (the attribute value's ID). */
  readonly location: Location;
}

/** A trace from code or a test to an item, from a tag. */
export interface CodeTrace {
  readonly id: string;
  readonly tag: TagName;
  readonly role: FileRole;
  readonly location: Location;
  /** The item fingerprint the tag pins (`@implements SR-12#3fa9c1`), if any. */
  readonly pin?: string;
}

export type ThreatStatus = 'open' | 'mitigated' | 'accepted' | 'transferred';

export interface TraceItem {
  readonly id: string;
  readonly kind: Kind;
  readonly title: string;
  readonly description: string;
  /** Attribute values by normalised key (first occurrence wins). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly location: Location;
  readonly idLocation: Location;
  readonly form: 'heading' | 'table' | 'annotation';
  /** Set when an importer read the item from another tool's format. */
  readonly imported?: ImportedItem;
  /** What the item needs, from its `needs` attribute or its kind's default. */
  readonly needs: readonly Need[];
}

export type Need = 'impl' | 'test';

export interface Coverage {
  readonly total: number;
  readonly implemented: number;
  readonly verified: number;
  /** Items that need implementation / tests (denominators for the ratios). */
  readonly needImpl: number;
  readonly needTest: number;
}
