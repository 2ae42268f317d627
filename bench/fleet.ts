/**
 * `npm run bench:fleet`: what a whole office of helpers costs the PBX. The real harness
 * Asterisk carries N AMI sessions — each a seat running the helper's own AMI client and call
 * tracker, many seats in this process — plus one full helper process as the measured seat
 * (extension 101, paired with an extension-like client), under the same call load at every N:
 * inbound calls from the trunk to 101 through the `direct` route, the caller giving up after
 * the phone rang `--ring-ms`. Every other seat's phone never rings: all those calls are
 * others' calls for them.
 *
 * Per N and per filter kind (`per-seat`: accounts printed by `manager-conf --seats`;
 * `quiet`: the same with the `[general] disabledevents` line manager-conf suggests, so the PBX
 * stops emitting per-call events no helper reads; `silent`: the other seats log in with
 * per-seat accounts and turn their events off (`Events: off`), what a session costs the PBX
 * when it receives nothing; `office`: the office-wide `helper` account): Asterisk's CPU seconds per 1,000 calls (utime + stime of the
 * asterisk process from /proc), AMI events delivered per seat per call (the measured seat's
 * own calls; the other seats' for calls not theirs), and the measured seat's AMI event →
 * identity frame p50/p99. Headline: fleet_pbx_cpu_ratio_300_to_1 (per-seat filters), after the
 * same ratio with disabledevents.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { AmiClient } from '../helper/ami/client';
import { CallTracker } from '../helper/workstation/calls/tracker';
import { UNUSED_CALL_EVENTS } from '../helper/workstation/manager-conf/account-privileges';
import { DIDS } from '../harness/pbx-plan';
import { onProcessExit } from '../harness/services/exit-cleanup';
import { startSippUas } from '../harness/services/sipp';
import { callSequence, sampleCallers } from './agi-callers';
import { startBenchServices, type BenchServices } from './support/bench-services';
import { callFigures } from './support/call-figures';
import { CallTimeline } from './support/call-timeline';
import { bundleHelper } from './support/helper-bundle';
import type { HelperRuntime } from '../harness/processes/helper-child';
import type { AmiAccess } from '../harness/processes/service-access';
import { startHelperProcess } from './support/helper-process';
import { startInboundLoad } from './support/inbound-call-load';
import { connectPairedClient } from './support/paired-client';
import type { Spread } from './support/percentiles';
import { TimedAmiRelay } from './support/timed-relay';

const MEASURED = '101';
/** The other seats' extensions start here; their phones are never rung. */
const FIRST_OTHER_SEAT = 2000;
const TRAILING_MS = 5_000;
/** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
const CLOCK_TICKS = 100;

const { values: args } = parseArgs({
  options: {
    seats: { type: 'string', default: '1,50,150,300' },
    calls: { type: 'string', default: '200' },
    rate: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '8' },
    'ring-ms': { type: 'string', default: '1000' },
    contacts: { type: 'string', default: '100000' },
    filters: { type: 'string', default: 'per-seat,quiet,silent,office' },
  },
});

type FilterKind = 'per-seat' | 'quiet' | 'silent' | 'office';
const KINDS: readonly FilterKind[] = ['per-seat', 'quiet', 'silent', 'office'];

interface FleetRow {
  readonly filters: FilterKind;
  readonly seats: number;
  readonly calls: number;
  readonly cpuPer1000: number;
  readonly ownEventsPerCall: number;
  readonly othersEventsPerSeatPerCall: number;
  readonly identity: Spread;
  readonly complete: number;
}

function numbers(text: string, name: string): number[] {
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new RangeError(`--${name} needs numbers, got "${text}"`);
  }
  return values;
}

const log = (line: string): void => console.log(line);

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function accountOf(services: BenchServices, kind: FilterKind, extension: string): AmiAccess {
  const { asterisk } = services;
  const account = kind === 'office' ? asterisk.accounts.helper : asterisk.accounts.seats[extension];
  if (account === undefined) throw new Error(`no AMI account for seat ${extension}`);
  return {
    host: asterisk.amiHost,
    port: asterisk.amiPort,
    user: account.username,
    secret: account.secret,
  };
}

interface Seat {
  events: number;
  close(): Promise<void>;
}

/**
 * One seat as the helper runs it: the product AMI client feeding a call tracker; `silent`
 * turns the session's events off once logged in.
 */
async function openSeat(access: AmiAccess, extension: string, silent: boolean): Promise<Seat> {
  const controller = new AbortController();
  const ami = new AmiClient({
    host: access.host,
    port: access.port,
    username: access.user,
    secret: access.secret,
    signal: controller.signal,
  });
  const tracker = new CallTracker({ extensions: [extension] });
  const seat: Seat = {
    events: 0,
    async close() {
      await ami.close();
      controller.abort();
    },
  };
  ami.on(
    'event',
    (frame) => {
      seat.events += 1;
      tracker.handle(frame);
    },
    { signal: controller.signal },
  );
  await ami.start();
  if (silent) await ami.action('Events', { EventMask: 'off' });
  return seat;
}

async function pickCallers(services: BenchServices, count: number): Promise<string[]> {
  const root = await createConnection(services.rootAccess);
  try {
    const mix = await sampleCallers(root, count);
    return [...new Set(callSequence(mix, count * 2))].slice(0, count);
  } finally {
    await root.end();
  }
}

async function runOne(
  services: BenchServices,
  runtime: HelperRuntime,
  kind: FilterKind,
  seatCount: number,
  callers: readonly string[],
  workDir: string,
): Promise<FleetRow> {
  const stops: (() => Promise<void>)[] = [];
  try {
    const seats: Seat[] = [];
    for (let i = 0; i < seatCount; i += 1) {
      const extension = String(FIRST_OTHER_SEAT + i);
      seats.push(
        await openSeat(accountOf(services, kind, extension), extension, kind === 'silent'),
      );
    }
    stops.push(async () => void (await Promise.all(seats.map((s) => s.close()))));
    const timeline = new CallTimeline('PJSIP/trunk-', MEASURED);
    const measured = accountOf(services, kind, MEASURED);
    let ownEvents = 0;
    const relay = await TimedAmiRelay.start(
      { host: measured.host, port: measured.port },
      (frames, at) => {
        ownEvents += frames.filter((f) => f['Event'] !== undefined).length;
        timeline.onAmiFrames(frames, at);
      },
    );
    stops.push(() => relay.close());
    const sippDir = join(workDir, 'sipp');
    const phone = await startSippUas({
      listen: services.asterisk.peers[MEASURED],
      behaviour: 'ring',
      workDir: sippDir,
      label: `phone-${MEASURED}`,
    });
    stops.push(() => phone.stop());
    const helper = await startHelperProcess({
      runtime,
      ami: { ...measured, port: relay.port },
      database: services.lookupAccess,
      extensions: [MEASURED],
      workDir: join(workDir, 'helper'),
    });
    stops.push(() => helper.stop());
    const client = await connectPairedClient(helper.wsPort, helper.stateDir, (text, at) =>
      timeline.onWebSocketFrame(text, at),
    );
    stops.push(() => client.close());
    await delay(1_000);
    for (const seat of seats) seat.events = 0;
    ownEvents = 0;
    const cpuBefore = cpuSeconds(services.asterisk.pid);
    const load = await startInboundLoad({
      target: { host: services.asterisk.sipHost, port: services.asterisk.sipPort },
      bindIp: services.asterisk.trunkIp,
      did: DIDS.direct,
      callers,
      callsPerSecond: Number(args.rate),
      maxConcurrent: Number(args.concurrency),
      ringMs: Number(args['ring-ms']),
      workDir: sippDir,
    });
    stops.push(() => load.stop());
    await load.done;
    await delay(TRAILING_MS);
    const cpu = cpuSeconds(services.asterisk.pid) - cpuBefore;
    const others = seats.reduce((sum, seat) => sum + seat.events, 0);
    const figures = callFigures(timeline.all(), () => 'caller');
    return {
      filters: kind,
      seats: seatCount,
      calls: callers.length,
      cpuPer1000: (cpu / callers.length) * 1000,
      ownEventsPerCall: ownEvents / callers.length,
      othersEventsPerSeatPerCall: seatCount === 0 ? 0 : others / seatCount / callers.length,
      identity: figures.identity,
      complete: figures.complete,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

function printRow(row: FleetRow): void {
  log(
    [
      row.filters.padEnd(8),
      `N=${String(row.seats).padStart(3)}`,
      `asterisk CPU ${row.cpuPer1000.toFixed(2)} s/1000 calls`,
      `own ${row.ownEventsPerCall.toFixed(1)} ev/call`,
      `others ${row.othersEventsPerSeatPerCall.toFixed(2)} ev/seat/call`,
      `identity p50 ${row.identity.p50.toFixed(1)} ms p99 ${row.identity.p99.toFixed(1)} ms`,
      `(${row.complete}/${row.calls} calls complete)`,
      `load ${(loadavg()[0] ?? 0).toFixed(1)}`,
    ].join('  '),
  );
}

async function main(): Promise<void> {
  const seatCounts = numbers(args.seats, 'seats');
  const calls = Number(args.calls);
  const kinds = args.filters.split(',') as FilterKind[];
  const unknown = kinds.filter((kind) => !KINDS.includes(kind));
  if (unknown.length > 0)
    throw new RangeError(`--filters takes ${KINDS.join(',')}, got ${unknown.join(',')}`);
  const maxSeats = Math.max(...seatCounts, 1);
  const workDir = mkdtempSync(join(tmpdir(), 'ct-bench-fleet-'));
  const unregister = onProcessExit(() => rmSync(workDir, { recursive: true, force: true }));
  log(
    `load: ${calls} inbound calls per run to ${MEASURED} through the direct route ` +
      `(${DIDS.direct}), ${args.rate} calls/s, at most ${args.concurrency} at once, each rings ` +
      `${args['ring-ms']} ms and the caller gives up; seats ${seatCounts.join(', ')} besides the ` +
      `measured one; filters ${kinds.join(', ')}; ${availableParallelism()} cores, load average ` +
      `${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const services = await startBenchServices({
    contacts: Number(args.contacts),
    seed: 1,
    log,
    extraSeats: `${FIRST_OTHER_SEAT}-${FIRST_OTHER_SEAT + maxSeats - 1}`,
  });
  const rows: FleetRow[] = [];
  try {
    const runtime: HelperRuntime = { kind: 'bundle', file: await bundleHelper(workDir) };
    const callers = await pickCallers(services, calls * seatCounts.length * kinds.length);
    let next = 0;
    for (const kind of kinds) {
      await services.asterisk.disableEvents(kind === 'quiet' ? UNUSED_CALL_EVENTS : []);
      for (const seatCount of seatCounts) {
        const batch = callers.slice(next, next + calls);
        next += calls;
        const row = await runOne(
          services,
          runtime,
          kind,
          seatCount,
          batch,
          join(workDir, `${kind}-${seatCount}`),
        );
        rows.push(row);
        printRow(row);
      }
    }
  } finally {
    await services.stop();
    rmSync(workDir, { recursive: true, force: true });
    unregister();
  }
  const ends = (kind: FilterKind): [FleetRow | undefined, FleetRow | undefined] => {
    const of = rows.filter((r) => r.filters === kind);
    return [
      of.find((r) => r.seats === Math.min(...seatCounts)),
      of.find((r) => r.seats === maxSeats),
    ];
  };
  const [quietFirst, quietLast] = ends('quiet');
  if (quietFirst !== undefined && quietLast !== undefined) {
    log(
      `per-seat with disabledevents: CPU ratio N=${quietLast.seats} to N=${quietFirst.seats} ` +
        `${(quietLast.cpuPer1000 / quietFirst.cpuPer1000).toFixed(2)}, p99 ratio ` +
        `${(quietLast.identity.p99 / quietFirst.identity.p99).toFixed(2)}`,
    );
  }
  const [first, last] = ends('per-seat');
  if (first !== undefined && last !== undefined) {
    log(
      `per-seat p99 ratio N=${last.seats} to N=${first.seats}: ` +
        `${(last.identity.p99 / first.identity.p99).toFixed(2)}`,
    );
    log(
      `fleet_pbx_cpu_ratio_${last.seats}_to_${first.seats} ` +
        `${(last.cpuPer1000 / first.cpuPer1000).toFixed(2)} ratio`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
