// The design-review report as plain data: built once from a snapshot, rendered by every format, and
// serialised as-is for `--format json` (schema: schemas/report.schema.json). Lines and columns are
// 1-based here, as people and SARIF count them; the engine inside is 0-based.
// Bump REPORT_SCHEMA_VERSION on any incompatible change (a field removed, renamed or retyped); fields
// may be added without a bump. docs/report.md tells consumers how to read it.
import type { KindSummary } from '../api';
import type { JsonLocation } from '../export/checkJson';
import type { ReviewStatus } from '../impact/reviews';
import type { ImpactReport } from '../impact/since';
import type { FindingCode, Kind, Need, Severity } from '../model';

export type { JsonLocation as ReportLocation };

export const REPORT_SCHEMA_VERSION = 1;
/** `$id` of schemas/report.schema.json, which ships with the package. */
export const REPORT_SCHEMA_ID = 'https://sectrace.dev/schemas/report.schema.json';
/**
 * Written into every format near the top of the file, so `report --out` can tell a previous report
 * (safe to replace) from any other file. CSV cannot carry it; there the fixed header row is the marker.
 */
export const REPORT_MARKER = 'sectrace:report';

export interface ReportModel {
  readonly $schema: typeof REPORT_SCHEMA_ID;
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly generator: typeof REPORT_MARKER;
  readonly header: ReportHeader;
  readonly summary: ReportSummary;
  readonly threats: readonly ThreatEntry[];
  readonly matrix: readonly MatrixRow[];
  /** Every interface found in code and API documents, in file and line order (IEC 81001-5-1 5.4.3). */
  readonly interfaces: readonly InterfaceEntry[];
  /** Metadata of every finding code, in FINDING_CODES order, with how often it fired. */
  readonly rules: readonly RuleEntry[];
  /** Sorted by file, line, column, code (as the engine sorts them). */
  readonly findings: readonly FindingEntry[];
  readonly evidence: readonly EvidenceEntry[];
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
  /** What changed since a git revision (`report --since REF`); absent otherwise. docs/impact.md */
  readonly impact?: ImpactReport;
}

export interface ReportHeader {
  readonly project: string;
  readonly commit?: string;
  readonly tool: { readonly name: string; readonly version: string };
  /** ISO 8601, UTC. */
  readonly date: string;
  /** The configuration file, relative to the workspace root, or `null` when the defaults were used. */
  readonly configFile: string | null;
  readonly scope: string;
  /** Prefix of relative links from the report's own location to the workspace root (`''` at the root). */
  readonly linkBase: string;
}

export interface ReportSummary {
  readonly verdict: 'pass' | 'fail';
  readonly failOn: Severity;
  /** One line that states the verdict and why; the CLI's exit code follows `verdict`. */
  readonly verdictLine: string;
  readonly kinds: readonly KindCoverage[];
  readonly findings: Readonly<Record<Exclude<Severity, 'off'>, number>>;
  readonly files: { readonly specs: number; readonly code: number; readonly tests: number; readonly skipped: number };
}

/** Coverage of one kind, exactly as the engine summarises it. */
export type KindCoverage = KindSummary;

/** A code or test location that traces to an item; `via` names the refining item it came through. */
export interface TraceRef {
  readonly location: JsonLocation;
  readonly via?: string;
}

/** A spec item with the code that implements it and the tests that verify it. */
export interface TracedItem {
  readonly id: string;
  readonly kind: Kind;
  readonly title: string;
  readonly location: JsonLocation;
  readonly needs: readonly Need[];
  readonly implementations: readonly TraceRef[];
  readonly tests: readonly TraceRef[];
  readonly implemented: boolean;
  readonly verified: boolean;
  /** What the item needs and lacks. */
  readonly gaps: readonly Need[];
  /** The fingerprint of the item's text (16 hex digits; pins and stamps use a prefix of it). */
  readonly fingerprint: string;
  /** Its review stamp's state (`.sectrace/reviews.yaml`). */
  readonly review: ReviewStatus;
}

export interface ThreatEntry {
  readonly id: string;
  readonly title: string;
  readonly location: JsonLocation;
  readonly severity: string | null;
  readonly likelihood: string | null;
  /** The `status` attribute as written (lower case), or `null` when absent. */
  readonly status: string | null;
  /** True when an item mitigates the threat or code is tagged `@mitigates` with it. */
  readonly mitigated: boolean;
  /** Items linked to the threat by `mitigates` (either direction of writing). */
  readonly mitigations: readonly TracedItem[];
  /** Requirements that mitigate the threat directly or refine one of its mitigations. */
  readonly requirements: readonly TracedItem[];
  /** Code tagged `@mitigates THR-n` directly. */
  readonly code: readonly JsonLocation[];
  /** Distinct items that mitigate the threat directly: the defence-in-depth count (5.3). */
  readonly independentMitigations: number;
  /** Present for accepted and transferred risks. */
  readonly risk?: { readonly owner: string | null; readonly rationale: string | null; readonly reviewBy: string | null };
  readonly findings: readonly FindingCode[];
}

export type MatrixRow = TracedItem;

/** One software interface with its security context resolved: written above it, on its class, or inherited. */
export interface InterfaceEntry {
  /** Stable identity: file, `#`, name (`src/app.ts#GET /metrics`); `#2` and up for repeats in a file. */
  readonly id: string;
  /** `GET /metrics`, `rpc Pump.SetRate`, `https server`, ... */
  readonly name: string;
  /** `http`, `websocket`, `rpc`, `socket`, `declared`, or a custom detector's kind. */
  readonly kind: string;
  readonly detector: string;
  /** The route line. */
  readonly location: JsonLocation;
  /** The exposure in force; `null` when it is neither written nor inherited, or not a valid word. */
  readonly exposure: 'internal' | 'external' | 'both' | null;
  readonly assets: string | null;
  readonly implications: string | null;
  readonly trustBoundary: string | null;
  /** Defined threats linked to it (by `@threats`, `@mitigates` or through its interface items), sorted. */
  readonly threats: readonly string[];
  /** The interface items (IF-n) it implements and inherits context from. */
  readonly implements: readonly string[];
  /** Required context fields that are neither written nor inherited. */
  readonly missing: readonly string[];
  /** Codes of the findings at its route line. */
  readonly findings: readonly FindingCode[];
}

export interface RuleEntry {
  readonly code: FindingCode;
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  readonly help: string;
  /** The severity the configuration gives the code (`off` when disabled). */
  readonly severity: Severity;
  readonly count: number;
}

export interface FindingEntry {
  readonly code: FindingCode;
  readonly severity: Exclude<Severity, 'off'>;
  readonly message: string;
  readonly location: JsonLocation;
  readonly id?: string;
  readonly suggestion?: string;
}

export interface EvidenceEntry {
  /** IEC 81001-5-1 clause, e.g. `5.2`, `7`. */
  readonly clause: string;
  readonly activity: string;
  /** The report sections that support it. */
  readonly sections: readonly ReportSection[];
  /** What this report shows for it, with numbers. */
  readonly statement: string;
}

export type ReportSection = 'summary' | 'threats' | 'matrix' | 'interfaces' | 'findings';

export const SECTION_TITLES: Readonly<Record<ReportSection, string>> = {
  summary: 'Summary',
  threats: 'Threat register',
  matrix: 'Requirement and mitigation matrix',
  interfaces: 'Interface register',
  findings: 'Findings',
};
