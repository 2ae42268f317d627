/**
 * Whether the database refused a record for what it holds (a value out of range, too long,
 * not valid JSON), which no retry can fix, or the write failed for a reason that passes
 * (server down, network, lock timeout, missing grant or table until IT runs `migrate`).
 */
export function isRecordRefused(error: unknown): boolean {
  const { sqlState, errno } = (error ?? {}) as { sqlState?: unknown; errno?: unknown };
  if (typeof sqlState !== 'string') return false;
  // SQLSTATE class 22 is a data exception, 23 an integrity constraint violation.
  if (sqlState.startsWith('22')) return true;
  // 1213 deadlock and 1205 lock wait are class 40/HY000 and retried; 23000 covers CHECK(json).
  return sqlState.startsWith('23') && errno !== 1062;
}
