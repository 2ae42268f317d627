/**
 * Splits a migration file into statements at `;` outside quotes and comments, dropping the
 * comments, so each statement can be sent on its own (the helper never enables
 * multi-statement queries).
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i += 1) {
    const c = sql.charAt(i);
    const next = sql.charAt(i + 1);
    if (quote !== undefined) {
      current += c;
      if (c === '\\' && quote !== '`') {
        current += next;
        i += 1;
      } else if (c === quote) {
        if (next === quote) {
          current += next;
          i += 1;
        } else {
          quote = undefined;
        }
      }
      continue;
    }
    if ((c === '-' && next === '-') || c === '#') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end - 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    if (c === ';') {
      if (current.trim().length > 0) statements.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim().length > 0) statements.push(current.trim());
  return statements;
}
