// Globs come from the workspace's `.sectrace.yaml`, and picomatch turns each into a regular expression that
// the walk runs on every path, so a glob must not be able to hang or crash the trace:
// - each `*` run, each `**` and each repeating extglob (`+(…)`, `!(…)`) becomes a repeat that backtracks
//   against the others: fifteen `*` in one segment take minutes on one 40-character file name, and three
//   `**` take seconds on a path 2,000 folders deep;
// - a glob of tens of thousands of characters compiles to a regular expression too large to run, which
//   throws on the first path.
// Three repeating wildcards, at most two of them `**`, cover every default glob (`**/*.test.*`) and keep the
// worst path we could build at a fraction of a second.
// @implements STM-2
export const MAX_GLOB_LENGTH = 500;
const MAX_REPEATS = 3;
const MAX_GLOBSTARS = 2;

/** Why a glob is refused, or undefined when it may be used. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `it is longer than ${MAX_GLOB_LENGTH} characters`;
  // Escaped characters are literal: `\*` repeats nothing.
  const segments = glob.replace(/\\./g, 'x').split('/');
  let globstars = 0;
  let repeats = 0;
  for (const segment of segments) {
    if (segment === '**') globstars++;
    else repeats += (segment.match(/\*+/g)?.length ?? 0) + (segment.match(/[+!]\(/g)?.length ?? 0);
  }
  if (globstars > MAX_GLOBSTARS) return `it has ${globstars} \`**\`; at most ${MAX_GLOBSTARS} are allowed, because more can take minutes on one deep path`;
  if (globstars + repeats > MAX_REPEATS) {
    return `it has ${globstars + repeats} repeating wildcards (\`*\`, \`**\`, \`+(…)\`, \`!(…)\`); at most ${MAX_REPEATS} are allowed, because more can take minutes on one long file name`;
  }
  return undefined;
}

/** A glob for a message: quoted, and cut short when it is long. */
export function shownGlob(glob: string): string {
  return `\`${glob.length > 60 ? `${glob.slice(0, 60)}…` : glob}\``;
}
