/**
 * `npm run soak`: calls through the real harness (Asterisk 22, MariaDB, sipp phones, the
 * workstation helper process and a paired extension-like client) while faults strike at
 * random moments: the helper's AMI link cut, Asterisk restarted, MariaDB stopped and
 * started, the helper killed (SIGKILL) and started again, the extension's WebSocket
 * dropped. Then the journal is compared with what the PBX did.
 *
 * One call at a time, each on a path picked at random: inbound on the direct route, the ring
 * group or the queue (answered by phone 101, or given up by the caller while it rings),
 * click-to-call from the client (101 first, then the far end), or a transfer (inbound on the
 * direct route, answered by 101, then transferred blind from the card by the client to phone
 * 103, which answers, talks and hangs up). Every call has a number of its own, so its journal
 * row is found by number. Every `--fault-every` calls a fault strikes at a random moment of
 * the call; the kinds take turns in a seeded order, so every kind comes round once in each
 * five faults.
 *
 * Options: --calls N (1000), --seed S (random, printed), --fault-every K (6),
 * --contacts N (2000, the size of the courier database). Headline: lost_journal_rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { createPrng, type Prng } from '../harness/courier-db/prng';
import { DIDS, TRUNK_IP } from '../harness/pbx-plan';
import { startWorkstationProcess } from '../harness/processes/workstation-process';
import {
  placeSippCall,
  startSippUas,
  type SippCall,
  type SippCallResult,
  type SippUas,
} from '../harness/services/sipp';
import { TcpProxy } from '../harness/services/tcp-proxy';
import { runMigrateCommand } from '../helper/journal/run-migrate-command';
import { startBenchServices, type BenchServices } from './support/bench-services';
import { residentKib } from './support/proc-rss';
import {
  describeRow,
  LOST_ROW_DEFINITION,
  tallySoak,
  type SoakCall,
  type SoakTransfer,
  type SoakRow,
  type WrongResult,
} from './support/soak-ledger';
import { SoakSeat, type ServicePart } from './support/soak-seat';

const FAULT_KINDS = ['ami-cut', 'asterisk-restart', 'mariadb-restart', 'helper-kill', 'ws-drop'];
type FaultKind = (typeof FAULT_KINDS)[number];
const PATHS: readonly SoakCall['path'][] = [
  'direct',
  'ringGroup',
  'queue',
  'click-to-call',
  'transfer',
];
/** Where transfer calls go: a phone in no ring group or queue, which the helper does not serve. */
const TRANSFER_TO = '103';
const JOURNAL_WRITER = { user: 'courier_journal', password: 'soak-journal-pw' } as const;
/** Phone 101 rings this long before answering; callers who give up do so before. */
const ANSWER_AFTER_MS = 1_500;
const GIVE_UP_AFTER_MS = 800;
const TALK_MS = 600;
/** How long the client waits for a transfer call's card to show 101 answered, then for the reply. */
const TRANSFER_CARD_MS = 10_000;
const TRANSFER_REPLY_MS = 8_000;
/** After a transfer that was not refused, how long 103 may take to be offered the call. */
const TRANSFER_REACH_MS = 4_000;
/** A call longer than this was stranded by a fault: its caller is stopped. */
const CALL_DEADLINE_MS = 45_000;
/** How long the helper may take to say it is up again after a fault before the soak gives up. */
const RECOVERY_DEADLINE_MS = 120_000;

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    'fault-every': { type: 'string', default: '6' },
    contacts: { type: 'string', default: '2000' },
  },
});

function positive(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`--${name} needs a positive whole number, got "${text}"`);
  }
  return value;
}

const log = (line: string): void => console.log(line);

interface Recovery {
  readonly kind: FaultKind;
  readonly atCall: number;
  /** From the service being back until the helper's status, as the client hears it, is up. */
  readonly ms: number;
  /** The part of the status that came up last. */
  readonly last: ServicePart;
}

interface Soak {
  readonly services: BenchServices;
  readonly proxy: TcpProxy;
  readonly seat: SoakSeat;
  readonly phone: SippUas;
  readonly farEnd: SippUas;
  /** Phone 103, where transfer calls go. */
  readonly transferPhone: SippUas;
  readonly sippDir: string;
  readonly rng: Prng;
}

/** Strikes one fault, ends it, and measures how long the helper takes to say it is up. */
type Recovered = Pick<Recovery, 'ms' | 'last'>;

async function strike(soak: Soak, kind: FaultKind): Promise<Recovered> {
  const { services, proxy, seat, rng } = soak;
  let backAt: number;
  switch (kind) {
    case 'ami-cut':
      await proxy.cut();
      await delay(rng.int(200, 2_000));
      await proxy.restore();
      backAt = performance.now();
      break;
    case 'asterisk-restart':
      await services.asterisk.restart();
      backAt = performance.now();
      break;
    case 'mariadb-restart':
      await services.mariadb.halt();
      await delay(rng.int(200, 3_000));
      await services.mariadb.resume();
      backAt = performance.now();
      break;
    case 'helper-kill':
      await seat.killHelper();
      backAt = performance.now();
      await seat.reconnect();
      break;
    default:
      seat.dropSocket();
      await delay(rng.int(100, 1_000));
      backAt = performance.now();
      await seat.reconnect();
  }
  const up = await seat.waitUntilUp(RECOVERY_DEADLINE_MS);
  return { ms: Math.max(0, up.at - backAt), last: up.last };
}

function numberOf(index: number, seed: number): string {
  // 7 916 + 7 digits: unique per call in a run; the seed shifts runs apart.
  return `7916${String((seed * 7_919 + index) % 10_000_000).padStart(7, '0')}`;
}

type Outcome = Pick<SoakCall, 'offered' | 'completed' | 'answered' | 'transfer'>;

const offeredTo = (
  uas: SippUas,
  number: string,
  user: (invite: { fromUser: string; dialled: string }) => string,
): boolean => uas.invites().some((invite) => user(invite).replace(/\D/g, '') === number);

async function callResult(call: SippCall): Promise<SippCallResult | null> {
  const result = await Promise.race([call.done, delay(CALL_DEADLINE_MS, null)]);
  if (result === null) await call.stop();
  return result;
}

/** Resolves with true once `test` holds, false after `ms` or once `over` settled. */
async function until(test: () => boolean, ms: number, over: Promise<unknown>): Promise<boolean> {
  let ended = false;
  void over.finally(() => (ended = true));
  const deadline = performance.now() + ms;
  while (!test()) {
    if (ended || performance.now() > deadline) return false;
    await delay(50);
  }
  return true;
}

/**
 * The transfer path: a caller on the direct route, answered by 101; once the client's card
 * shows it answered, the client asks the helper, as the card's "transfer now" does, to
 * transfer it blind to 103, which answers, talks and hangs up (the caller then gets the
 * PBX's BYE). A fault may take the helper, its PBX link or the socket away meanwhile: when
 * 103 is not offered the call, the caller talks on with 101 and hangs up itself.
 */
async function placeTransferCall(soak: Soak, index: number, number: string): Promise<Outcome> {
  const { services, seat, phone, transferPhone, sippDir } = soak;
  const call = await placeSippCall({
    target: { host: services.asterisk.sipHost, port: services.asterisk.sipPort },
    bindIp: TRUNK_IP,
    from: number,
    to: DIDS.direct,
    workDir: sippDir,
    label: `soak-${index}`,
  });
  let callId: string | undefined;
  await until(
    () => (callId = seat.answeredCallId(number)) !== undefined,
    TRANSFER_CARD_MS,
    call.done,
  );
  const reply =
    callId === undefined ? undefined : await seat.transfer(callId, TRANSFER_TO, TRANSFER_REPLY_MS);
  let asked: SoakTransfer['asked'] = 'not-asked';
  if (callId !== undefined)
    asked = reply === undefined ? 'no-reply' : reply.ok ? 'done' : 'refused';
  const reached = () => offeredTo(transferPhone, number, (invite) => invite.fromUser);
  const handedOver = asked !== 'refused' && (await until(reached, TRANSFER_REACH_MS, call.done));
  if (!handedOver) {
    await delay(TALK_MS);
    await call.hangup();
  }
  const result = await callResult(call);
  return {
    offered: offeredTo(phone, number, (invite) => invite.fromUser),
    completed: result !== null && result.exitCode === 0 && result.answered,
    answered: result?.answered ?? false,
    transfer: {
      asked,
      to: TRANSFER_TO,
      ...(reply?.reason ? { reason: reply.reason } : {}),
      ...(reply?.to ? { dialled: reply.to } : {}),
      reached: reached(),
    },
  };
}

async function placeCall(
  soak: Soak,
  index: number,
  number: string,
  path: SoakCall['path'],
): Promise<Outcome> {
  const { services, seat, phone, farEnd, sippDir, rng } = soak;
  if (path === 'transfer') return placeTransferCall(soak, index, number);
  if (path === 'click-to-call') {
    // The client may be between sockets (a fault): the extension would show an error then.
    await seat.client.dial(`+${number}`).catch(() => []);
    // The far end hangs up by itself; wait for the PBX to finish the call.
    await delay(TALK_MS + 400);
    const reached = offeredTo(farEnd, number, (invite) => invite.dialled);
    return { offered: reached, completed: reached, answered: reached };
  }
  const givesUp = path !== 'queue' && rng.chance(0.3);
  const call = await placeSippCall({
    target: { host: services.asterisk.sipHost, port: services.asterisk.sipPort },
    bindIp: TRUNK_IP,
    from: number,
    to: DIDS[path],
    ...(givesUp ? { ringTimeoutMs: GIVE_UP_AFTER_MS } : { hangupAfterMs: TALK_MS }),
    workDir: sippDir,
    label: `soak-${index}`,
  });
  const result = await callResult(call);
  const completed =
    result !== null &&
    result.exitCode === 0 &&
    (result.answered || (givesUp && result.finalStatus === 487));
  return {
    offered: offeredTo(phone, number, (invite) => invite.fromUser),
    completed,
    answered: result?.answered ?? false,
  };
}

async function journalRows(services: BenchServices, afterId: number): Promise<SoakRow[]> {
  const db = await createConnection(services.rootAccess);
  try {
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT extension, remote_e164, remote_db_key, result, recovered, transfer_target, ' +
        'transfer_mode, transferred_to, transfer_ok, transfer_reason FROM call_journal WHERE id > ?',
      [afterId],
    );
    return rows.map((row) => ({
      extension: String(row['extension']),
      digits: String(row['remote_e164'] ?? row['remote_db_key'] ?? '').replace(/\D/g, ''),
      result: String(row['result']),
      recovered: Number(row['recovered']) === 1,
      ...(row['transferred_to'] === null
        ? {}
        : {
            transfer: {
              target: String(row['transfer_target']),
              mode: String(row['transfer_mode']),
              to: String(row['transferred_to']),
              ok: Number(row['transfer_ok']) === 1,
              reason: row['transfer_reason'] === null ? null : String(row['transfer_reason']),
            },
          }),
    }));
  } finally {
    await db.end();
  }
}

async function lastJournalId(services: BenchServices): Promise<number> {
  const db = await createConnection(services.rootAccess);
  try {
    const [rows] = await db.query<RowDataPacket[]>('SELECT MAX(id) AS id FROM call_journal');
    return Number(rows[0]?.['id'] ?? 0);
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const calls = positive('calls', args.calls);
  const faultEvery = positive('fault-every', args['fault-every']);
  const seed =
    args.seed === undefined ? Math.floor(Math.random() * 1_000_000) : positive('seed', args.seed);
  log(`seed ${seed} (run again with --seed ${seed})`);
  const rng = createPrng(seed);
  const kinds = [...FAULT_KINDS].sort(() => rng.next() - 0.5);

  const services = await startBenchServices({
    contacts: positive('contacts', args.contacts),
    seed: 1,
    log,
  });
  const workDir = mkdtempSync(join(tmpdir(), 'ct-soak-'));
  const cleanup: (() => Promise<unknown>)[] = [];
  let keepWorkDir = false;
  try {
    const { rootAccess } = services;
    const migrated = await runMigrateCommand({
      database: { host: rootAccess.host, port: rootAccess.port, database: rootAccess.database },
      admin: { user: rootAccess.user, password: rootAccess.password },
      writer: { ...JOURNAL_WRITER, host: '%' },
      print: () => undefined,
    });
    if (migrated !== 0) throw new Error('the journal tables could not be created');
    const firstId = await lastJournalId(services);
    // The helper reaches AMI through a relay the soak can cut, as a network outage would.
    const proxy = await TcpProxy.start({
      host: services.amiAccess.host,
      port: services.amiAccess.port,
    });
    cleanup.push(() => proxy.close());
    const helper = await startWorkstationProcess({
      runtime: { kind: 'tsx' },
      ami: { ...services.amiAccess, host: '127.0.0.1', port: proxy.port },
      database: services.lookupAccess,
      extensions: ['101'],
      journal: JOURNAL_WRITER,
      workDir,
    });
    const seat = await SoakSeat.pair(helper);
    cleanup.push(
      () => seat.close(),
      () => seat.helper.dispose(),
    );
    await seat.waitUntilUp(60_000);
    const sippDir = join(workDir, 'sipp');
    const phone = await startSippUas({
      listen: services.asterisk.peers['101'],
      behaviour: 'answer',
      answerAfterMs: ANSWER_AFTER_MS,
      workDir: sippDir,
      label: 'phone-101',
    });
    const farEnd = await startSippUas({
      listen: services.asterisk.peers.farend,
      behaviour: 'answer',
      answerAfterMs: 200,
      hangupAfterMs: TALK_MS,
      workDir: sippDir,
      label: 'farend',
    });
    const transferPhone = await startSippUas({
      listen: services.asterisk.peers[TRANSFER_TO],
      behaviour: 'answer',
      answerAfterMs: 200,
      hangupAfterMs: TALK_MS,
      workDir: sippDir,
      label: `phone-${TRANSFER_TO}`,
    });
    cleanup.push(
      () => phone.stop(),
      () => farEnd.stop(),
      () => transferPhone.stop(),
    );
    const soak: Soak = { services, proxy, seat, phone, farEnd, transferPhone, sippDir, rng };
    const rssStartKib = residentKib(seat.helper.pid);
    let lastHelperStart = 0;

    const placed: SoakCall[] = [];
    const recoveries: Recovery[] = [];
    let faults = 0;
    const startedAt = performance.now();
    for (let index = 0; index < calls; index++) {
      const path = rng.pick(PATHS);
      const number = numberOf(index, seed);
      const kind = index % faultEvery === faultEvery - 1 ? kinds[faults % kinds.length] : undefined;
      let fault: Promise<Recovered> | undefined;
      if (kind) {
        faults += 1;
        const at = rng.int(0, 2_500);
        fault = delay(at).then(() => strike(soak, kind));
      }
      const outcome = await placeCall(soak, index, number, path);
      const recovered = await fault;
      if (kind && recovered) {
        recoveries.push({ kind, atCall: index, ...recovered });
        if (kind === 'helper-kill') lastHelperStart = index;
      }
      placed.push({
        index,
        path,
        number,
        ...outcome,
        cutByRestart: kind === 'asterisk-restart',
      });
      if ((index + 1) % 50 === 0) {
        log(
          `… ${index + 1} calls, ${faults} faults, ${Math.round((performance.now() - startedAt) / 1000)} s`,
        );
      }
    }

    // Every call ended; the journal writes what is still pending.
    await seat.client.waitForStatus(
      (status) => status.journal?.state === 'ok' && status.journal.pending === 0,
      RECOVERY_DEADLINE_MS,
    );
    await delay(2_000);
    const rssEndKib = residentKib(seat.helper.pid);
    const rows = await journalRows(services, firstId);
    const tally = tallySoak(placed, rows);
    const cards = seat.cardNumbers();
    const owed = placed.filter((call) => call.offered && call.completed && !call.cutByRestart);
    const carded = owed.filter((call) => cards.has(call.number)).length;

    log('');
    log(`seed ${seed}, ${calls} calls, a fault every ${faultEvery} calls`);
    log(`definition: ${LOST_ROW_DEFINITION}`);
    log(`calls placed ${placed.length}`);
    for (const path of PATHS) {
      log(`  ${path.padEnd(14)} ${placed.filter((call) => call.path === path).length}`);
    }
    log(`calls offered to 101 ${placed.filter((call) => call.offered).length}`);
    log(`calls cut by an Asterisk restart ${placed.filter((call) => call.cutByRestart).length}`);
    log(`calls owed a row ${tally.owed}`);
    log(`cards delivered ${carded} of ${tally.owed} owed calls (identity frames to the client)`);
    const transfers = placed.flatMap((call) => (call.transfer ? [call.transfer] : []));
    const asked = (how: SoakTransfer['asked']) => transfers.filter((t) => t.asked === how);
    const reasons = [...new Set(asked('refused').map((t) => t.reason ?? '?'))].join(', ');
    log(
      `transfers to ${TRANSFER_TO}: ${transfers.length} asked for, ${asked('done').length} done, ` +
        `${asked('refused').length} refused${reasons ? ` (${reasons})` : ''}, ` +
        `${asked('no-reply').length} with no reply, ${asked('not-asked').length} not asked ` +
        `(no answered card in time); ${transfers.filter((t) => t.reached).length} reached ${TRANSFER_TO}`,
    );
    for (const call of placed) {
      const { transfer } = call;
      if (!transfer || (transfer.asked === 'done' && transfer.reached)) continue;
      log(
        `  call ${call.index} ${call.number}: ${transfer.asked}` +
          (transfer.reason ? ` (${transfer.reason})` : '') +
          `, ${transfer.reached ? 'reached' : 'did not reach'} ${TRANSFER_TO}` +
          (call.cutByRestart ? ', cut by an Asterisk restart' : '') +
          (call.completed ? '' : ', not completed'),
      );
    }
    log(`journal rows ${tally.rows} (of extension 101 in this run)`);
    log(`rows of calls not placed by the soak ${tally.strangers.length}`);
    for (const row of tally.strangers) log(`  ${row.digits || '(no number)'}: ${describeRow(row)}`);
    log(`rows of other extensions ${tally.otherExtensions.length} (the helper serves 101 only)`);
    for (const row of tally.otherExtensions) {
      log(`  ${row.extension} ${row.digits || '(no number)'}: ${describeRow(row)}`);
    }
    log(`duplicated rows ${tally.duplicated}`);
    log(`wrong results ${tally.wrong.length}`);
    const wrongLine = ({ call, result, expected }: WrongResult): string =>
      `  call ${call.index} ${call.path} ${call.number}: answered=${call.answered}` +
      (expected ? `, ${expected}` : '') +
      `, row says ${result}`;
    for (const wrong of tally.wrong) log(wrongLine(wrong));
    log(
      `wrong results in recovered rows ${tally.wrongRecovered.length} ` +
        '(the call ended while the helper was down or its AMI link was cut; its row has the state last seen)',
    );
    for (const wrong of tally.wrongRecovered) log(wrongLine(wrong));
    log(`lost rows ${tally.lost.length}`);
    for (const call of tally.lost) log(`  call ${call.index} ${call.path} ${call.number}`);
    log(`faults ${faults}`);
    for (const kind of FAULT_KINDS) {
      const own = recoveries.filter((recovery) => recovery.kind === kind);
      const longest = own.reduce<Recovery | undefined>(
        (max, recovery) => (max === undefined || recovery.ms > max.ms ? recovery : max),
        undefined,
      );
      log(
        `recovery ${kind} n=${own.length} longest ${Math.round(longest?.ms ?? 0)} ms` +
          (longest ? ` (call ${longest.atCall}, ${longest.last} up last)` : ''),
      );
    }
    log(
      `helper RSS start ${Math.round(rssStartKib / 1024)} MiB, end ${Math.round(rssEndKib / 1024)} MiB` +
        (lastHelperStart > 0 ? ` (this process since the restart at call ${lastHelperStart})` : ''),
    );
    log(
      `duration ${Math.round((performance.now() - startedAt) / 1000)} s, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    keepWorkDir =
      tally.lost.length + tally.duplicated + tally.wrong.length + tally.wrongRecovered.length > 0;
    if (keepWorkDir) log(`the helper's log is kept: ${seat.helper.logFile}`);
    log(`lost_journal_rows ${tally.lost.length} rows`);
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await services.stop();
    if (!keepWorkDir) rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
