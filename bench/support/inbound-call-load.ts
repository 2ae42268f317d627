import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onProcessExit } from '../../harness/services/exit-cleanup';
import { freeUdpPort } from '../../harness/services/free-port';
import { logTail } from '../../harness/services/log-tail';
import { killNow, terminate } from '../../harness/services/process-control';
import { renderTemplate } from '../../harness/services/render-template';
import { requireBinary } from '../../harness/services/require-binary';

const CALLER_SCENARIO = fileURLToPath(new URL('../../harness/sipp/caller.xml', import.meta.url));

export interface InboundLoadOptions {
  /** The PBX's SIP address. */
  readonly target: { readonly host: string; readonly port: number };
  /** Source address the PBX takes for the trunk. */
  readonly bindIp: string;
  /** The dialled number (DID) every call goes to. */
  readonly did: string;
  /** One call per caller number, in this order. */
  readonly callers: readonly string[];
  /** New calls per second. */
  readonly callsPerSecond: number;
  /** At most this many calls in progress at once. */
  readonly maxConcurrent: number;
  /** Each caller gives up (CANCEL) after ringing this long unanswered. */
  readonly ringMs: number;
  readonly workDir: string;
}

export interface InboundLoadResult {
  readonly exitCode: number | null;
  /** sipp's own final counters, from its screen file. */
  readonly summary: string;
}

export interface InboundLoad {
  readonly pid: number;
  /** Settles once sipp has placed every call and each one is over. */
  readonly done: Promise<InboundLoadResult>;
  stop(): Promise<void>;
}

export class InboundLoadError extends Error {
  override readonly name = 'InboundLoadError';
}

/** The "Successful call" and "Failed call" lines of sipp's statistics screen. */
function callCounters(screen: string): string {
  const lines = screen.split('\n').filter((line) => /(Successful|Failed) call/.test(line));
  return lines
    .slice(-2)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('; ');
}

/**
 * Places many inbound trunk calls from one sipp process: the callers come from an
 * injection file, so no process is started per call while latencies are being measured.
 * Uses the test harness's caller scenario with the number taken from the file.
 */
export async function startInboundLoad(options: InboundLoadOptions): Promise<InboundLoad> {
  for (const number of options.callers) {
    if (!/^[0-9]{5,15}$/.test(number)) {
      throw new InboundLoadError(`caller numbers must be 5 to 15 digits, got "${number}"`);
    }
  }
  mkdirSync(options.workDir, { recursive: true });
  const scenario = join(options.workDir, 'inbound-caller.xml');
  writeFileSync(
    scenario,
    renderTemplate(
      readFileSync(CALLER_SCENARIO, 'utf8'),
      {
        CALLER: '[field0]',
        CALLER_NAME: '[field0]',
        RING_TIMEOUT_MS: options.ringMs,
        HANGUP_AFTER_MS: 0,
      },
      CALLER_SCENARIO,
    ),
  );
  const injection = join(options.workDir, 'inbound-callers.csv');
  writeFileSync(injection, ['SEQUENTIAL', ...options.callers.map((n) => `${n};`), ''].join('\n'));
  const screen = join(options.workDir, 'inbound-screen.log');
  const errors = join(options.workDir, 'inbound-errors.log');
  const localPort = await freeUdpPort(options.bindIp);
  const child = spawn(
    requireBinary('sipp', 'sip-tester'),
    [
      `${options.target.host}:${options.target.port}`,
      '-sf',
      scenario,
      '-inf',
      injection,
      '-s',
      options.did,
      '-i',
      options.bindIp,
      '-p',
      String(localPort),
      '-m',
      String(options.callers.length),
      '-r',
      String(options.callsPerSecond),
      '-rp',
      '1000',
      '-l',
      String(options.maxConcurrent),
      '-nostdin',
      '-aa',
      '-trace_err',
      '-error_file',
      errors,
      '-trace_screen',
      '-screen_file',
      screen,
    ],
    { stdio: 'ignore' },
  );
  const pid = child.pid;
  if (pid === undefined) throw new InboundLoadError('sipp could not be started');
  const unregister = onProcessExit(() => killNow(pid));
  const done = new Promise<InboundLoadResult>((resolve) => {
    const finish = (code: number | null): void => {
      unregister();
      resolve({
        exitCode: code,
        summary: callCounters(logTail(screen, 200)) || logTail(errors, 5),
      });
    };
    child.once('exit', finish);
    child.once('error', () => finish(null));
  });
  return {
    pid,
    done,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) await terminate(pid, 3_000);
      await done;
    },
  };
}
