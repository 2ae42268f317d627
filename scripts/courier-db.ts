import { parseArgs } from 'node:util';
import { generateCourierDb } from '../harness/courier-db/generate-courier-db';
import { UsageError } from './usage-error';

const USAGE = `Usage: npm run db:generate -- [--contacts N] [--seed N] [--host H] [--port P]
       [--user U] [--password PW] [--database courier] [--replace] [--no-roles]
Loads the courier database into an already running MySQL/MariaDB server.`;

function integer(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed))
    throw new UsageError(`${flag} needs a whole number, got "${value}"\n${USAGE}`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      contacts: { type: 'string' },
      seed: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      user: { type: 'string', default: 'root' },
      password: { type: 'string', default: '' },
      database: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'no-roles': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const contacts = integer(values.contacts, '--contacts', 3_000);
  const target = {
    host: values.host,
    port: integer(values.port, '--port', 3306),
    user: values.user,
    password: values.password,
  };
  console.log(`loading ${contacts} contacts into ${target.host}:${target.port} ...`);
  const report = await generateCourierDb({
    target,
    contacts,
    seed: integer(values.seed, '--seed', 1),
    database: values.database,
    replace: values.replace,
    roles: values['no-roles'] ? false : undefined,
  });
  for (const [table, count] of Object.entries(report.rows)) console.log(`rows ${table} ${count}`);
  console.log(`rows_load ${(report.loadMs / 1000).toFixed(1)} s`);
  console.log(`index_build ${(report.indexMs / 1000).toFixed(1)} s`);
  console.log(`courier_db_generate_${contacts}_contacts ${(report.totalMs / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
