// Interfaces (IEC 81001-5-1 §5.4.3): the software interfaces the detectors find in code and API spec
// files, and the security context written next to each. Plain data like every other fact: cached per
// file, sent between worker threads, written to JSON as-is.
// @implements ST-17
import type { IdRef, Range } from '../model';

/** The built-in kinds; custom detectors name their own (`serial`, `ble`, `hl7`, `cli`, ...). */
export type InterfaceKind = 'http' | 'websocket' | 'rpc' | 'socket' | 'declared' | (string & {});

/** §5.4.3 a: whether an interface is reachable from inside the product's environment, from outside, or both. */
export type Exposure = 'internal' | 'external' | 'both';

export const EXPOSURES: readonly Exposure[] = ['internal', 'external', 'both'];

/** The context fields of an interface annotation, in the order a quick fix writes them. */
export const INTERFACE_FIELDS = ['exposure', 'implications', 'assets', 'trust-boundary', 'threats', 'access', 'safeguards'] as const;

export type InterfaceFieldName = (typeof INTERFACE_FIELDS)[number];

/** What §5.4.3 asks for by default: exposure (a), security implications (b), potential use and assets (c). */
export const DEFAULT_REQUIRED_FIELDS: readonly InterfaceFieldName[] = ['exposure', 'implications', 'assets'];

/** One `@field value` of an annotation, or one `x-field` of an OpenAPI operation. */
export interface InterfaceField {
  /** Lower case, as written: a known field or an unknown one (which the checker reports). */
  readonly name: string;
  /** Trimmed; empty when the field has no value. */
  readonly value: string;
  /** From the at sign (or the key) to the end of the value. */
  readonly range: Range;
  /** Configured IDs in the value (`@threats THR-1, THR-2`, `@assets AST-1 infusion parameters`). */
  readonly refs: readonly IdRef[];
}

/** The comment block above an interface (or above its class, service or path), read as an annotation. */
export interface InterfaceAnnotation {
  /** The whole comment block. */
  readonly range: Range;
  /** Context fields and unknown `@words`, in order; trace tags and documentation tags are not fields. */
  readonly fields: readonly InterfaceField[];
  /** IDs after `@implements` in the block: interface items the interface inherits context from. */
  readonly implements: readonly IdRef[];
  /** IDs after `@mitigates` in the block: threats the interface code itself mitigates. */
  readonly mitigates: readonly IdRef[];
}

/** Where a quick fix writes a missing annotation: above the statement or decorator stack, indented like it. */
export interface InterfaceInsert {
  /** Zero-based line the annotation lines are inserted before. */
  readonly line: number;
  readonly indent: string;
  /** The language's line comment (`//`, `#`, `--`); absent where comments are impossible (JSON). */
  readonly commentPrefix?: string;
}

/** An interface found in one file. */
export interface InterfaceFact {
  /** Stable identity: file, `#`, and the name (`src/app.ts#POST /infusions`); `#2` and up for repeats in a file. */
  readonly id: string;
  readonly file: string;
  /** `POST /infusions`, `rpc Pump.SetRate`, `https server`, `websocket /events`, ... */
  readonly name: string;
  readonly kind: InterfaceKind;
  /** The detector that found it: `express`, `nestjs`, `spring`, `openapi`, a custom detector's name, `annotation`. */
  readonly detector: string;
  /** HTTP method in upper case (`*` for any), when there is one. */
  readonly method?: string;
  readonly route?: string;
  /** Service, class or function name, for interfaces without a route. */
  readonly symbol?: string;
  /** On the route line: the registration, decorator or operation key. Findings point here. */
  readonly range: Range;
  /** The comment block directly above the interface's statement or decorator stack, when it is an annotation. */
  readonly annotation?: InterfaceAnnotation;
  /** The enclosing class, service or path item, and its annotation, which covers the interface's missing fields. */
  readonly container?: { readonly name: string; readonly annotation?: InterfaceAnnotation };
  readonly insert: InterfaceInsert;
}

/** `interfaces:` in `.sectrace.yaml`. */
export interface InterfacesConfig {
  /** Fields every interface must have, written or inherited. */
  readonly required: readonly InterfaceFieldName[];
  /** In-house frameworks, device links and CLIs, found by a line pattern. */
  readonly detectors: readonly CustomDetectorConfig[];
}

export interface CustomDetectorConfig {
  readonly name: string;
  readonly kind: string;
  /** Language IDs (`java`, `python`, ...); absent: every language. */
  readonly languages?: readonly string[];
  /** Globs of the files to run on; absent: every file. With `languages`, a file must match both. */
  readonly glob?: readonly string[];
  /** A JavaScript regular expression tested on each line; named groups `route`, `method`, `name` are used. */
  readonly pattern: string;
}

export const DEFAULT_INTERFACES_CONFIG: InterfacesConfig = { required: DEFAULT_REQUIRED_FIELDS, detectors: [] };
