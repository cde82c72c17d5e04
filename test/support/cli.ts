// Runs the CLI in-process with captured output, and makes throwaway folders on disk for it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh temporary folder holding the given files (paths relative, `/`-separated). */
export function makeDir(files: Record<string, string | Uint8Array>, prefix = 'sectrace-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** `sectrace <argv>` with a fixed date and version, no colour, no terminal. */
export async function runCli(argv: string[], cwd = process.cwd(), now = new Date('2026-06-15T00:00:00Z')): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stderrStream: { isTTY: false, write: (text: string) => (stderr += text) },
    color: false,
    tool: { name: 'sectrace', version: '0.0.0-test' },
    now: () => now,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
