// `sectrace review [folder] ID... --by NAME [--date YYYY-MM-DD]`: records in `.sectrace/reviews.yaml` that
// the items were reviewed as they read now (their fingerprint and text), by whom and when. Other entries
// stay as they are; the file is replaced atomically and stays sorted by ID, so the change is a small diff.
// @implements ST-53
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { itemFingerprint, itemText, pinOf } from '../core/impact/fingerprint';
import { parseReviews, REVIEWS_FILE, serializeReviews, withStamps, type ReviewStamp } from '../core/impact/reviews';
import { closestId } from '../core/suggest';
import { writeFileAtomic } from './atomicWrite';
import type { CliIo } from './io';
import { loadSnapshot } from './load';
import { runGit } from './since';
import { EXIT_OK, UsageError } from './usage';

const ID_SHAPE = /^[A-Za-z][A-Za-z0-9_]*-\d+(?:\.\d+)*$/;

export async function runReview(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { by: { type: 'string' }, date: { type: 'string' } },
  });
  const folderGiven = positionals.length > 0 && !ID_SHAPE.test(positionals[0]);
  const dir = folderGiven ? positionals[0] : '.';
  const ids = positionals.slice(folderGiven ? 1 : 0).flatMap((id) => id.split(',')).map((id) => id.trim()).filter(Boolean);
  if (!ids.length) throw new UsageError('review needs the IDs of the items reviewed, for example `sectrace review SR-12 --by "Dana Reviewer"`');
  const date = values.date ?? isoDate((io.now ?? (() => new Date()))());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new UsageError(`--date must be YYYY-MM-DD, got \`${date}\``);
  const { root, snapshot } = await loadSnapshot(dir, { cwd: io.cwd, stderr: io.stderrStream, now: io.now });
  const by = (values.by ?? gitUserName(root) ?? '').replace(/\s+/g, ' ').trim();
  if (!by) throw new UsageError('review needs the reviewer: --by NAME (or set git config user.name)');
  const missing = ids.filter((id) => !snapshot.graph.items.has(id));
  if (missing.length) {
    const known = [...snapshot.graph.items.keys()];
    const hints = missing.map((id) => {
      const near = closestId(id, known);
      return near ? `${id} (did you mean ${near}?)` : id;
    });
    throw new UsageError(`not defined in any spec: ${hints.join(', ')}`);
  }
  const file = path.join(root, ...REVIEWS_FILE.split('/'));
  const existingText = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const existing = parseReviews(existingText);
  const broken = existing.problems.find((p) => /invalid YAML|expected `version/.test(p.message));
  if (broken) throw new UsageError(`${broken.message} (line ${broken.range.start.line + 1}); fix it before recording reviews`);
  const stamps: ReviewStamp[] = ids.map((id) => {
    const item = snapshot.graph.items.get(id);
    if (!item) throw new UsageError(`not defined in any spec: ${id}`);
    return { id, fingerprint: itemFingerprint(item), by, date, text: itemText(item) };
  });
  writeFileAtomic(file, serializeReviews(withStamps(existing, stamps)));
  for (const stamp of stamps) {
    const before = existing.stamps.get(stamp.id);
    const was = before ? ` (before: #${pinOf(before.fingerprint)} by ${before.by} on ${before.date})` : '';
    io.stdout(`recorded ${stamp.id} #${pinOf(stamp.fingerprint)} reviewed by ${by} on ${date}${was}\n`);
  }
  const linked = stamps.filter((s) => snapshot.graph.tracesOf(s.id).some((t) => t.pin !== undefined && !s.fingerprint.startsWith(t.pin)));
  if (linked.length) io.stdout(`Pinned links to ${linked.map((s) => s.id).join(', ')} are still suspect: review them, then run \`sectrace pin --id ${linked.map((s) => s.id).join(',')}\`\n`);
  io.stdout(`sectrace review: wrote ${REVIEWS_FILE}; commit it with the change\n`);
  return EXIT_OK;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function gitUserName(root: string): string | undefined {
  try {
    return runGit(root, ['config', 'user.name']).trim() || undefined;
  } catch {
    return undefined;
  }
}
