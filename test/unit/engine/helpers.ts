// Shared helpers for engine tests: trace an in-memory workspace and describe findings compactly.
import { createTraceService, type TraceSnapshot } from '../../../src/core';
import { createMemoryWorkspace, type MemoryWorkspace } from '../../support/memoryWorkspace';

export const TODAY = new Date('2026-06-15T12:00:00Z');

export async function trace(files: Record<string, string | Uint8Array>): Promise<{ snapshot: TraceSnapshot; workspace: MemoryWorkspace }> {
  const workspace = createMemoryWorkspace(files);
  const service = createTraceService({ workspace, now: () => TODAY });
  await service.index();
  return { snapshot: service.snapshot(), workspace };
}

/** `code file:line` (1-based line), sorted as the engine sorts findings. */
export function findingKeys(snapshot: TraceSnapshot): string[] {
  return snapshot.findings.map((f) => `${f.code} ${f.location.file}:${f.location.range.start.line + 1}`);
}

export function codesOf(snapshot: TraceSnapshot): string[] {
  return snapshot.findings.map((f) => f.code);
}
