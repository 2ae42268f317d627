/** Read by alias; a deployment with another schema rewrites the SQL and keeps the aliases. */
export interface CallbackQueries {
  /** `?`: the courier's code. Alias courierMobile. */
  courierMobile: string;
  /** `?`, `?`: the recipient's digits, the order's code. Alias addressCode*. */
  recipientDelivery: string;
}

export const DEFAULT_CALLBACK_QUERIES: Readonly<CallbackQueries> = Object.freeze({
  courierMobile: 'SELECT k.phonem AS courierMobile FROM kurier k WHERE k.code = ?',
  recipientDelivery: [
    'SELECT a.code AS addressCode',
    'FROM contacts c JOIN address a ON a.code = c.Source',
    'WHERE c.SourceCodeType = 3 AND c.`VALUE` = ? AND a.zakaz = ?',
    'ORDER BY a.date_put IS NULL DESC, a.code',
  ].join('\n'),
});
