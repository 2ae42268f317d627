function squash(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known name closest to a mistyped one, if it is close enough to be a
 * typo: `caller_id` → `callerId`, `pasword` → `password`.
 */
export function closestName(input: string, known: readonly string[]): string | undefined {
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
  const limit = Math.max(2, Math.floor(squashed.length / 3));
  return bestDistance <= limit ? best : undefined;
}
