/**
 * (a) Incoming-call latency through the real helper: from the AMI message that opens the
 * operator's leg reaching the helper's socket to the WebSocket frame carrying the caller's
 * identity, over real SIP calls through Asterisk and lookups in the generated database.
 *
 * Timestamps come from two places in this process, on one clock: a TCP relay between the
 * helper and AMI stamps each chunk from the PBX as it arrives (before forwarding it), and
 * an extension-like client stamps each frame before parsing it. The helper runs as a child
 * process, so neither the relay, the client nor the load generator shares its event loop.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import { startSippUas } from '../harness/services/sipp';
import { DIDS } from '../harness/pbx-plan';
import { callSequence, sampleCallers, type CallerMix } from './agi-callers';
import { paceBareLookups, timeBareLookups } from './support/bare-lookup';
import type { BenchServices } from './support/bench-services';
import { callFigures, isComplete, type CallFigures } from './support/call-figures';
import { CallTimeline } from './support/call-timeline';
import type { HelperRuntime } from '../harness/processes/helper-child';
import { startHelperProcess } from './support/helper-process';
import { startInboundLoad } from './support/inbound-call-load';
import { connectPairedClient } from './support/paired-client';
import { formatSpread, spreadOf, type Spread } from './support/percentiles';
import { TimedAmiRelay } from './support/timed-relay';

const OPERATOR_EXTENSION = '101';
const TRUNK_CHANNEL_PREFIX = 'PJSIP/trunk-';
/** After the last call, how long frames still in flight may take to arrive. */
const TRAILING_FRAMES_MS = 10_000;

export interface LatencyOptions {
  /** Measured calls; the warm-up calls come on top. */
  readonly calls: number;
  readonly warmupCalls: number;
  /**
   * How long the helper runs, connected and paired, before the first call: on a workstation
   * it starts at login, long before calls come, and its startup's own garbage collections
   * (V8's memory reducer, some 15 s after start) are over by then.
   */
  readonly settleSeconds: number;
  /** `database.prefetch` of the helper; false looks callers up only when the phone rings. */
  readonly prefetch: boolean;
  readonly callsPerSecond: number;
  readonly maxConcurrent: number;
  /** How long each caller lets the operator's phone ring before giving up. */
  readonly ringMs: number;
  readonly runtime: HelperRuntime;
  readonly workDir: string;
  readonly log: (line: string) => void;
}

export interface LatencyFigures extends CallFigures {
  /** The same caller queries through mysql2 alone, one number at a time, before the calls. */
  readonly bareLookup: Spread;
  /** The same, paced like the calls and taken while they run. */
  readonly bareLookupUnderLoad: Spread;
  /** Measured calls without a finished identity frame. */
  readonly incomplete: number;
}

type Kind = keyof CallerMix;

interface Callers {
  /** Numbers to call, warm-up first; each once, so the helper's cache never answers. */
  readonly calls: string[];
  /** As many other numbers of the same mix, for the bare-lookup baseline. */
  readonly baseline: string[];
  /** And as many again for the same baseline taken while the calls run. */
  readonly underLoad: string[];
  readonly kinds: ReadonlyMap<string, Kind>;
}

async function pickCallers(services: BenchServices, count: number): Promise<Callers> {
  const root = await createConnection(services.rootAccess);
  let mix: CallerMix;
  try {
    mix = await sampleCallers(root, count * 3);
  } finally {
    await root.end();
  }
  const sequence = [...new Set(callSequence(mix, count * 3))];
  const calls = sequence.filter((_, i) => i % 3 === 0).slice(0, count);
  const baseline = sequence.filter((_, i) => i % 3 === 1).slice(0, count);
  const underLoad = sequence.filter((_, i) => i % 3 === 2).slice(0, count);
  if (calls.length < count || baseline.length < count || underLoad.length < count) {
    throw new RangeError(
      `the database gave ${sequence.length} distinct callers, ${count * 3} are needed; ` +
        'generate a larger database (--contacts) or place fewer calls (--calls)',
    );
  }
  const kinds = new Map<string, Kind>();
  for (const kind of Object.keys(mix) as Kind[]) {
    for (const number of mix[kind]) kinds.set(number, kind);
  }
  return { calls, baseline, underLoad, kinds };
}

async function waitUntil(test: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test() && Date.now() < deadline) await delay(100);
}

/** Places the calls through a helper child process and records every call's steps. */
async function recordCalls(
  services: BenchServices,
  options: LatencyOptions,
  callers: readonly string[],
  timeline: CallTimeline,
  underLoad: readonly string[],
): Promise<number[]> {
  const { log } = options;
  const relay = await TimedAmiRelay.start(
    { host: services.amiAccess.host, port: services.amiAccess.port },
    (frames, at) => timeline.onAmiFrames(frames, at),
  );
  const stops: (() => Promise<void>)[] = [() => relay.close()];
  try {
    const sippDir = join(options.workDir, 'sipp');
    const phone = await startSippUas({
      listen: services.asterisk.peers[OPERATOR_EXTENSION],
      behaviour: 'ring',
      workDir: sippDir,
      label: `phone-${OPERATOR_EXTENSION}`,
    });
    stops.push(() => phone.stop());
    const helper = await startHelperProcess({
      runtime: options.runtime,
      ami: { ...services.amiAccess, port: relay.port },
      database: services.lookupAccess,
      extensions: [OPERATOR_EXTENSION],
      prefetch: options.prefetch,
      workDir: join(options.workDir, 'latency-helper'),
    });
    stops.push(() => helper.stop());
    const client = await connectPairedClient(helper.wsPort, helper.stateDir, (text, at) =>
      timeline.onWebSocketFrame(text, at),
    );
    stops.push(() => client.close());
    if (options.settleSeconds > 0) {
      log(`letting the helper settle for ${options.settleSeconds} s before the first call`);
      await delay(options.settleSeconds * 1000);
    }

    log(
      `placing ${callers.length} inbound calls (${options.warmupCalls} warm-up) to ` +
        `${OPERATOR_EXTENSION}: ${options.callsPerSecond}/s, at most ${options.maxConcurrent} ` +
        `at once, each rings ${options.ringMs} ms, then the caller gives up; the helper looks ` +
        (options.prefetch
          ? 'callers up as calls reach the PBX (database.prefetch = true)'
          : 'callers up when the phone rings (database.prefetch = false)'),
    );
    const loadBefore = loadavg()[0] ?? 0;
    const started = performance.now();
    const paced = paceBareLookups(
      services.lookupAccess,
      underLoad,
      Math.round(1000 / Math.max(options.callsPerSecond, 0.1)),
    );
    const load = await startInboundLoad({
      target: { host: services.asterisk.sipHost, port: services.asterisk.sipPort },
      bindIp: services.asterisk.trunkIp,
      did: DIDS.direct,
      callers,
      callsPerSecond: options.callsPerSecond,
      maxConcurrent: options.maxConcurrent,
      ringMs: options.ringMs,
      workDir: sippDir,
    });
    stops.push(() => load.stop());
    const result = await load.done;
    const bareUnderLoad = await paced.stop();
    await waitUntil(
      () => timeline.all().filter(isComplete).length >= callers.length,
      TRAILING_FRAMES_MS,
    );
    log(
      `calls placed in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `sipp exit ${result.exitCode}: ${result.summary}`,
    );
    // Other work on the machine shows in the tails; the load average puts them in context.
    log(
      `load average (1 min) ${loadBefore.toFixed(1)} before the calls, ` +
        `${(loadavg()[0] ?? 0).toFixed(1)} after, on ${availableParallelism()} cores`,
    );
    return bareUnderLoad;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

export async function runLatencyBench(
  services: BenchServices,
  options: LatencyOptions,
): Promise<LatencyFigures> {
  const total = options.warmupCalls + options.calls;
  const callers = await pickCallers(services, total);
  const { calls, baseline, kinds } = callers;
  const warmup = new Set(calls.slice(0, options.warmupCalls));

  // Before the calls and on other numbers, so neither finds the other's rows in MariaDB's
  // buffer pool.
  const bare = await timeBareLookups(services.lookupAccess, baseline);
  const bareLookup = spreadOf(bare.slice(options.warmupCalls));
  options.log(`bare lookup (5 caller queries via mysql2, parallel): ${formatSpread(bareLookup)}`);

  const timeline = new CallTimeline(TRUNK_CHANNEL_PREFIX, OPERATOR_EXTENSION);
  const underLoad = await recordCalls(services, options, calls, timeline, callers.underLoad);
  const bareLookupUnderLoad = spreadOf(underLoad.slice(options.warmupCalls));
  options.log(`bare lookup while the calls ran: ${formatSpread(bareLookupUnderLoad)}`);
  const measured = new Set(calls.filter((number) => !warmup.has(number)));
  const figures = callFigures(
    timeline.all().filter((steps) => measured.has(steps.caller)),
    (caller) => kinds.get(caller) ?? 'unknown',
  );
  return {
    ...figures,
    bareLookup,
    bareLookupUnderLoad,
    incomplete: options.calls - figures.complete,
  };
}
