// The engine for Node programs (the benchmark, scripts): the facade plus the Node host pieces.
import { createTraceService, type TraceService } from '../core';
import { createNodeWorkspace } from './nodeWorkspace';
import { createWorkerExecutor } from './workerExecutor';

export { createTraceService, createNodeWorkspace, createWorkerExecutor };
export * from '../core';

/** A service over a folder on disk, scanning on worker threads when the tree is large. */
export function createNodeTraceService(rootDir: string, now?: () => Date): TraceService {
  const workspace = createNodeWorkspace(rootDir);
  return createTraceService({ workspace, executor: createWorkerExecutor(rootDir, workspace), ...(now ? { now } : {}) });
}
