const KEYWORDS = new Set([
  'where',
  'join',
  'inner',
  'left',
  'right',
  'cross',
  'on',
  'using',
  'straight_join',
  'group',
  'order',
  'limit',
]);

/** `c.VALUE = ?`: the contacts row the caller's number is looked up by. */
const SEARCHED_BY_NUMBER = /\b(\w+)`?\.`?value`?\s*=\s*\?/i;

/**
 * The name `contacts` goes by where a query searches it by the caller's number
 * (`contacts c … c.VALUE = ?` → `c`), if the query reads it; other readings of the table,
 * such as a subquery fetching an owner's numbers, do not count.
 */
export function contactsAlias(sql: string): string | undefined {
  if (!/\bcontacts\b/i.test(sql)) return undefined;
  const searched = SEARCHED_BY_NUMBER.exec(sql)?.[1];
  if (searched && new RegExp(`\\bcontacts\`?\\s+(?:as\\s+)?\`?${searched}\\b`, 'i').test(sql)) {
    return searched;
  }
  const match = /\bcontacts`?\s+(?:as\s+)?`?(\w+)`?/i.exec(sql);
  if (!match?.[1] || KEYWORDS.has(match[1].toLowerCase())) return 'contacts';
  return match[1];
}

/** Names of the indexes whose first column is `VALUE`, from `SHOW INDEX FROM contacts`. */
export function valueIndexes(rows: readonly Record<string, unknown>[]): string[] {
  return [
    ...new Set(
      rows
        .filter(
          (row) =>
            String(row.Column_name).toLowerCase() === 'value' && Number(row.Seq_in_index) === 1,
        )
        .map((row) => String(row.Key_name)),
    ),
  ];
}

/** The index an EXPLAIN plan reads `table` with; undefined for a full scan or no such row. */
export function keyUsed(
  plan: readonly Record<string, unknown>[],
  table: string,
): string | undefined {
  const row = plan.find((entry) => String(entry.table ?? '') === table);
  if (!row || row.key === null || row.key === undefined) return undefined;
  const type = String(row.type ?? '').toLowerCase();
  return type === 'all' || type === 'index' ? undefined : String(row.key);
}

/** The plan names `table` at all (an impossible WHERE can leave it out). */
export function planReads(plan: readonly Record<string, unknown>[], table: string): boolean {
  return plan.some((entry) => String(entry.table ?? '') === table);
}

export const CREATE_CONTACTS_INDEX =
  'CREATE INDEX contacts_value_type ON contacts (`VALUE`, SourceCodeType);';
