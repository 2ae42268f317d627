import type { LookupQueries } from './types';

/**
 * The lookups of the courier database's own documentation, extended with what the
 * incoming-call card shows. Rows are read by column alias only, so a deployment with
 * another schema rewrites the SQL and keeps the aliases (listed in the example config).
 * Statuses are returned as their codes: the card labels them in the operator's language.
 * Every caller query takes the caller's digits-only number as its single `?`;
 * `operatorExtensions` takes the operator's cabinet login.
 */
export const DEFAULT_LOOKUP_QUERIES: LookupQueries = {
  client: [
    'SELECT k.code AS clientCode, k.company AS company, k.status AS status,',
    '  u.`user` AS managerUser, u.name AS managerName, u.extPhone AS managerExt',
    'FROM contacts c JOIN clients k ON k.code = c.Source',
    '  LEFT JOIN users u ON u.`user` = k.manager',
    'WHERE c.SourceCodeType = 2 AND c.`VALUE` = ?',
  ].join('\n'),
  contactPerson: [
    'SELECT f.code AS contactCode, f.name AS contactName, f.position AS contactPosition,',
    '  k.code AS clientCode, k.company AS company, k.status AS status,',
    '  u.`user` AS managerUser, u.name AS managerName, u.extPhone AS managerExt',
    'FROM contacts c JOIN fio f ON f.code = c.Source JOIN clients k ON k.code = f.client',
    '  LEFT JOIN users u ON u.`user` = k.manager',
    'WHERE c.SourceCodeType = 39 AND c.`VALUE` = ?',
  ].join('\n'),
  courier: [
    'SELECT k.code AS courierCode, k.name AS courierName, k.phonem AS courierMobile,',
    '  u.`user` AS managerUser, u.name AS managerName, u.extPhone AS managerExt',
    'FROM contacts c JOIN kurier k ON k.code = c.Source',
    '  LEFT JOIN users u ON u.`user` = k.manager',
    'WHERE c.SourceCodeType = 1 AND c.`VALUE` = ?',
  ].join('\n'),
  deliveries: [
    'SELECT a.code AS addressCode, b.code AS orderCode, b.number AS orderNumber,',
    '  b.status AS orderStatus, a.fio AS recipientName, a.address AS address,',
    "  a.`date` AS deliveryDate, a.time_from AS timeFrom, a.time_to AS timeTo, a.cod AS cod, 'RUB' AS currency,",
    '  k.code AS clientCode, k.company AS company,',
    '  (SELECT MIN(p.`VALUE`) FROM contacts p',
    '    WHERE p.SourceCodeType = 2 AND p.Source = k.code AND p.State = 1) AS clientPhone',
    'FROM contacts c JOIN address a ON a.code = c.Source',
    '  JOIN zakaz b ON b.code = a.zakaz JOIN clients k ON k.code = b.source',
    'WHERE c.SourceCodeType = 3 AND a.date_put IS NULL AND c.`VALUE` = ?',
    'ORDER BY a.`date`, a.code',
  ].join('\n'),
  parcelHolders: [
    'SELECT a.code AS addressCode, a.zakaz AS orderCode,',
    '  k.code AS courierCode, k.name AS courierName, k.phonem AS courierMobile',
    'FROM contacts c JOIN address a ON a.code = c.Source',
    '  JOIN givn g ON g.address = a.code JOIN kurier k ON k.code = g.kurier',
    'WHERE c.SourceCodeType = 3 AND g.State = 1 AND a.date_put IS NULL AND c.`VALUE` = ?',
  ].join('\n'),
  operatorExtensions: 'SELECT u.extPhone AS extensions FROM users u WHERE u.`user` = ?',
};
