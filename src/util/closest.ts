/** "Did you mean" suggestions: edit distance between short names (keys, region codes). */

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

/**
 * The candidates nearest to `word` (all that share the smallest distance, in candidate order),
 * if that distance is small enough to be a misspelling: at most a third of the word, at least 2.
 */
export function closest(word: string, candidates: readonly string[]): string[] {
  const scored = candidates.map((c) => ({ c, d: editDistance(word, c) }));
  const best = Math.min(...scored.map((s) => s.d));
  if (best > Math.max(2, Math.floor(word.length / 3))) return [];
  return scored.filter((s) => s.d === best).map((s) => s.c);
}
