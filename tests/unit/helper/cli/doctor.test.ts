import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../helper/cli/run-cli';
import { pidFileFor } from '../../../../helper/core/pid-lock';
import type {
  DoctorDatabase,
  DoctorDatabaseFactory,
  QueryAnswer,
} from '../../../../helper/workstation/doctor/doctor-database';
import { FakeAmiServer } from '../../../support/fake-ami-server';
import type { FakeAmiAction, FakeAmiConnection } from '../../../support/fake-ami-server';
import {
  AMI_SECRET,
  configText,
  DB_PASSWORD,
  tempDir,
  testIo,
} from '../../../support/helper/cli/cli-harness';
import type { TempDir } from '../../../support/helper/cli/cli-harness';
import { startFixture } from '../../../support/helper/workstation/ws/server-fixture';
import {
  sqlError,
  withJournal,
} from '../../../support/helper/workstation/doctor/fake-journal-database';
import type { DoctorJson } from '../../../../helper/workstation/doctor/report';

/**
 * Answers like the courier database with the standard schema. `indexed`: whether
 * contacts has its VALUE index; `bypassed`: the index exists but the plan scans.
 */
function fakeDatabase(options: {
  indexed: boolean;
  bypassed?: boolean;
  failWith?: Error;
  grants?: string;
}): DoctorDatabaseFactory {
  return (): DoctorDatabase => {
    const answer = async (sql: string): Promise<QueryAnswer> => {
      if (options.failWith) throw options.failWith;
      if (sql === 'SELECT 1') return { rows: [{ 1: 1 }], columns: ['1'] };
      if (sql === 'SHOW GRANTS') {
        return {
          rows: [{ g: options.grants ?? 'GRANT SELECT ON `courier`.* TO `courier_ro`@`%`' }],
          columns: ['g'],
        };
      }
      if (sql === 'SHOW INDEX FROM contacts') {
        const owner = [
          { Key_name: 'contacts_owner', Column_name: 'SourceCodeType', Seq_in_index: 1 },
          { Key_name: 'contacts_owner', Column_name: 'Source', Seq_in_index: 2 },
        ];
        const value = [
          { Key_name: 'contacts_value_type', Column_name: 'VALUE', Seq_in_index: 1 },
          { Key_name: 'contacts_value_type', Column_name: 'SourceCodeType', Seq_in_index: 2 },
        ];
        return { rows: options.indexed ? [...owner, ...value] : owner, columns: [] };
      }
      if (sql.startsWith('EXPLAIN')) {
        const row = options.bypassed
          ? { table: 'c', type: 'ALL', key: null }
          : options.indexed
            ? { table: 'c', type: 'ref', key: 'contacts_value_type' }
            : { table: 'c', type: 'ref', key: 'contacts_owner' };
        return { rows: [row], columns: ['table', 'type', 'key'] };
      }
      return {
        rows: [],
        columns: [...sql.matchAll(/\bAS (\w+)/gi)].map((match) => match[1] ?? ''),
      };
    };
    return { execute: answer, query: answer, close: async () => undefined };
  };
}

/** The PBX's feature codes, as Getvar reads them from features.conf. */
const FEATURES = new Map<string, string>();

/** A configuration whose outside numbers an attended transfer can dial. */
const KEYPAD_EXTEN = '[transfer]\ncourierExten = "{digits}"\n';

/** The PBX's dialplan contexts, as ShowDialPlan finds them. */
const DIALPLAN = new Set(['from-internal']);

function answerShowDialPlan(action: FakeAmiAction, connection: FakeAmiConnection): void {
  const context = action.get('Context') ?? '';
  if (!DIALPLAN.has(context)) {
    connection.respond(action, 'Error', { Message: `Did not find context ${context}` });
    return;
  }
  connection.respond(action, 'Success', {
    EventList: 'start',
    Message: 'DialPlan list will follow',
  });
  connection.sendFrame({
    Event: 'ListDialplan',
    ActionID: action.actionId ?? '',
    Context: context,
    Extension: '_X.',
    Priority: '1',
    Application: 'Dial',
  });
  connection.sendFrame({
    Event: 'ShowDialPlanComplete',
    ActionID: action.actionId ?? '',
    EventList: 'Complete',
    ListItems: '1',
  });
}

/**
 * The doctor's event filter probe, as Asterisk 22 and the filter manager-conf prints answer
 * it: the probe's Local channel appears and carries the filter revision variable.
 */
function answerProbe(action: FakeAmiAction, connection: FakeAmiConnection): void {
  connection.respond(action, 'Success', { Message: 'Originate successfully queued' });
  const channel = `${action.get('Channel') ?? ''}-00000001;1`;
  const [variable = '', value = ''] = (action.get('Variable') ?? '').split('=');
  connection.sendFrame({ Event: 'Newchannel', Channel: channel, Uniqueid: '1.1', Linkedid: '1.1' });
  connection.sendFrame({ Event: 'VarSet', Channel: channel, Variable: variable, Value: value });
  connection.sendFrame({ Event: 'Hangup', Channel: channel, Uniqueid: '1.1', Cause: '0' });
}

/** Answers as Asterisk does for an account holding only `classes` in its write= line. */
function onlyPermitted(classes: Set<string>) {
  const needs: Record<string, string[]> = {
    originate: ['originate'],
    hangup: ['call'],
    blindtransfer: ['call'],
    atxfer: ['call'],
    queuepause: ['agent'],
    getvar: ['call', 'reporting'],
    coreshowchannels: ['reporting'],
    showdialplan: ['reporting', 'config'],
    command: ['command'],
    filter: ['system'],
  };
  return (action: FakeAmiAction, connection: FakeAmiConnection): boolean => {
    const need = needs[action.name.toLowerCase()];
    if (!need) return false;
    if (!need.some((name) => classes.has(name))) {
      connection.respond(action, 'Error', { Message: 'Permission denied' });
    } else if (action.name === 'ShowDialPlan') {
      answerShowDialPlan(action, connection);
    } else if (action.name === 'Originate' && action.get('Channel') !== undefined) {
      answerProbe(action, connection);
    } else if (action.name === 'Getvar') {
      const variable = action.get('Variable') ?? '';
      connection.respond(action, 'Success', {
        Variable: variable,
        Value: FEATURES.get(variable) ?? '',
      });
    } else if (action.name === 'CoreShowChannels') {
      connection.respond(action, 'Success', {
        EventList: 'start',
        Message: 'Channels will follow',
      });
      connection.sendFrame({
        Event: 'CoreShowChannelsComplete',
        ActionID: action.actionId ?? '',
        EventList: 'Complete',
        ListItems: '0',
      });
    } else {
      connection.respond(action, 'Error', { Message: 'Channel not specified' });
    }
    return true;
  };
}

/** Holds a port like another program would: it hangs up on whoever connects. */
async function freePortServer(): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** The write classes manager-conf prints. */
const HEALTHY = new Set(['originate', 'call', 'reporting', 'agent']);

describe('doctor', () => {
  let dir: TempDir;
  let ami: FakeAmiServer;
  let busy: Server;
  let freePort: number;
  beforeEach(async () => {
    const probe = await freePortServer();
    freePort = portOf(probe);
    await new Promise((resolve) => probe.close(resolve));
    dir = tempDir();
    ami = await FakeAmiServer.start({ username: 'courier-101', secret: AMI_SECRET });
    FEATURES.clear();
    FEATURES.set('FEATUREMAP(atxfer)', '*2');
    FEATURES.set('FEATURE(atxferabort)', '*1');
    busy = await freePortServer();
  });
  afterEach(async () => {
    dir.remove();
    await ami.close();
    await new Promise((resolve) => busy.close(resolve));
  });

  async function doctor(
    text: string,
    database: DoctorDatabaseFactory,
    env: Record<string, string> = {},
  ) {
    const file = dir.write('helper.toml', text);
    const io = testIo(env);
    const code = await runCli(['doctor', '--config', file], io, { doctor: { database } });
    return { code, out: io.out() };
  }

  it('passes every check on a healthy setup', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }) + KEYPAD_EXTEN,
      fakeDatabase({ indexed: true }),
    );
    expect(out).not.toContain('[FAIL]');
    expect(out).toContain('[ok]   AMI login');
    expect(out).toContain('[ok]   AMI least privilege');
    expect(out).toContain('[ok]   contacts.VALUE lookup uses an index');
    expect(out).toContain(
      '[ok]   transfer.courierContext exists: the PBX dialplan has context "from-internal"',
    );
    expect(out).toContain('[ok]   transfer.managerContext exists');
    expect(out).toContain(
      '[skip] journal checks: journal.enabled is false, so calls are not written to the database',
    );
    expect(out).toContain('All ');
    expect(code).toBe(0);
    const probed = ami.allActions().map((action) => action.name);
    expect(probed).toEqual(
      expect.arrayContaining([
        'Originate',
        'Hangup',
        'BlindTransfer',
        'Atxfer',
        'QueuePause',
        'CoreShowChannels',
        'ShowDialPlan',
        'Getvar',
      ]),
    );
    expect(out).toContain(
      '[ok]   attended transfer feature codes: atxfer is "*2" and atxferabort "*1"',
    );
    expect(out).toContain(
      '[ok]   attended transfer to outside numbers: transfer.courierExten "{digits}" dials',
    );
    for (const name of ['Hangup', 'Atxfer', 'QueuePause']) {
      const probe = ami.allActions().find((action) => action.name === name);
      expect(probe?.get('Channel') ?? probe?.get('Interface')).toBeUndefined();
    }
    const dialplan = ami.allActions().find((action) => action.name === 'ShowDialPlan');
    expect(dialplan?.get('Context')).toBe('from-internal');
    const originate = ami.allActions().find((action) => action.name === 'Originate');
    expect(originate?.get('Channel')).toBeUndefined();
  });

  it('fails on a configuration file others may read while it holds secrets, with the chmod', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const text = configText({ pbxPort: ami.port, wsPort: freePort });
    const file = dir.write('helper.toml', text);
    chmodSync(file, 0o644);
    const io = testIo();
    const code = await runCli(['doctor', '--config', file], io, {
      doctor: { database: fakeDatabase({ indexed: true }) },
    });
    expect(io.out()).toContain(
      `[FAIL] secret file permissions: ${file} holds pbx.secret, database.password and other accounts on this computer may read it (mode 0644)\n` +
        `       fix: chmod 600 ${file}`,
    );
    expect(code).toBe(1);
    // Secrets from the environment only: the file holds none, whatever its mode.
    const shared = dir.write(
      'shared.toml',
      text.replace(/^secret = .*$/m, '').replace(/^password = .*$/m, ''),
    );
    chmodSync(shared, 0o644);
    const fromEnv = testIo({ COURIER_PBX_SECRET: AMI_SECRET, COURIER_DB_PASSWORD: DB_PASSWORD });
    expect(
      await runCli(['doctor', '--config', shared], fromEnv, {
        doctor: { database: fakeDatabase({ indexed: true }) },
      }),
    ).toBe(0);
    expect(fromEnv.out()).not.toContain('secret file permissions');
  });

  it('reports a wrong AMI secret with what to check', async () => {
    ami.secret = 'another-secret';
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true }),
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] AMI login: the PBX refused the login as "courier-101"\n\s+fix: check pbx.user\/pbx.secret/,
    );
    expect(out).toContain('[skip] AMI privileges');
    expect(out).toContain('[skip] transfer.courierContext exists: needs a login');
    expect(out).toContain('[skip] transfer.managerContext exists: needs a login');
    expect(out).not.toContain(AMI_SECRET);
  });

  it('names the write class the account lacks', async () => {
    ami.onAction = onlyPermitted(new Set(['call']));
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true }),
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] AMI privileges: permission denied for Originate .*CoreShowChannels/,
    );
    expect(out).toContain('add "originate,reporting,agent" to the write= line');
    expect(out).toMatch(
      /\[FAIL\] transfer.courierContext exists: the AMI account may not send ShowDialPlan.*\n\s+fix: add "reporting" to the write= line/,
    );
  });

  it('says queue pause is unavailable when the account lacks the agent class', async () => {
    ami.onAction = onlyPermitted(new Set(['originate', 'call', 'reporting']));
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }) + KEYPAD_EXTEN,
      fakeDatabase({ indexed: true }),
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] AMI privileges: permission denied for QueuePause \(pausing in queues from the popup\)\n\s+fix: add "agent" to the write= line/,
    );
  });

  it('says attended transfer is unavailable without its feature codes, and why', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    FEATURES.set('FEATUREMAP(atxfer)', '');
    const text = configText({ pbxPort: ami.port, wsPort: freePort }) + KEYPAD_EXTEN;
    const missing = await doctor(text, fakeDatabase({ indexed: true }));
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(
      /\[FAIL\] attended transfer feature codes: features.conf maps no code to atxfer, so attended transfer from the card is unavailable \(hang-up and blind transfer still work\)\n\s+fix: add "atxfer => \*2" to \[featuremap\] in features.conf/,
    );
    FEATURES.set('FEATUREMAP(atxfer)', '*2');
    FEATURES.set('FEATURE(atxferabort)', '');
    const noCancel = await doctor(text, fakeDatabase({ indexed: true }));
    expect(noCancel.out).toContain(
      '[FAIL] attended transfer feature codes: features.conf has no atxferabort code',
    );
  });

  it('warns that outside numbers with "+" leave out talk-first transfers to them, and passes', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true }),
    );
    expect(code).toBe(0);
    expect(out).toMatch(
      /\[warn\] attended transfer to outside numbers: transfer.courierExten "\{e164\}" dials outside numbers with "\+".*talk-first transfers to outside numbers .* are unavailable; blind transfers work\n\s+fix: set transfer.courierExten = "\{digits\}", or the form the outbound route/,
    );
    expect(out).not.toContain('[FAIL]');
    expect(out).toMatch(/All \d+ checks passed, 1 with a warning: each \[warn\] line says/);

    const russian = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true }),
      { LANG: 'ru_RU.UTF-8' },
    );
    expect(russian.out).toMatch(
      /\[warn\] перевод с разговором на внешние номера: .*недоступен; перевод сразу работает\n\s+исправить: задайте transfer.courierExten = "\{digits\}"/,
    );
    expect(russian.out).toMatch(/Все проверки пройдены: \d+, из них с предупреждением: 1\./);

    const file = dir.write('helper.toml', configText({ pbxPort: ami.port, wsPort: freePort }));
    const io = testIo();
    const json = await runCli(['doctor', '--config', file, '--json'], io, {
      doctor: { database: fakeDatabase({ indexed: true }) },
    });
    expect(json).toBe(0);
    const report = JSON.parse(io.out()) as DoctorJson;
    expect(report).toMatchObject({ ok: true, warned: 1, failed: 0 });
    expect(report.passed + report.skipped).toBe(report.checks.length);
  });

  it('names the transfer key whose context the PBX dialplan lacks', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const text = `${configText({ pbxPort: ami.port, wsPort: freePort })}\n[transfer]\ncourierContext = "to-mobiles"\n`;
    const { code, out } = await doctor(text, fakeDatabase({ indexed: true }));
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] transfer.courierContext exists: the PBX dialplan has no context "to-mobiles".*\n\s+fix: set transfer.courierContext to .*"from-internal"/,
    );
    expect(out).toContain('[ok]   transfer.managerContext exists');
  });

  it('skips the transfer contexts when the [transfer] section is wrong, and checks the PBX', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const text = `${configText({ pbxPort: ami.port, wsPort: freePort })}\n[transfer]\ncourierContext = "bad context"\n`;
    const { out } = await doctor(text, fakeDatabase({ indexed: true }));
    expect(out).toContain('[FAIL] config transfer.courierContext');
    expect(out).toContain('[ok]   AMI least privilege');
    expect(out).toContain('[skip] transfer contexts: fix the [transfer] problems above first');
    expect(out).not.toContain('transfer.courierContext exists');
  });

  it('checks the journal account, tables, grants and spool when the journal is on', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const text = `${configText({ pbxPort: ami.port, wsPort: freePort })}\n${KEYPAD_EXTEN}[journal]\nenabled = true\n`;
    const journalPassword = 'journal-Password-4242';
    const { code, out } = await doctor(text, withJournal({}, fakeDatabase({ indexed: true })), {
      COURIER_JOURNAL_PASSWORD: journalPassword,
    });
    expect(out).toContain('[ok]   journal account connects: logged in to 127.0.0.1:3306/courier');
    expect(out).toContain('[ok]   journal tables migrated');
    expect(out).toContain('[ok]   journal account grants');
    expect(out).toContain(
      `[ok]   journal spool folder writable: "${join(dir.path, 'journal')}" does not exist yet`,
    );
    expect(out).not.toContain('[FAIL]');
    expect(code).toBe(0);
    const refused = await doctor(
      text,
      withJournal(
        { connectError: sqlError('ER_SOMETHING', `bad handshake for ${journalPassword}`) },
        fakeDatabase({ indexed: true }),
      ),
      { COURIER_JOURNAL_PASSWORD: journalPassword },
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('[FAIL] journal account connects: ER_SOMETHING: bad handshake');
    expect(refused.out).not.toContain(journalPassword);
  });

  it('flags an account that may also run PBX commands', async () => {
    ami.onAction = onlyPermitted(new Set([...HEALTHY, 'command', 'system']));
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true }),
    );
    expect(code).toBe(1);
    expect(out).toContain('[ok]   AMI privileges');
    expect(out).toMatch(/\[FAIL\] AMI least privilege: .*"command", "system"/);
  });

  it('reports an unreachable PBX with the firewall hint', async () => {
    const closedPort = portOf(busy);
    await new Promise((resolve) => busy.close(resolve));
    busy = await freePortServer();
    const { code, out } = await doctor(
      configText({ pbxPort: closedPort, wsPort: freePort }),
      fakeDatabase({ indexed: true }),
    );
    expect(code).toBe(1);
    expect(out).toContain(
      `[FAIL] AMI reachable: cannot reach AMI at 127.0.0.1:${closedPort}: ECONNREFUSED`,
    );
    expect(out).toContain('PBX firewall for this workstation');
  });

  it('prints the CREATE INDEX to run when contacts.VALUE has no index', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: false }),
    );
    expect(code).toBe(1);
    expect(out).toContain('[FAIL] contacts.VALUE lookup uses an index');
    expect(out).toContain(
      'CREATE INDEX contacts_value_type ON contacts (`VALUE`, SourceCodeType);',
    );
  });

  it('reports lookups that bypass an existing index', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true, bypassed: true }),
    );
    expect(code).toBe(1);
    expect(out).toContain(
      '[FAIL] contacts.VALUE lookup uses an index: lookup.contactPerson (full scan)',
    );
    expect(out).toContain('ANALYZE TABLE contacts');
  });

  it('reports an unreachable database and a writable account', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const refused = Object.assign(new Error(`connect ECONNREFUSED (${DB_PASSWORD})`), {
      code: 'ECONNREFUSED',
    });
    const down = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true, failWith: refused }),
    );
    expect(down.code).toBe(1);
    expect(down.out).toContain(
      '[FAIL] database reachable: cannot reach the database at 127.0.0.1:3306 (ECONNREFUSED)',
    );
    expect(down.out).toContain('fix: check database.host and database.port');
    expect(down.out).toContain('[skip] lookup.client runs');
    expect(down.out).not.toContain(DB_PASSWORD);
    const writable = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true, grants: 'GRANT ALL PRIVILEGES ON *.* TO `root`@`%`' }),
    );
    expect(writable.out).toContain('[FAIL] database account is read-only');
  });

  it('reports a port that is taken', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: portOf(busy) }),
      fakeDatabase({ indexed: true }),
    );
    expect(code).toBe(1);
    expect(out).toContain(
      `[FAIL] WebSocket port: 127.0.0.1:${portOf(busy)} is already in use by another program`,
    );
  });

  it('lists every configuration problem and still checks the sections without one', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const text = `${configText({ pbxPort: ami.port, wsPort: freePort })}\n[links]\nclinet = "https://x/{code}"\norder = "ftp://x"\n`;
    const { code, out } = await doctor(text, fakeDatabase({ indexed: true }));
    expect(code).toBe(1);
    expect(out).toMatch(
      /\[FAIL\] config links.clinet: unknown key\n\s+fix: did you mean "client"\? rename it/,
    );
    expect(out).toContain('[FAIL] config links.order: must start with http:// or https://');
    expect(out).toContain('[ok]   AMI login');
    expect(out).toContain('[ok]   database reachable');
  });

  it('names an alias a rewritten lookup query lost', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const text = `${configText({ pbxPort: ami.port, wsPort: freePort })}\n[lookup]\nclient = "SELECT k.code, k.company AS company FROM contacts c JOIN clients k ON k.code = c.Source WHERE c.VALUE = ?"\n`;
    const { code, out } = await doctor(text, fakeDatabase({ indexed: true }));
    expect(code).toBe(1);
    expect(out).toContain(
      '[FAIL] lookup.client runs: the query runs but returns no column clientCode',
    );
    expect(out).toContain('... AS clientCode');
    expect(out).toContain('[ok]   lookup.courier runs');
  });

  it('skips the service checks when the database section itself is wrong', async () => {
    ami.onAction = onlyPermitted(HEALTHY);
    const text = configText({ pbxPort: ami.port, wsPort: freePort }).replace(
      'port = 3306',
      'port = "3306"',
    );
    const { out } = await doctor(text, fakeDatabase({ indexed: true }));
    expect(out).toContain('[FAIL] config database.port: must be a number');
    expect(out).toContain('[skip] database checks: fix the [database] problems above first');
  });

  it('prints each check as it starts, then its result as it ends', async () => {
    ami.onAction = onlyPermitted(new Set(['originate', 'call', 'reporting']));
    const { out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }),
      fakeDatabase({ indexed: true }),
    );
    const lines = out.split('\n');
    for (const name of ['AMI reachable', 'AMI login', 'database reachable', 'WebSocket port']) {
      const started = lines.indexOf(`[....] ${name}…`);
      const ended = lines.findIndex((line) => line.startsWith(`[ok]   ${name}:`));
      expect(started, name).toBeGreaterThanOrEqual(0);
      expect(ended, name).toBe(started + 1);
    }
  });

  it('replaces the waiting line with the result on a terminal', async () => {
    ami.onAction = onlyPermitted(new Set(['originate', 'call', 'reporting']));
    const file = dir.write('helper.toml', configText({ pbxPort: ami.port, wsPort: freePort }));
    const io = testIo();
    const terminal = { ...io, stdout: { write: io.stdout.write, isTTY: true } };
    await runCli(['doctor', '--config', file], terminal, {
      doctor: { database: fakeDatabase({ indexed: true }) },
    });
    expect(io.out()).toContain('[....] AMI login…\r\x1b[2K[ok]   AMI login: logged in as');
    expect(io.out()).not.toMatch(/…\n/);
  });

  it('gives the same report as one JSON document with --json', async () => {
    ami.onAction = onlyPermitted(new Set(['originate', 'call', 'reporting', 'agent']));
    const file = dir.write(
      'helper.toml',
      configText({ pbxPort: ami.port, wsPort: portOf(busy) }) + KEYPAD_EXTEN,
    );
    const io = testIo();
    const code = await runCli(['doctor', '--config', file, '--json'], io, {
      doctor: { database: fakeDatabase({ indexed: true }) },
    });
    expect(code).toBe(1);
    const report = JSON.parse(io.out()) as DoctorJson;
    expect(report.ok).toBe(false);
    expect(report.failed).toBe(1);
    expect(report.passed).toBe(report.checks.filter((check) => check.status === 'ok').length);
    expect(report.checks.find((check) => check.name === 'AMI login')).toEqual({
      status: 'ok',
      name: 'AMI login',
      detail: 'logged in as "courier-101"',
    });
    expect(report.checks.find((check) => check.status === 'fail')).toMatchObject({
      name: 'WebSocket port',
      detail: `127.0.0.1:${portOf(busy)} is already in use by another program`,
      fix: expect.stringContaining('stop that program'),
    });
    expect(report.summary).toBe(
      '1 check(s) failed, ' +
        report.passed +
        ' passed: change what each [FAIL] line says and run doctor again.',
    );
    expect(io.out()).not.toContain(AMI_SECRET);
  });

  it('recognises the running helper of the configuration on its port', async () => {
    ami.onAction = onlyPermitted(new Set(['originate', 'call', 'reporting', 'agent']));
    const fixture = await startFixture();
    try {
      // A live process other than this one stands in for the helper holding the lock.
      writeFileSync(pidFileFor(dir.path), String(process.ppid));
      const { code, out } = await doctor(
        configText({ pbxPort: ami.port, wsPort: fixture.server.port }) + KEYPAD_EXTEN,
        fakeDatabase({ indexed: true }),
      );
      expect(out).toContain(
        `[ok]   WebSocket port: 127.0.0.1:${fixture.server.port} is in use by the running helper of this configuration (PID ${process.ppid})`,
      );
      expect(code).toBe(0);
      rmSync(pidFileFor(dir.path));
      const other = await doctor(
        configText({ pbxPort: ami.port, wsPort: fixture.server.port }) + KEYPAD_EXTEN,
        fakeDatabase({ indexed: true }),
      );
      expect(other.out).toContain(
        `[FAIL] WebSocket port: 127.0.0.1:${fixture.server.port} is in use by a helper, but not by one running with this configuration`,
      );
    } finally {
      await fixture.dispose();
    }
  });

  it('speaks Russian under a Russian locale', async () => {
    ami.onAction = onlyPermitted(new Set(['originate', 'call', 'agent']));
    const { code, out } = await doctor(
      configText({ pbxPort: ami.port, wsPort: freePort }) + KEYPAD_EXTEN,
      fakeDatabase({ indexed: true }),
      { LANG: 'ru_RU.UTF-8' },
    );
    expect(code).toBe(1);
    expect(out).toContain('[ok]   вход в AMI: вход выполнен как "courier-101"');
    expect(out).toMatch(
      /\[FAIL\] права AMI: нет прав на CoreShowChannels \(поиск каналов звонка, восстановление звонков после переподключения\)\n\s+исправить: добавьте "reporting" в строку write=/,
    );
    expect(out).toContain(
      '[ok]   база данных доступна: вход в 127.0.0.1:3306/courier выполнен как "courier_ro"',
    );
    expect(out).toContain(`[ok]   порт WebSocket: 127.0.0.1:${freePort} свободен для помощника`);
    expect(out).toMatch(/Не пройдено проверок: \d+, пройдено: \d+\./);
    expect(out).not.toMatch(/\b(the|is|was)\b/);
  });

  it('fails when there is no configuration file at all', async () => {
    const io = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(await runCli(['doctor'], io)).toBe(1);
    expect(io.out()).toContain('[FAIL] config file: none found');
  });
});
