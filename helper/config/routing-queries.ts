/**
 * The routing lookups. Each takes the caller's digits-only number as its single `?` and is
 * read by column alias, so a deployment with another schema rewrites the SQL and keeps the
 * aliases. They select codes and numbers only: routing never needs a name.
 */
export interface RoutingQueries {
  /** addressCode*, orderCode*, courierCode*, courierMobile, handedAt*. */
  parcelHolders: string;
  /** ownerCode* (the courier), managerExt. */
  courierManager: string;
  /** ownerCode* (the client), managerExt. */
  contactManager: string;
  /** ownerCode* (the client), managerExt. */
  clientManager: string;
}

export const DEFAULT_ROUTING_QUERIES: Readonly<RoutingQueries> = Object.freeze({
  parcelHolders: [
    'SELECT a.code AS addressCode, a.zakaz AS orderCode, k.code AS courierCode,',
    '  k.phonem AS courierMobile, g.date_create AS handedAt',
    'FROM contacts c JOIN address a ON a.code = c.Source',
    '  JOIN givn g ON g.address = a.code JOIN kurier k ON k.code = g.kurier',
    'WHERE c.SourceCodeType = 3 AND g.State = 1 AND a.date_put IS NULL AND c.`VALUE` = ?',
    'ORDER BY g.date_create DESC, g.code DESC',
  ].join('\n'),
  courierManager: [
    'SELECT k.code AS ownerCode, u.extPhone AS managerExt',
    'FROM contacts c JOIN kurier k ON k.code = c.Source',
    '  LEFT JOIN users u ON u.`user` = k.manager',
    'WHERE c.SourceCodeType = 1 AND c.`VALUE` = ?',
  ].join('\n'),
  contactManager: [
    'SELECT k.code AS ownerCode, u.extPhone AS managerExt',
    'FROM contacts c JOIN fio f ON f.code = c.Source JOIN clients k ON k.code = f.client',
    '  LEFT JOIN users u ON u.`user` = k.manager',
    'WHERE c.SourceCodeType = 39 AND c.`VALUE` = ?',
  ].join('\n'),
  clientManager: [
    'SELECT k.code AS ownerCode, u.extPhone AS managerExt',
    'FROM contacts c JOIN clients k ON k.code = c.Source',
    '  LEFT JOIN users u ON u.`user` = k.manager',
    'WHERE c.SourceCodeType = 2 AND c.`VALUE` = ?',
  ].join('\n'),
});
