import type { Identity } from '../../shared/protocol';
import type { LookupQueries } from '../config/types';
import { CALLER_QUERY_NAMES, mergeIdentity } from './merge-identity';
import type { CallerQueryName, MergeOptions, RoleRows } from './merge-identity';
import type { IdentitySource, QueryExecutor, Row } from './types';

/**
 * Runs every caller query for one number in parallel and merges the rows.
 * Any failing query fails the whole lookup: half an identity would mislead the
 * operator (a courier shown without the parcel the caller asks about).
 */
export class SqlIdentitySource implements IdentitySource {
  constructor(
    private readonly executor: QueryExecutor,
    private readonly queries: LookupQueries,
    private readonly merge: MergeOptions,
  ) {}

  async fetch(dbKey: string, signal: AbortSignal): Promise<Identity> {
    const results = await Promise.all(
      CALLER_QUERY_NAMES.map(async (name): Promise<[CallerQueryName, Row[]]> => [
        name,
        await this.executor.query(this.queries[name], [dbKey], signal),
      ]),
    );
    return mergeIdentity(Object.fromEntries(results) as unknown as RoleRows, this.merge);
  }

  close(): Promise<void> {
    return this.executor.close();
  }
}
