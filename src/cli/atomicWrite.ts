// Replacing a file so that a reader never sees half of it: write a temporary file next to it, give it
// the original's permission bits, then rename it over the original. A symbolic link at the target is
// replaced, never written through, so a link in a hostile repository cannot point a write elsewhere.
// @implements STM-6
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomic(target: string, content: Uint8Array | string): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = statOrUndefined(target)?.mode;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temp, content, { flag: 'wx', ...(mode !== undefined ? { mode: mode & 0o7777 } : {}) });
    // The mode given to open is masked by the umask; set it exactly.
    if (mode !== undefined) fs.chmodSync(temp, mode & 0o7777);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
