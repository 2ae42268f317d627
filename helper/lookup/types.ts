import type { Identity } from '../../shared/protocol';
import type { LookupOutcome } from '../core/identity-resolver';

/**
 * Who a number belongs to, from the courier database. Never throws for a
 * database problem: an outage or a slow answer is an `unavailable` outcome.
 * Rejects only when the caller's own signal aborts.
 */
export interface CallerLookup {
  /** `dbKey`: the number as the database stores it, digits only (`79161234567`). */
  lookup(dbKey: string, signal?: AbortSignal): Promise<LookupOutcome>;
  /** The answer already at hand (cached), without starting a lookup. */
  cached(dbKey: string): LookupOutcome | undefined;
  close(): Promise<void>;
}

/** One result row, read by column alias. */
export type Row = Readonly<Record<string, unknown>>;

/** Runs one parameterized statement; rejects on any database error. */
export interface QueryExecutor {
  query(sql: string, params: readonly (string | number)[], signal?: AbortSignal): Promise<Row[]>;
  close(): Promise<void>;
}

/** Fetches an identity without caching; rejects when the database fails. */
export interface IdentitySource {
  fetch(dbKey: string, signal: AbortSignal): Promise<Identity>;
  close(): Promise<void>;
}
