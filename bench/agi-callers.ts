import type { Connection } from 'mysql2/promise';

/** Callers of the benchmark, by who they are in the courier database. */
export interface CallerMix {
  readonly recipients: readonly string[];
  readonly couriers: readonly string[];
  readonly clients: readonly string[];
  readonly contactPersons: readonly string[];
  readonly unknown: readonly string[];
}

/** Shares of the mix: recipients call most, as they do in a courier company. */
const SHARES: Readonly<Record<keyof CallerMix, number>> = {
  recipients: 0.6,
  couriers: 0.1,
  clients: 0.1,
  contactPersons: 0.1,
  unknown: 0.1,
};

async function numbers(db: Connection, sql: string, limit: number): Promise<string[]> {
  const [rows] = await db.query(sql, [limit]);
  return (rows as { value: string }[]).map((row) => row.value);
}

/**
 * A spread of real numbers from the generated database: recipients whose parcels a courier
 * holds, couriers, clients, contact persons, and numbers that are in no table. Sampled by
 * code stride rather than at random, so every run asks the same numbers.
 */
export async function sampleCallers(db: Connection, perKind: number): Promise<CallerMix> {
  const byType = (type: number, options: { join?: string; stride?: number } = {}): string =>
    `SELECT c.\`VALUE\` AS value FROM contacts c ${options.join ?? ''} ` +
    `WHERE c.SourceCodeType = ${type} AND c.code % ${options.stride ?? 7} = 0 LIMIT ?`;
  return {
    recipients: await numbers(
      db,
      byType(3, { join: 'JOIN givn g ON g.address = c.Source AND g.State = 1' }),
      perKind,
    ),
    // There are few couriers (one per 2,000 contacts): take every one.
    couriers: await numbers(db, byType(1, { stride: 1 }), perKind),
    clients: await numbers(db, byType(2), perKind),
    contactPersons: await numbers(db, byType(39), perKind),
    unknown: Array.from(
      { length: perKind },
      (_, i) => `7999${String(1_000_000 + i * 37).padStart(7, '0')}`,
    ),
  };
}

/** `count` callers in the mix's proportions, interleaved. */
export function callSequence(mix: CallerMix, count: number): string[] {
  const sequence: string[] = [];
  const kinds = Object.keys(SHARES) as (keyof CallerMix)[];
  const taken = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<
    keyof CallerMix,
    number
  >;
  for (let i = 0; i < count; i += 1) {
    // The kind furthest below its share goes next.
    const kind = kinds.reduce((best, candidate) =>
      taken[candidate] / (i + 1) - SHARES[candidate] < taken[best] / (i + 1) - SHARES[best]
        ? candidate
        : best,
    );
    const pool = mix[kind].length > 0 ? mix[kind] : mix.unknown;
    sequence.push(pool[taken[kind] % pool.length] as string);
    taken[kind] += 1;
  }
  return sequence;
}
