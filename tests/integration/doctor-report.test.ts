import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helper/cli/run-cli';
import { ENTRY_COLUMNS } from '../../helper/journal/journal-sql';
import { runMigrateCommand } from '../../helper/journal/run-migrate-command';
import { connectAmi } from '../support/ami';
import { ACCOUNT_MANAGER } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { JOURNAL_ACCOUNT, migrateHarnessDatabase } from '../support/journal/harness-journal';
import type { DoctorJson } from '../../helper/workstation/doctor/report';

/** A copy of the courier tables without the index on contacts.VALUE. */
const NO_INDEX_DB = 'courier_doctor_no_index';
const TABLES = ['users', 'kurier', 'clients', 'fio', 'zakaz', 'address', 'givn', 'contacts'];
/** A database whose journal is one migration behind, with its own journal account. */
const BEHIND_DB = 'courier_doctor_journal';
const BEHIND_ACCOUNT = { user: 'courier_doctor_jw', password: 'behind-Journal-7731' } as const;

interface Overrides {
  amiUser?: string;
  amiSecret?: string;
  dbPort?: number;
  database?: string;
  /** `[transfer]` keys; outside numbers are dialled in keypad digits unless given. */
  transfer?: string;
  extra?: string;
  /** `[operator]` lines instead of the cabinet user operator1. */
  operator?: string;
}

function journalSection(account: { user: string; password: string }, spoolDir: string): string {
  return [
    '[journal]',
    'enabled = true',
    `user = "${account.user}"`,
    `password = "${account.password}"`,
    `spoolDir = ${JSON.stringify(spoolDir)}`,
  ].join('\n');
}

/** A loopback TCP port nothing listens on right now. */
async function unusedTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('doctor against the real PBX and database', () => {
  let dir: string;
  let wsPort: number;

  async function asRoot<T>(
    run: (sql: (text: string) => Promise<unknown>) => Promise<T>,
  ): Promise<T> {
    const { mariadb } = harnessInfo();
    const connection = await createConnection({
      host: mariadb.host,
      port: mariadb.port,
      user: mariadb.root.user,
      password: mariadb.root.password,
    });
    try {
      return await run((text) => connection.query(text));
    } finally {
      await connection.end();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doctor-it-'));
    wsPort = await unusedTcpPort();
    const { mariadb } = harnessInfo();
    await asRoot(async (sql) => {
      await sql(`DROP DATABASE IF EXISTS ${NO_INDEX_DB}`);
      await sql(`CREATE DATABASE ${NO_INDEX_DB}`);
      for (const table of TABLES) {
        await sql(`CREATE TABLE ${NO_INDEX_DB}.${table} LIKE ${mariadb.database}.${table}`);
        await sql(`INSERT INTO ${NO_INDEX_DB}.${table} SELECT * FROM ${mariadb.database}.${table}`);
      }
      await sql(`DROP INDEX contacts_value_type ON ${NO_INDEX_DB}.contacts`);
      await sql(`GRANT SELECT ON ${NO_INDEX_DB}.* TO '${mariadb.readOnly.user}'@'%'`);
      await sql(`DROP DATABASE IF EXISTS ${BEHIND_DB}`);
      await sql(`CREATE DATABASE ${BEHIND_DB}`);
      await sql(`GRANT SELECT ON ${BEHIND_DB}.* TO '${mariadb.readOnly.user}'@'%'`);
    });
    expect(await migrateHarnessDatabase()).toBe(0);
    const behind: string[] = [];
    const migrated = await runMigrateCommand({
      database: { host: mariadb.host, port: mariadb.port, database: BEHIND_DB },
      admin: { user: mariadb.root.user, password: mariadb.root.password },
      writer: { ...BEHIND_ACCOUNT, host: '%' },
      print: (line) => behind.push(line),
    });
    expect(migrated, behind.join('\n')).toBe(0);
    // As if this helper were an upgrade whose migration 002 has not been applied yet.
    await asRoot(async (sql) => {
      await sql(`DROP TABLE ${BEHIND_DB}.call_feedback`);
      await sql(`DELETE FROM ${BEHIND_DB}.telephony_schema_migrations WHERE version = '002'`);
    });
  });

  afterAll(async () => {
    await asRoot(async (sql) => {
      await sql(`DROP DATABASE IF EXISTS ${NO_INDEX_DB}`);
      await sql(
        `REVOKE SELECT ON ${BEHIND_DB}.* FROM '${harnessInfo().mariadb.readOnly.user}'@'%'`,
      );
      await sql(`DROP DATABASE IF EXISTS ${BEHIND_DB}`);
      await sql(`DROP USER IF EXISTS '${BEHIND_ACCOUNT.user}'@'%'`);
    });
    rmSync(dir, { recursive: true, force: true });
  });

  async function doctor(
    overrides: Overrides = {},
    options: { args?: string[]; env?: Record<string, string> } = {},
  ): Promise<{ code: number; out: string }> {
    const { mariadb, asterisk } = harnessInfo();
    const helper = asterisk.accounts.helper;
    const file = join(dir, 'helper.toml');
    writeFileSync(
      file,
      [
        '[pbx]',
        `host = "${asterisk.amiHost}"`,
        `port = ${asterisk.amiPort}`,
        `user = "${overrides.amiUser ?? helper.username}"`,
        `secret = "${overrides.amiSecret ?? helper.secret}"`,
        '[operator]',
        overrides.operator ?? 'user = "operator1"',
        '[database]',
        `host = "${mariadb.host}"`,
        `port = ${overrides.dbPort ?? mariadb.port}`,
        `user = "${mariadb.readOnly.user}"`,
        `password = "${mariadb.readOnly.password}"`,
        `database = "${overrides.database ?? mariadb.database}"`,
        'queryTimeoutMs = 10000',
        '[websocket]',
        `port = ${wsPort}`,
        '[transfer]',
        overrides.transfer ?? 'courierExten = "{digits}"',
        overrides.extra ?? '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const out: string[] = [];
    const io = {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => out.push(text) },
      env: options.env ?? {},
      signal: new AbortController().signal,
    };
    const code = await runCli(['doctor', '--config', file, ...(options.args ?? [])], io);
    return { code, out: out.join('') };
  }

  function expectNoSecrets(out: string): void {
    const { mariadb, asterisk } = harnessInfo();
    expect(out).not.toContain(asterisk.accounts.helper.secret);
    expect(out).not.toContain(mariadb.readOnly.password);
  }

  it('passes every check with the least-privilege AMI account and the read-only database account', async () => {
    const { code, out } = await doctor();
    expect(out).not.toContain('[FAIL]');
    expect(out).toContain('[ok]   AMI privileges');
    expect(out).toContain('[ok]   AMI least privilege');
    expect(out).toContain(
      '[ok]   AMI event filter: office-wide filter (current): every call in the office reaches this seat',
    );
    expect(out).toContain('[ok]   database account is read-only');
    expect(out).toContain(
      '[ok]   lookup.operatorExtensions runs: operator "operator1" has extensions 101,102',
    );
    expect(out).toContain(
      '[ok]   contacts.VALUE lookup uses an index: every lookup searches contacts by contacts_value_type',
    );
    expect(out).toContain(`[ok]   WebSocket port: 127.0.0.1:${wsPort} is free for the helper`);
    expect(out).toContain('[ok]   browser pairing: no browser paired yet: run courier-helper pair');
    expect(out).toContain(
      '[ok]   transfer.courierContext exists: the PBX dialplan has context "from-internal"',
    );
    expect(out).toContain('[ok]   transfer.managerContext exists');
    expect(out).toContain(
      '[ok]   attended transfer feature codes: atxfer is "*2" and atxferabort "*1"',
    );
    expect(out).toContain('[ok]   attended transfer to outside numbers');
    expect(out).toContain('[skip] journal checks: journal.enabled is false');
    expect(code).toBe(0);
    expectNoSecrets(out);
  });

  it('gives the report as JSON, in Russian under a Russian locale', async () => {
    const { code, out } = await doctor({}, { args: ['--json'], env: { LANG: 'ru_RU.UTF-8' } });
    const report = JSON.parse(out) as DoctorJson;
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(report.checks.filter((check) => check.status === 'ok').length);
    expect(report.passed + report.skipped).toBe(report.checks.length);
    const named = (name: string): unknown => report.checks.find((check) => check.name === name);
    expect(named('вход в AMI')).toEqual({
      status: 'ok',
      name: 'вход в AMI',
      detail: `вход выполнен как "${harnessInfo().asterisk.accounts.helper.username}"`,
    });
    expect(named('фильтр событий AMI')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('фильтр на весь офис (текущий)'),
    });
    expect(named('учётная запись базы только для чтения')).toMatchObject({ status: 'ok' });
    expect(named('порт WebSocket')).toMatchObject({
      status: 'ok',
      detail: `127.0.0.1:${wsPort} свободен для помощника`,
    });
    expect(report.summary).toMatch(/^Все проверки пройдены/);
    expectNoSecrets(out);
  });

  it('passes the journal once migrate has run', async () => {
    const spoolDir = join(dir, 'spool');
    const { code, out } = await doctor({ extra: journalSection(JOURNAL_ACCOUNT, spoolDir) });
    expect(out).not.toContain('[FAIL]');
    const { mariadb } = harnessInfo();
    expect(out).toContain(
      `[ok]   journal account connects: logged in to ${mariadb.host}:${mariadb.port}/${mariadb.database} as "courier_journal"`,
    );
    expect(out).toContain(
      '[ok]   journal tables migrated: call_journal, call_journal_orders, call_feedback, courier_callback_memory present, migrations up to 006 applied',
    );
    expect(out).toContain(
      `[ok]   journal columns and paging index: the ${ENTRY_COLUMNS.length} columns the helper writes are there; pages read along ix_call_journal_pages`,
    );
    expect(out).toContain(
      '[ok]   journal account grants: "courier_journal" may SELECT, INSERT, UPDATE call_journal, call_journal_orders, call_feedback, courier_callback_memory and nothing else',
    );
    expect(out).toContain(
      `[ok]   journal spool folder writable: "${spoolDir}" does not exist yet; it can be created and written`,
    );
    expect(code).toBe(0);
    expectNoSecrets(out);
    expect(out).not.toContain(JOURNAL_ACCOUNT.password);
  });

  it('sends a journal missing a table and a migration to courier-helper migrate', async () => {
    const { code, out } = await doctor({
      database: BEHIND_DB,
      extra: journalSection(BEHIND_ACCOUNT, join(dir, 'spool')),
    });
    expect(code).toBe(1);
    expect(out).toContain(
      `[FAIL] journal tables migrated: "${BEHIND_ACCOUNT.user}" sees no table call_feedback in "${BEHIND_DB}"; migration 002 of this helper (up to 006) is not applied`,
    );
    expect(out).toMatch(
      /journal tables migrated: .*\n\s+fix: run courier-helper migrate --config \S+helper\.toml --admin-user /,
    );
    expect(out).toContain('[ok]   journal account connects');
    expect(out).not.toContain(BEHIND_ACCOUNT.password);
  });

  it('names journal.password when the journal login is refused', async () => {
    const wrong = { user: JOURNAL_ACCOUNT.user, password: 'not-the-journal-password' };
    const { code, out } = await doctor({ extra: journalSection(wrong, join(dir, 'spool')) });
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] journal account connects: the server refused the login as "courier_journal" \(ER_ACCESS_DENIED_ERROR\)\n\s+fix: check journal.user and journal.password/,
    );
    expect(out).toContain('[skip] journal tables migrated: needs the journal account');
    expect(out).not.toContain(wrong.password);
    expectNoSecrets(out);
  });

  it('names transfer.courierContext when the PBX dialplan has no such context', async () => {
    const { code, out } = await doctor({ transfer: 'courierContext = "no-such-context"' });
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] transfer.courierContext exists: the PBX dialplan has no context "no-such-context", so transfers to it would fail\n\s+fix: set transfer.courierContext to .*"from-internal"/,
    );
    expect(out).toContain('[ok]   transfer.managerContext exists');
    expectNoSecrets(out);
  });

  it('says a per-seat account is filtered to its seat, and fails the account of another seat', async () => {
    const seats = harnessInfo().asterisk.accounts.seats;
    const own = await doctor({
      amiUser: seats['101']!.username,
      amiSecret: seats['101']!.secret,
      operator: 'extensions = ["101"]',
    });
    expect(own.out).toContain(
      "[ok]   AMI event filter: per-seat filter for 101 (current): only this seat's own calls reach it",
    );
    const other = await doctor({
      amiUser: seats['102']!.username,
      amiSecret: seats['102']!.secret,
      operator: 'extensions = ["101"]',
    });
    expect(other.code).toBe(1);
    expect(other.out).toMatch(
      /\[FAIL\] AMI event filter: the account's per-seat filter is for other extensions: calls of 101 would not reach it\n\s+fix: print this seat's account with courier-helper manager-conf --seats 101/,
    );
  });

  it('names the account a pbx.user template gives this seat, logs in as it, and fails a seat with two extensions', async () => {
    const seatSecret = harnessInfo().asterisk.accounts.seats['103']!.secret;
    const seat = await doctor({
      amiUser: 'courier-{ext}',
      amiSecret: seatSecret,
      operator: `user = "${ACCOUNT_MANAGER.user}"`,
    });
    expect(seat.out).toContain(
      '[ok]   AMI account: "courier-103": pbx.user "courier-{ext}" for extension 103',
    );
    expect(seat.out).toContain('[ok]   AMI login: logged in as "courier-103"');
    expect(seat.out).toContain('[ok]   AMI event filter: per-seat filter for 103 (current)');
    expect(seat.out).not.toContain(seatSecret);
    const twoExtensions = await doctor({ amiUser: 'courier-{ext}', amiSecret: seatSecret });
    expect(twoExtensions.code).toBe(1);
    expect(twoExtensions.out).toMatch(
      /\[FAIL\] AMI account: uses \{ext\}, but this seat has 2 extensions \(101,102\) and one account serves one seat\n\s+fix: set pbx.user for this seat to its account's name, e.g. COURIER_PBX_USER=courier-101/,
    );
    expect(twoExtensions.out).toContain("[skip] AMI checks: need the seat's account name");
    expect(twoExtensions.out).not.toContain(seatSecret);
  });

  it('fails an AMI account whose event filter is an older manager-conf’s, which drops Pickup', async () => {
    const { asterisk } = harnessInfo();
    const file = join(asterisk.hostRunDir, 'etc', 'manager.conf');
    const original = readFileSync(file, 'utf8');
    const current = /^\[helper\]$([\s\S]*?)^(?=\[)/m.exec(original)?.[1] ?? '';
    const older = current
      .split('\n')
      .filter((line) => !/name\(Pickup\)|COURIER_EVENT_FILTER_/.test(line))
      .join('\n');
    const admin = await connectAmi('admin');
    try {
      writeFileSync(file, `${original}\n[helper-older]${older}\n`);
      await admin.action({ Action: 'Command', Command: 'manager reload' });
      const { code, out } = await doctor({ amiUser: 'helper-older' });
      expect(code).toBe(1);
      expect(out).toMatch(
        /\[FAIL\] AMI event filter: the account has an older event filter: it drops events the helper now reads \(Pickup, .*\)\n\s+fix: replace the eventfilter lines of the AMI account .* courier-helper manager-conf prints/,
      );
      expect(out).toContain('[ok]   AMI privileges');
      expectNoSecrets(out);
    } finally {
      writeFileSync(file, original);
      await admin.action({ Action: 'Command', Command: 'manager reload' });
      await admin.close();
    }
  });

  it('warns that outside numbers written with "+" leave out talk-first transfers to them, and how to allow them', async () => {
    const { code, out } = await doctor({ transfer: 'courierExten = "{e164}"' });
    expect(code).toBe(0);
    expect(out).toMatch(
      /\[warn\] attended transfer to outside numbers: transfer.courierExten "\{e164\}" dials outside numbers with "\+".*are unavailable; blind transfers work\n\s+fix: set transfer.courierExten = "\{digits\}"/,
    );
    expect(out).toMatch(/All \d+ checks passed, 1 with a warning/);
  });

  it('says which features an account without the agent class or features.conf codes lacks', async () => {
    const { asterisk } = harnessInfo();
    const file = join(asterisk.hostRunDir, 'etc', 'manager.conf');
    const original = readFileSync(file, 'utf8');
    const current = /^\[helper\]$([\s\S]*?)^(?=\[)/m.exec(original)?.[1] ?? '';
    const withoutAgent = current
      .replace(/^read = .*$/m, 'read = call,dialplan')
      .replace(/^write = .*$/m, 'write = originate,call,reporting');
    const admin = await connectAmi('admin');
    try {
      writeFileSync(file, `${original}\n[helper-no-agent]${withoutAgent}\n`);
      await admin.action({ Action: 'Command', Command: 'manager reload' });
      const { code, out } = await doctor({ amiUser: 'helper-no-agent' });
      expect(code).toBe(1);
      expect(out).toMatch(
        /\[FAIL\] AMI privileges: permission denied for QueuePause \(pausing in queues from the popup\)\n\s+fix: add "agent" to the write= line/,
      );
      expect(out).toContain('[ok]   attended transfer feature codes');
    } finally {
      writeFileSync(file, original);
      await admin.action({ Action: 'Command', Command: 'manager reload' });
      await admin.close();
    }
  });

  it('says attended transfer is unavailable while features.conf maps no atxfer code', async () => {
    const { asterisk } = harnessInfo();
    const file = join(asterisk.hostRunDir, 'etc', 'features.conf');
    const original = readFileSync(file, 'utf8');
    const admin = await connectAmi('admin');
    const reload = () => admin.action({ Action: 'Command', Command: 'module reload features' });
    try {
      writeFileSync(file, original.replace(/^atxfer = .*$/m, ''));
      await reload();
      const { code, out } = await doctor();
      expect(code).toBe(1);
      expect(out).toMatch(
        /\[FAIL\] attended transfer feature codes: features.conf maps no code to atxfer, so attended transfer from the card is unavailable \(hang-up and blind transfer still work\)\n\s+fix: add "atxfer => \*2" to \[featuremap\]/,
      );
      expect(out).toContain('[ok]   AMI privileges');
    } finally {
      writeFileSync(file, original);
      await reload();
      await admin.close();
    }
  });

  it('reports a wrong AMI secret with what to check', async () => {
    const { code, out } = await doctor({ amiSecret: 'not-the-secret' });
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] AMI login: the PBX refused the login as "helper"\n\s+fix: check pbx.user\/pbx.secret/,
    );
    expect(out).not.toContain('not-the-secret');
    expectNoSecrets(out);
  });

  it('reports an unreachable database with what to check', async () => {
    const closedPort = await unusedTcpPort();
    const { code, out } = await doctor({ dbPort: closedPort });
    expect(code).toBe(1);
    expect(out).toContain(
      `[FAIL] database reachable: cannot reach the database at 127.0.0.1:${closedPort} (ECONNREFUSED)`,
    );
    expect(out).toMatch(/fix: check database.host and database.port/);
    expect(out).toContain('[ok]   AMI login');
    expectNoSecrets(out);
  });

  it('reports the missing index on contacts.VALUE with the statement that adds it', async () => {
    const { code, out } = await doctor({ database: NO_INDEX_DB });
    expect(code).toBe(1);
    expect(out).toContain(
      '[FAIL] contacts.VALUE lookup uses an index: contacts has no index on VALUE',
    );
    expect(out).toContain(
      'fix: on the database server run: CREATE INDEX contacts_value_type ON contacts (`VALUE`, SourceCodeType);',
    );
    expect(out).toContain('[ok]   lookup.client runs');
  });

  it('reports a bad configuration key with a suggestion, and still checks the rest', async () => {
    const { code, out } = await doctor({ extra: '[log]\nlevle = "debug"' });
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] config log.levle: unknown key\n\s+fix: did you mean "level"\? rename it/,
    );
    expect(out).toContain('[ok]   AMI login');
    expect(out).toContain('[ok]   database reachable');
  });
});
