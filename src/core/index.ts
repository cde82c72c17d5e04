// The engine's public surface. Hosts import from here only.
export type * from './api';
export type * from './model';
export type { Workspace, WorkspaceEntry, FileStat, EntryType, CancellationToken, Progress } from './workspace';
export { CancelledError } from './workspace';
export { FINDING_CODES, SEVERITY_RANK, TAG_NAMES } from './model';
export { CONFIG_FILE, DEFAULT_CONFIG, parseConfig, type SectraceConfig, type LoadedConfig, type ConfigProblem } from './config';
export { createTraceService } from './service';
export { TraceGraph, type Definition, type UnresolvedRef } from './link';
export { LINK_ATTRIBUTES } from './linkAttributes';
export { createCoverage, type ItemCoverage } from './coverage';
export { createIdMatcher, type IdMatcher } from './ids';
export { LineIndex } from './text/lines';
export { createScanContext, scanBytes, scanText, type ScanContext } from './scan/file';
