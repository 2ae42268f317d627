import type { Identity } from '../../shared/protocol';

export type LookupOutcome =
  { state: 'done'; identity: Identity } | { state: 'unavailable'; reason: string };

/** The lookup seam: the MySQL directory in real mode, the built-in one in demo mode. */
export interface IdentityResolver {
  lookup(dbKey: string, signal?: AbortSignal): Promise<LookupOutcome>;
  /**
   * The answer already at hand (e.g. cached after an early lookup), so the call's first
   * event can carry the identity instead of `lookup: pending`.
   */
  cached?(dbKey: string): LookupOutcome | undefined;
}
