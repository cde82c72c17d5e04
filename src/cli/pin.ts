// `sectrace pin [folder] [--id ID]... [--add] [--dry-run]`: after a review, brings the pins of trace tags
// up to date with their items' current fingerprints, rewriting only the pin's characters in place (line
// endings, BOM, encoding and permissions kept; each file replaced atomically), and says what it changed.
// @implements ST-55
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { applyPinEdits, planRepin, type PinEdit } from '../core/impact/repin';
import { writeFileAtomic } from './atomicWrite';
import type { CliIo } from './io';
import { loadSnapshot } from './load';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './usage';

export interface PinOutcome {
  readonly applied: readonly PinEdit[];
  readonly refused: readonly PinEdit[];
}

export async function runPin(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { id: { type: 'string', multiple: true }, add: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  });
  if (positionals.length > 1) throw new UsageError(`pin takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const dir = positionals[0] ?? '.';
  const ids = (values.id ?? []).flatMap((id) => id.split(',')).map((id) => id.trim()).filter(Boolean);
  const { root, snapshot } = await loadSnapshot(dir, { cwd: io.cwd, stderr: io.stderrStream, now: io.now });
  const unknown = ids.filter((id) => !snapshot.graph.items.has(id));
  if (unknown.length) throw new UsageError(`not defined in any spec: ${unknown.join(', ')}`);
  const edits = planRepin(snapshot, { ids, add: values.add === true });
  const outcome = values['dry-run'] ? { applied: edits, refused: [] } : writeEdits(root, edits);
  const verb = values['dry-run'] ? 'would' : '';
  for (const edit of outcome.applied) {
    const where = `${edit.file}:${edit.line + 1}:${edit.character + 1}`;
    io.stdout(edit.oldPin === undefined
      ? `${where}  ${verb ? 'would pin' : 'pinned'} ${edit.id}#${edit.newPin}\n`
      : `${where}  ${verb ? 'would re-pin' : 're-pinned'} ${edit.id} #${edit.oldPin} -> #${edit.newPin}\n`);
  }
  for (const edit of outcome.refused) {
    io.stderr(`sectrace pin: ${edit.file}:${edit.line + 1}: ${edit.id}${edit.oldPin ? `#${edit.oldPin}` : ''} is no longer where it was scanned; left unchanged (run again)\n`);
  }
  const files = new Set(outcome.applied.map((e) => e.file)).size;
  const scope = ids.length ? ` to ${ids.join(', ')}` : '';
  if (!edits.length) io.stdout(`sectrace pin: every pinned link${scope} is up to date${values.add ? '' : ' (use --add to pin unpinned tags too)'}\n`);
  else io.stdout(`sectrace pin: ${values['dry-run'] ? 'would update' : 'updated'} ${outcome.applied.length} pin${outcome.applied.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${ids.length ? ` (links${scope})` : ''}\n`);
  return outcome.refused.length ? EXIT_FINDINGS : EXIT_OK;
}

/** Applies the edits file by file; a file that cannot be read or written keeps its content and its edits are refused. */
export function writeEdits(root: string, edits: readonly PinEdit[]): PinOutcome {
  const byFile = new Map<string, PinEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const applied: PinEdit[] = [];
  const refused: PinEdit[] = [];
  for (const [file, list] of byFile) {
    const absolute = path.join(root, ...file.split('/'));
    try {
      const result = applyPinEdits(fs.readFileSync(absolute), list);
      if (result.applied.length) writeFileAtomic(absolute, result.bytes);
      applied.push(...result.applied);
      refused.push(...result.refused);
    } catch {
      refused.push(...list);
    }
  }
  return { applied, refused };
}
