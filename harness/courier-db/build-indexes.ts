import { createConnection, type ConnectionOptions } from 'mysql2/promise';

function tableOf(statement: string): string {
  const match = /\bON\s+`?(\w+)`?/i.exec(statement);
  if (!match?.[1]) throw new SyntaxError(`cannot tell the table of: ${statement}`);
  return match[1];
}

/**
 * Runs the CREATE INDEX statements, one connection per table so the server builds the
 * indexes of different tables on separate threads.
 */
export async function buildIndexes(
  connectionOptions: ConnectionOptions,
  statements: readonly string[],
): Promise<void> {
  const byTable = new Map<string, string[]>();
  for (const statement of statements) {
    const table = tableOf(statement);
    byTable.set(table, [...(byTable.get(table) ?? []), statement]);
  }
  await Promise.all(
    [...byTable.values()].map(async (tableStatements) => {
      const connection = await createConnection(connectionOptions);
      try {
        for (const statement of tableStatements) await connection.query(statement);
      } finally {
        await connection.end();
      }
    }),
  );
}
