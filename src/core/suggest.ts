// "Did you mean": the closest known ID to a mistyped one, by edit distance, preferring the same prefix.
// Only close matches are offered: a suggestion that is wrong more often than right is noise.

const memo = new WeakMap<readonly string[], Map<string, string | undefined>>();

export function closestId(id: string, known: readonly string[]): string | undefined {
  let cache = memo.get(known);
  if (!cache) memo.set(known, (cache = new Map()));
  if (cache.has(id)) return cache.get(id);
  const limit = Math.max(1, Math.floor(id.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  const prefix = id.slice(0, id.indexOf('-') + 1);
  for (const candidate of known) {
    if (Math.abs(candidate.length - id.length) > limit) continue;
    // A different prefix costs one extra edit, so `SR-12` prefers `SR-13` over `REQ-12` only when both are as close.
    const score = editDistance(id, candidate, limit + 1) + (candidate.startsWith(prefix) ? 0 : 1);
    if (score < bestScore || (score === bestScore && best !== undefined && candidate < best)) {
      best = candidate;
      bestScore = score;
    }
  }
  const result = bestScore <= limit ? best : undefined;
  cache.set(id, result);
  return result;
}

/** Levenshtein distance, giving up (returning `cap`) once every path costs at least `cap`. */
export function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return Math.min(previous[b.length], cap);
}
