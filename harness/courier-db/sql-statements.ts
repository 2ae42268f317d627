import { readFileSync } from 'node:fs';

/** The statements of an SQL file: whole-line `--` comments dropped, split at `;` line ends. */
export function readSqlStatements(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Secondary indexes, which a bulk load creates after the rows are in. */
export function isIndexStatement(statement: string): boolean {
  return /^CREATE\s+(UNIQUE\s+)?INDEX\b/i.test(statement);
}
