import type { RoutingQueries } from '../../config/routing-queries';

/** The aliases each routing query must have; every row of the union carries all of them. */
const COLUMNS = {
  parcelHolders: ['addressCode', 'orderCode', 'courierCode', 'courierMobile', 'handedAt'],
  courierManager: ['ownerCode', 'managerExt'],
  contactManager: ['ownerCode', 'managerExt'],
  clientManager: ['ownerCode', 'managerExt'],
} as const satisfies Record<keyof RoutingQueries, readonly string[]>;

export type RoutingRole = keyof RoutingQueries;
export const ROUTING_ROLES = Object.keys(COLUMNS) as RoutingRole[];
const ALL_COLUMNS = [...new Set(Object.values(COLUMNS).flat())];

/** Alias of the column that says which query a row came from. */
export const ROLE_COLUMN = 'routingRole';

function part(role: RoutingRole, sql: string): string {
  const own = COLUMNS[role] as readonly string[];
  const columns = ALL_COLUMNS.map((column) =>
    own.includes(column) ? `r.${column} AS ${column}` : `NULL AS ${column}`,
  );
  const inner = sql.trim().replace(/;\s*$/, '');
  return `SELECT '${role}' AS ${ROLE_COLUMN}, ${columns.join(', ')} FROM (${inner}) r`;
}

/**
 * The four routing queries as one statement (`UNION ALL` of each as a derived table), so a
 * call costs one round trip to the database. Takes the caller's number once per query.
 */
export function routingStatement(queries: RoutingQueries): { sql: string; parameters: number } {
  return {
    sql: ROUTING_ROLES.map((role) => part(role, queries[role])).join('\nUNION ALL\n'),
    parameters: ROUTING_ROLES.length,
  };
}
