function squash(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Edits between two names, a swap of neighbours counting as one (`dcotor` → `doctor`). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * The known name closest to a mistyped one, if it is close enough to be a
 * typo: `caller_id` → `callerId`, `pasword` → `password`.
 */
export function closestName(
  input: string,
  known: readonly string[],
  /** Most edits still taken for a typo; by default a third of the length, at least two. */
  maxDistance?: number,
): string | undefined {
  const squashed = squash(input);
  const exact = known.find((name) => squash(name) === squashed);
  if (exact) return exact;
  const contained = known.find((name) => {
    const other = squash(name);
    return other.length >= 3 && (squashed.startsWith(other) || other.startsWith(squashed));
  });
  if (contained && squashed.length >= 3) return contained;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(squashed, squash(name));
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  const limit = maxDistance ?? Math.max(2, Math.floor(squashed.length / 3));
  return bestDistance <= limit ? best : undefined;
}
