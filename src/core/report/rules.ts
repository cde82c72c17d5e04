// What each finding code means and how to resolve it: shown in the report's findings section and sent
// as SARIF rule metadata (code scanning shows `help` next to every alert). Codes never change; wording may.
import type { FindingCode } from '../model';

export interface RuleText {
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  readonly help: string;
}

export const RULE_TEXT: Readonly<Record<FindingCode, RuleText>> = {
  'unknown-id': {
    name: 'UnknownId',
    shortDescription: 'A trace tag or link names an ID that no spec defines.',
    fullDescription: 'A code tag (@implements, @verifies, @mitigates) or a link attribute (mitigates, refines, ...) names an ID that is not defined in any spec, or whose prefix is not configured. The trace it was meant to record is lost.',
    help: 'Fix the ID (the message suggests the closest known one), define the item in a spec, or add its prefix to `prefixes` in .sectrace.yaml.',
  },
  'unknown-reference': {
    name: 'UnknownReference',
    shortDescription: 'Text mentions an ID that no spec defines.',
    fullDescription: 'A comment or spec paragraph mentions an ID that is not defined anywhere. Mentions never count as coverage, but a dangling one usually means a renamed or deleted item.',
    help: 'Correct the ID or remove the mention.',
  },
  'duplicate-id': {
    name: 'DuplicateId',
    shortDescription: 'The same ID is defined more than once.',
    fullDescription: 'Two spec headings or table rows define the same ID. Only the first definition is traced; links written on the others are ignored.',
    help: 'Give one of the items a new ID, or merge them.',
  },
  'unmitigated-threat': {
    name: 'UnmitigatedThreat',
    shortDescription: 'A threat has no mitigation and its risk is not accepted or transferred.',
    fullDescription: 'No item mitigates the threat (`mitigates:` / `mitigated-by:`), no code is tagged `@mitigates` with it, and its status is neither accepted nor transferred (IEC 81001-5-1 clause 7).',
    help: 'Link a mitigation (`mitigated-by: MIT-n`), or accept or transfer the risk with `status`, `owner`, `rationale` and `review-by`.',
  },
  'incomplete-risk-acceptance': {
    name: 'IncompleteRiskAcceptance',
    shortDescription: 'An accepted or transferred risk lacks owner, rationale or review date.',
    fullDescription: 'A threat whose status is accepted or transferred must name who owns the risk, why it is acceptable and when the decision is reviewed again.',
    help: 'Add the missing `owner:`, `rationale:` and `review-by: YYYY-MM-DD` attributes to the threat.',
  },
  'expired-risk-acceptance': {
    name: 'ExpiredRiskAcceptance',
    shortDescription: 'The review date of an accepted or transferred risk has passed.',
    fullDescription: 'The `review-by` date of an accepted or transferred threat is in the past: the risk decision is due for review.',
    help: 'Review the risk decision and set a new `review-by` date, or mitigate the threat.',
  },
  unimplemented: {
    name: 'Unimplemented',
    shortDescription: 'An item that needs an implementation has none.',
    fullDescription: 'No code comment tags the item (or an item that refines it) with @implements, although its kind or its `needs` attribute asks for an implementation.',
    help: 'Tag the implementing code with `@implements ID`, or set `needs:` on the item if it needs no code.',
  },
  unverified: {
    name: 'Unverified',
    shortDescription: 'An item that needs a test has none.',
    fullDescription: 'No test tags the item (or an item that refines it) with @verifies, although its kind or its `needs` attribute asks for a test (IEC 81001-5-1 5.7.1, 5.7.2).',
    help: 'Tag a test with `@verifies ID`, or set `needs:` on the item if it needs no test.',
  },
  'refines-cycle': {
    name: 'RefinesCycle',
    shortDescription: '`refines` links form a cycle.',
    fullDescription: 'Items refine each other in a loop, so no item in it is more general than the others and coverage cannot flow up the chain.',
    help: 'Remove one of the `refines` links in the cycle.',
  },
  'invalid-attribute': {
    name: 'InvalidAttribute',
    shortDescription: 'An attribute value is not one the tool understands.',
    fullDescription: 'An attribute such as `status`, `needs` or `review-by` has a value outside its allowed set, or a link points at an item of the wrong kind (a mitigation that mitigates an asset).',
    help: 'Use one of the values the message lists.',
  },
  'config-error': {
    name: 'ConfigError',
    shortDescription: 'The configuration file has a problem.',
    fullDescription: '.sectrace.yaml could not be read as intended: invalid YAML, an unknown key, or a value of the wrong type.',
    help: 'Fix the line the finding points at; see the configuration reference.',
  },
  'parse-error': {
    name: 'ParseError',
    shortDescription: 'A file could not be read as intended.',
    fullDescription: 'A spec or source file contains something the scanner could not interpret, so some IDs in it may be missing from the trace.',
    help: 'Fix the construct the message describes.',
  },
  'unreadable-file': {
    name: 'UnreadableFile',
    shortDescription: 'A file could not be read.',
    fullDescription: 'A file in the workspace could not be read (permissions, encoding, or it vanished during the scan), so its traces are missing.',
    help: 'Check the file, or exclude it in .sectrace.yaml.',
  },
  'malformed-tag': {
    name: 'MalformedTag',
    shortDescription: 'A tag of an imported format (OpenFastTrace, ThreatSpec, StrictDoc, LOBSTER) cannot be read.',
    fullDescription: 'A comment holds what looks like a tag of another traceability tool, but it does not follow that tool\'s grammar, so the trace it was meant to record is lost (docs/importers.md).',
    help: 'Correct the tag to the grammar the message shows.',
  },
  'orphaned-coverage': {
    name: 'OrphanedCoverage',
    shortDescription: 'An OpenFastTrace item covers an ID that no specification defines.',
    fullDescription: 'A Covers list or coverage tag names an OpenFastTrace ID that no item has, in any revision (OFT link status: orphaned).',
    help: 'Fix the ID, or remove the link if the covered item was deleted.',
  },
  'outdated-coverage': {
    name: 'OutdatedCoverage',
    shortDescription: 'An OpenFastTrace link covers an older revision of an item.',
    fullDescription: 'The covered item\'s revision was raised after the link was written, which voids the coverage until someone checks it (OFT link status: outdated).',
    help: 'Check what changed in the covered item, adapt the covering item, then update the revision in the link.',
  },
  'predated-coverage': {
    name: 'PredatedCoverage',
    shortDescription: 'An OpenFastTrace link covers a newer revision than the item has.',
    fullDescription: 'The link names a revision higher than the covered item defines (OFT link status: predated).',
    help: 'Correct the revision in the link, or raise the covered item\'s revision if it really changed.',
  },
  'unwanted-coverage': {
    name: 'UnwantedCoverage',
    shortDescription: 'An OpenFastTrace item is covered by an artifact type it does not need.',
    fullDescription: 'The covering item\'s artifact type is not in the covered item\'s Needs list (OFT link status: unwanted).',
    help: 'Add the artifact type to the covered item\'s Needs, or cover a different item.',
  },
  'ambiguous-coverage': {
    name: 'AmbiguousCoverage',
    shortDescription: 'An OpenFastTrace link covers an ID that is defined more than once.',
    fullDescription: 'The covered ID has duplicates, so the link cannot be attributed to one item (OFT link status: ambiguous).',
    help: 'Remove or rename the duplicate definitions.',
  },
  uncovered: {
    name: 'Uncovered',
    shortDescription: 'An OpenFastTrace item lacks coverage by an artifact type it needs.',
    fullDescription: 'No item of one of the artifact types in the item\'s Needs list covers it, or its coverage runs in a cycle: OpenFastTrace counts it as a defect.',
    help: 'Cover the item (a Covers list, or a coverage tag such as `[impl->dsn~name~1]`), or remove the artifact type from Needs.',
  },
  'interface-missing-context': {
    name: 'InterfaceMissingContext',
    shortDescription: 'A software interface has no security context.',
    fullDescription: 'An interface found in code (a route, a socket, a message handler, ...) has no annotation saying whether it is internal or external, what it exposes and which threats apply (IEC 81001-5-1 5.4.3).',
    help: 'Write the fields the message lists (at least `@exposure`) in a comment right above the interface, or link it to an interface item (IF-n) in a spec.',
  },
  'interface-incomplete-context': {
    name: 'InterfaceIncompleteContext',
    shortDescription: 'A software interface lacks required security context fields.',
    fullDescription: 'The interface is annotated, but fields the configuration requires are missing, neither written above it nor inherited from the interface item it implements (IEC 81001-5-1 5.4.3).',
    help: 'Add the missing fields the message lists.',
  },
  'interface-invalid-exposure': {
    name: 'InterfaceInvalidExposure',
    shortDescription: 'An interface exposure is not internal, external or both.',
    fullDescription: 'The `exposure` of an interface (in its annotation or on its interface item) is not one of internal, external or both, so its exposure cannot be assessed (IEC 81001-5-1 5.4.3 a).',
    help: 'Write `internal`, `external` or `both`, optionally followed by a note.',
  },
  'interface-unknown-field': {
    name: 'InterfaceUnknownField',
    shortDescription: 'An interface annotation has a field sectrace does not know.',
    fullDescription: 'A field in the comment above an interface is not one of the interface fields, usually a misspelling, so its value is ignored.',
    help: 'Use one of the fields the message lists (the closest one is suggested).',
  },
  'external-interface-no-threat': {
    name: 'ExternalInterfaceNoThreat',
    shortDescription: 'An externally exposed interface has no threat linked to it.',
    fullDescription: 'An interface exposed externally (or both internally and externally) names no defined threat, directly or through its interface item, so the threat model does not cover it (IEC 81001-5-1 5.4.3, 7).',
    help: 'Name its threats with `@threats THR-n` above the interface or with `threats:` on its interface item, defining the threats if needed.',
  },
  'suspect-link': {
    name: 'SuspectLink',
    shortDescription: 'A pinned trace tag names an item whose text changed after the tag was pinned.',
    fullDescription: 'The tag pins the fingerprint of the item\'s text (`@implements SR-12#3fa9c1`), and the item\'s title, description or attributes have changed since: the code or test may no longer do what the item now says (IEC 81001-5-1 5.2.2, clause 6; IEC 62304 change control).',
    help: 'Review the code or test against the item\'s new text, adapt it if needed, then re-pin the tag (`sectrace pin --id ID`, or the editor\'s "Reviewed: re-pin" quick fix).',
  },
  'unpinned-link': {
    name: 'UnpinnedLink',
    shortDescription: 'A trace tag does not pin the fingerprint of its item, and the configuration requires pins.',
    fullDescription: 'With `require-pins: true` every trace tag records the version of the item it was written against, so a later change to the item makes the link suspect instead of passing silently.',
    help: 'Run `sectrace pin --add` to pin every unpinned tag to its item\'s current fingerprint, after checking that the code matches the item.',
  },
  'changed-since-review': {
    name: 'ChangedSinceReview',
    shortDescription: 'An item\'s text changed after its last recorded review.',
    fullDescription: 'The fingerprint recorded with the item\'s review stamp in .sectrace/reviews.yaml no longer matches its text: the change has not been reviewed (IEC 81001-5-1 5.2.2 review of security requirements).',
    help: 'Review the change, then record it with `sectrace review ID --by NAME` (or the editor\'s "Record review" command).',
  },
  unreviewed: {
    name: 'Unreviewed',
    shortDescription: 'An item of a kind that needs a review has no review stamp.',
    fullDescription: 'The configuration (`reviews.required`) says items of this kind need a recorded review, and .sectrace/reviews.yaml has none for this item.',
    help: 'Review the item and record it with `sectrace review ID --by NAME`.',
  },
};
