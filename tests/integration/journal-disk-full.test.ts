import { execFile, execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import { DIDS } from '../../harness/pbx-plan';
import {
  startWorkstationProcess,
  type WorkstationProcess,
} from '../../harness/processes/workstation-process';
import { SPOOL_FILE } from '../../helper/journal/journal-spool';
import { harnessFaults } from '../support/fault-control';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  journalRows,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import { harnessHelperAccess, pairedClient } from '../support/workstation-child';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CALLERS = [FIXTURE_NUMBERS.recipient, FIXTURE_NUMBERS.clientMain, FIXTURE_NUMBERS.unknown];

let workDir: string;
let spoolDir: string;
let mounted = false;
let helper: WorkstationProcess | undefined;
let client: ExtensionClient | undefined;
let db: Connection;
let mariaDbStopped = false;

/** A small file system of our own, so filling it disturbs nothing else on the machine. */
function mountSmallDisk(dir: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error('this test mounts a 1 MiB tmpfs for the journal spool and must run as root');
  }
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'ct-journal-full', dir]);
  mounted = true;
}

/** Writes a file until the disk refuses; returns its path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return filler;
}

function doctor(configFile: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'helper/main.ts'), 'doctor', '--config', configFile],
      { cwd: ROOT, timeout: 60_000 },
      (_error, stdout) => resolve(stdout),
    );
  });
}

async function answeredCallFrom(caller: string): Promise<string> {
  const since = Date.now();
  await startPhone('101', 'answer', { answerAfterMs: 300 });
  const call = await placeInboundCall({ from: caller, did: DIDS.direct, hangupAfterMs: 600 });
  await call.done;
  const ended = await client!.waitFor(
    (m): m is Extract<typeof m, { type: 'call' }> =>
      m.type === 'call' &&
      m.call.state === 'ended' &&
      m.call.remote.dbKey === caller &&
      m.call.startedAt >= since - 1_000,
    30_000,
  );
  await stopSipp();
  return ended.call.callId;
}

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  db = await connectRoot();
  workDir = mkdtempSync(join(tmpdir(), 'ct-disk-full-'));
  spoolDir = join(workDir, 'spool');
  mkdirSync(spoolDir, { mode: 0o700 });
  mountSmallDisk(spoolDir);
  helper = await startWorkstationProcess({
    runtime: { kind: 'tsx' },
    ...harnessHelperAccess(),
    extensions: ['101'],
    journal: { ...JOURNAL_ACCOUNT, spoolDir },
    workDir,
  });
  client = await pairedClient(helper);
  await client.waitForStatus((status) => status.pbx.state === 'connected', 60_000);
});

afterEach(stopSipp);

afterAll(async () => {
  await client?.close();
  await helper?.dispose();
  if (mariaDbStopped) await harnessFaults.startMariaDb();
  if (mounted) execFileSync('umount', [spoolDir]);
  await db?.end();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the journal on a full disk', () => {
  it('keeps the calls, says so, and writes each once when there is room, across a restart', async () => {
    await harnessFaults.stopMariaDb();
    mariaDbStopped = true;
    const filler = fillDisk(spoolDir);

    const callIds: string[] = [];
    for (const caller of CALLERS) callIds.push(await answeredCallFrom(caller));
    // At least these calls: a call another test left on the PBX may end meanwhile and wait too.
    await client!.waitForStatus(
      (status) => status.journal?.state === 'disk-full' && status.journal.pending >= CALLERS.length,
    );
    expect(client!.latestStatus()?.journal?.reason).toContain(
      'The disk of the journal spool is full',
    );

    const report = await doctor(helper!.configFile);
    // The helper gave the reserve's room to the calls: a small probe fits, the reserve does not.
    expect(report).toContain(
      `[FAIL] journal spool folder writable: cannot write in "${spoolDir}" (ENOSPC: the spool's reserve is in use): the disk holding it is full`,
    );

    // Killed while the disk is still full and the database still down.
    await client!.close();
    await helper!.kill();
    helper = await helper!.restart();
    client = await pairedClient(helper);
    await client.waitForStatus(
      (status) => status.journal?.state === 'disk-full' && status.journal.pending >= CALLERS.length,
    );

    rmSync(filler);
    await harnessFaults.startMariaDb();
    mariaDbStopped = false;
    // The connection opened before the stop went with it.
    await db.end().catch(() => undefined);
    db = await connectRoot();
    for (const callId of callIds) {
      const rows = await eventually(
        () => journalRows(db, callId),
        (found) => found.length > 0,
        `the journal row of ${callId}`,
        60_000,
      );
      expect(rows.map((row) => [row.extension, row.result])).toEqual([['101', 'answered']]);
    }
    await client.waitForStatus((status) => status.journal?.state === 'ok');
    expect(readFileSync(join(spoolDir, SPOOL_FILE), 'utf8')).toBe('');
  }, 240_000);
});
