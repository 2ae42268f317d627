import { Readable } from 'node:stream';
import type { Connection } from 'mysql2/promise';
import { TABLE_COLUMNS, type CourierTable, type CourierTables } from './courier-rows';
import { tsvField } from './tsv-field';

interface TableStream {
  readonly statement: string;
  readonly connection: Promise<Connection>;
  readonly queries: Promise<unknown>[];
  lines: string[];
  bytes: number;
}

/**
 * Loads rows with `LOAD DATA LOCAL INFILE` in chunks of about `chunkBytes`. Each table has
 * its own connection, so the server stores several tables at once on separate threads; up
 * to `inFlight` chunks per table are queued, so the next chunk is built meanwhile.
 */
export class BulkLoader {
  readonly counts: Record<CourierTable, number> = {
    users: 0,
    kurier: 0,
    clients: 0,
    fio: 0,
    zakaz: 0,
    address: 0,
    givn: 0,
    contacts: 0,
  };
  private readonly tables = new Map<CourierTable, TableStream>();

  constructor(
    private readonly connect: () => Promise<Connection>,
    private readonly chunkBytes = 4 << 20,
    private readonly inFlight = 2,
  ) {}

  async add<T extends CourierTable>(table: T, row: CourierTables[T]): Promise<void> {
    const stream = this.stream(table);
    let line = '';
    for (const column of TABLE_COLUMNS[table]) {
      line += (line ? '\t' : '') + tsvField(row[column] as string | number | null);
    }
    stream.lines.push(line);
    stream.bytes += line.length + 1;
    this.counts[table] += 1;
    if (stream.bytes >= this.chunkBytes) await this.send(stream);
  }

  /** Sends what is buffered and waits until the server has stored every row. */
  async finish(): Promise<void> {
    const streams = [...this.tables.values()];
    for (const stream of streams) await this.send(stream);
    await Promise.all(streams.flatMap((stream) => stream.queries.splice(0)));
  }

  /** Disconnects every table connection; safe after a failure half-way. */
  async close(): Promise<void> {
    const streams = [...this.tables.values()];
    this.tables.clear();
    await Promise.allSettled(streams.map(async (stream) => (await stream.connection).end()));
  }

  private stream(table: CourierTable): TableStream {
    let stream = this.tables.get(table);
    if (!stream) {
      const columns = TABLE_COLUMNS[table].map((c) => `\`${String(c)}\``).join(',');
      stream = {
        statement:
          `LOAD DATA LOCAL INFILE '${table}.tsv' INTO TABLE \`${table}\` ` +
          `CHARACTER SET utf8mb4 (${columns})`,
        connection: this.connect(),
        queries: [],
        lines: [],
        bytes: 0,
      };
      // A failed connect surfaces at the first send; it must not go unhandled before that.
      stream.connection.catch(() => undefined);
      this.tables.set(table, stream);
    }
    return stream;
  }

  private async send(stream: TableStream): Promise<void> {
    if (stream.lines.length === 0) return;
    const data = Buffer.from(`${stream.lines.join('\n')}\n`, 'utf8');
    stream.lines = [];
    stream.bytes = 0;
    const connection = await stream.connection;
    const query = connection.query({
      sql: stream.statement,
      infileStreamFactory: () => Readable.from([data]),
    });
    // Marked handled now; the rejection still surfaces where the query is awaited.
    query.catch(() => undefined);
    stream.queries.push(query);
    while (stream.queries.length > this.inFlight) await stream.queries.shift();
  }
}
