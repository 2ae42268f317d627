import type {
  JournalDatabase,
  SqlResult,
  SqlRow,
  SqlSession,
  SqlValue,
} from '../../../../helper/journal/journal-database';

export interface Statement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Records statements; answers them with what the test scripts. */
export class FakeJournalDatabase implements JournalDatabase {
  readonly statements: Statement[] = [];
  readonly transactions: Statement[][] = [];
  answer: (statement: Statement) => Partial<SqlResult> = () => ({});
  failQuery: Error | undefined;

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const mine: Statement[] = [];
    this.transactions.push(mine);
    const session: SqlSession = {
      run: async (sql, params) => {
        const statement = { sql, params: [...params] };
        mine.push(statement);
        this.statements.push(statement);
        return { rows: [], affectedRows: 1, insertId: 0, ...this.answer(statement) };
      },
    };
    return work(session);
  }

  async query(sql: string, params: readonly SqlValue[]): Promise<readonly SqlRow[]> {
    if (this.failQuery) throw this.failQuery;
    const statement = { sql, params: [...params] };
    this.statements.push(statement);
    return this.answer(statement).rows ?? [];
  }

  async close(): Promise<void> {}
}
