import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { onProcessExit } from './exit-cleanup';
import type { NetAddress } from './net-address';
import { freeUdpPort } from './free-port';
import { logTail } from './log-tail';
import { hasExited, killNow, stopChild } from './process-control';
import { renderTemplate } from './render-template';
import { requireBinary } from './require-binary';
import { ServiceStartError } from './service-start-error';
import { receivedInvites, type SipInvite } from './sip-invite';
import { readSipMessageLog, type LoggedSipMessage } from './sip-message-log';
import { udpBound } from './udp-bound';

const SCENARIO_DIR = fileURLToPath(new URL('../sipp/', import.meta.url));

/**
 * How a phone (or the far end) treats every call it is offered: `answer`; `ring` until
 * cancelled; `busy` (486 at once, without ringing); `decline` (rings, then the operator
 * rejects it: 486 after `answerAfterMs`); `transfer` (answers, then transfers the call with
 * REFER when told to, see `SippUas.transfer`); `cue` (rings until told to answer, see
 * `SippUas.pickUp`).
 */
export type PhoneBehaviour = 'answer' | 'ring' | 'busy' | 'decline' | 'transfer' | 'cue';

export interface SippUasOptions {
  /** Where to listen: the static contact the PBX sends this peer's calls to. */
  readonly listen: NetAddress;
  readonly behaviour: PhoneBehaviour;
  /** `answer`, `transfer`: how long it rings before answering; `decline`: before rejecting. Default 300 ms. */
  readonly answerAfterMs?: number;
  /**
   * `answer`: hang up this long after answering; `transfer`: this long after the REFER was
   * accepted, unless the PBX hangs up first. 0 (default) waits for the other side.
   */
  readonly hangupAfterMs?: number;
  /** Directory for the rendered scenario and sipp's logs. */
  readonly workDir: string;
  /** Prefix of this process's files, e.g. `phone-101`. */
  readonly label: string;
}

export interface SippUas {
  readonly pid: number;
  readonly behaviour: PhoneBehaviour;
  /** Calls offered so far, oldest first. */
  invites(): SipInvite[];
  /** The most recent call offered, if any. */
  lastInvite(): SipInvite | undefined;
  /** Every SIP message exchanged so far. */
  messages(): LoggedSipMessage[];
  /**
   * Resolves with the first call offered after `since` invites (default: the next one), from
   * caller `fromUser` when given. A phone that was not running while the PBX rang it (a queue
   * member, a ring group's other phone) still gets that call's INVITE once it starts: the PBX
   * retransmits an unanswered INVITE for up to 32 s (timer B) after the call is gone, because
   * it may not CANCEL before a provisional response. `fromUser` keeps such a call apart.
   */
  waitForInvite(options?: {
    since?: number;
    fromUser?: string;
    timeoutMs?: number;
  }): Promise<SipInvite>;
  /**
   * `transfer` phones: transfers the call `callId` (default: the last one offered) by sending
   * REFER with this Refer-To value, e.g. `<sip:102@127.0.0.1:5060>`.
   */
  transfer(referTo: string, callId?: string): Promise<void>;
  /** `cue` phones: the operator picks up the call `callId` (default: the last one offered) now. */
  pickUp(callId?: string): Promise<void>;
  /** Stops sipp by PID; calls in progress are dropped without a BYE. */
  stop(): Promise<void>;
}

export interface SippCallOptions {
  /** The PBX's SIP address. */
  readonly target: NetAddress;
  /** Source address; the PBX identifies the trunk by it. */
  readonly bindIp: string;
  /** Caller number (From user). */
  readonly from: string;
  /** Caller display name; defaults to the number, as providers send it. */
  readonly fromName?: string;
  /** Dialled number (request URI user). */
  readonly to: string;
  /** Give up (CANCEL) if unanswered this long; 0 (default) waits for the PBX. */
  readonly ringTimeoutMs?: number;
  /** Hang up this long after the answer; 0 (default) waits for the PBX or `hangup()`. */
  readonly hangupAfterMs?: number;
  readonly workDir: string;
  readonly label: string;
}

export interface SippCallResult {
  readonly exitCode: number | null;
  /** The PBX answered (200 OK to the INVITE). */
  readonly answered: boolean;
  /** Final status the PBX sent for the INVITE (200, 486, 487, ...), null if none. */
  readonly finalStatus: number | null;
}

export interface SippCall {
  readonly pid: number;
  readonly callId: string;
  /** Settles when the call is over and sipp has exited. */
  readonly done: Promise<SippCallResult>;
  /** Every SIP message exchanged so far. */
  messages(): LoggedSipMessage[];
  /** The caller hangs up now (CANCEL while ringing, BYE once answered). */
  hangup(): Promise<SippCallResult>;
  /** Stops sipp by PID without any SIP goodbye. */
  stop(): Promise<void>;
}

export class SippError extends Error {
  override readonly name = 'SippError';
}

const UAS_SCENARIOS: Record<PhoneBehaviour, string> = {
  answer: 'phone-answer.xml',
  ring: 'phone-ring.xml',
  busy: 'phone-busy.xml',
  decline: 'phone-decline.xml',
  transfer: 'phone-transfer.xml',
  cue: 'phone-answer-cue.xml',
};

interface Spawned {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly files: { readonly messages: string; readonly errors: string; readonly screen: string };
  readonly exited: Promise<number | null>;
}

function renderScenario(
  file: string,
  values: Record<string, string | number>,
  workDir: string,
  label: string,
): string {
  const text = renderTemplate(readFileSync(join(SCENARIO_DIR, file), 'utf8'), values, file);
  const path = join(workDir, `${label}.xml`);
  writeFileSync(path, text);
  return path;
}

function spawnSipp(args: readonly string[], workDir: string, label: string): Spawned {
  const sipp = requireBinary('sipp', 'sip-tester');
  const files = {
    messages: join(workDir, `${label}-messages.log`),
    errors: join(workDir, `${label}-errors.log`),
    screen: join(workDir, `${label}-screen.log`),
  };
  const child = spawn(
    sipp,
    [
      ...args,
      '-nostdin',
      '-aa',
      '-trace_msg',
      '-message_file',
      files.messages,
      '-trace_err',
      '-error_file',
      files.errors,
      '-trace_screen',
      '-screen_file',
      files.screen,
    ],
    { stdio: 'ignore' },
  );
  if (child.pid === undefined) throw new SippError(`sipp could not be started for ${label}`);
  const pid = child.pid;
  // Lets the harness find and stop this process even if the test process dies first.
  writeFileSync(join(workDir, `${label}.pid`), String(pid));
  const unregister = onProcessExit(() => killNow(pid));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      unregister();
      resolve(code);
    });
    child.once('error', () => {
      unregister();
      resolve(null);
    });
  });
  return { child, pid, files, exited };
}

/**
 * Sends a MESSAGE carrying `callId` to a sipp process: the scenarios take an in-dialog
 * MESSAGE as the harness's word (hang up now, transfer to the body's Refer-To).
 */
async function sendScenarioMessage(
  to: NetAddress,
  user: string,
  callId: string,
  body = '',
): Promise<void> {
  const request = [
    `MESSAGE sip:${user}@${to.host}:${to.port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-harness-${randomBytes(4).toString('hex')}`,
    `From: <sip:harness@127.0.0.1>;tag=harness`,
    `To: <sip:${user}@${to.host}>`,
    `Call-ID: ${callId}`,
    'CSeq: 1 MESSAGE',
    'Max-Forwards: 70',
    ...(body === '' ? [] : ['Content-Type: text/plain']),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.send(request, to.port, to.host, () => resolve()));
  socket.close();
}

function running(spawned: Spawned): boolean {
  return !hasExited(spawned.child);
}

/** Resolves once sipp holds its UDP port (so the PBX's first INVITE cannot be lost). */
async function waitUntilListening(
  spawned: Spawned,
  listen: NetAddress,
  label: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!running(spawned)) {
      throw new ServiceStartError(
        `sipp (${label})`,
        `exited with ${spawned.child.exitCode}`,
        logTail(spawned.files.errors),
      );
    }
    if (udpBound(listen.host, listen.port)) return;
    if (Date.now() > deadline) {
      throw new ServiceStartError(
        `sipp (${label})`,
        `not listening on ${listen.host}:${listen.port}`,
        '',
      );
    }
    await delay(25);
  }
}

/** Starts sipp as a phone or far end that treats every offered call the same way. */
export async function startSippUas(options: SippUasOptions): Promise<SippUas> {
  mkdirSync(options.workDir, { recursive: true });
  const label = `${options.label}-${randomBytes(3).toString('hex')}`;
  const scenario = renderScenario(
    UAS_SCENARIOS[options.behaviour],
    {
      ANSWER_AFTER_MS: Math.max(1, options.answerAfterMs ?? 300),
      HANGUP_AFTER_MS: options.hangupAfterMs ?? 0,
    },
    options.workDir,
    label,
  );
  const spawned = spawnSipp(
    ['-sf', scenario, '-i', options.listen.host, '-p', String(options.listen.port), '-t', 'u1'],
    options.workDir,
    label,
  );
  try {
    await waitUntilListening(spawned, options.listen, label);
  } catch (error) {
    await stopChild(spawned.child, 2_000);
    throw error;
  }
  const invites = (): SipInvite[] => receivedInvites(readSipMessageLog(spawned.files.messages));
  const cue = async (expected: PhoneBehaviour, callId?: string, body?: string): Promise<void> => {
    if (options.behaviour !== expected) {
      throw new SippError(
        `${options.label} is a "${options.behaviour}" phone; start it as "${expected}"`,
      );
    }
    const id = callId ?? invites().at(-1)?.callId;
    if (id === undefined) throw new SippError(`${options.label} has not been offered a call`);
    await sendScenarioMessage(options.listen, 'phone', id, body);
  };
  return {
    pid: spawned.pid,
    behaviour: options.behaviour,
    invites,
    lastInvite: () => invites().at(-1),
    messages: () => readSipMessageLog(spawned.files.messages),
    async waitForInvite({ since, fromUser, timeoutMs = 20_000 } = {}) {
      const from = since ?? invites().length;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const offered = invites().slice(from);
        const invite = offered.find((i) => fromUser === undefined || i.fromUser === fromUser);
        if (invite) return invite;
        if (Date.now() > deadline) {
          const who = fromUser === undefined ? '' : ` from ${fromUser}`;
          throw new SippError(
            `${options.label} was offered no call${who} within ${timeoutMs} ms (it has seen ` +
              `${invites().length}: ${offered.map((i) => i.fromUser).join(', ') || 'none'}); ` +
              `check the dialplan and its port ${options.listen.port}`,
          );
        }
        await delay(50);
      }
    },
    transfer: (referTo, callId) => cue('transfer', callId, `${referTo}\r\n`),
    pickUp: (callId) => cue('cue', callId),
    async stop() {
      await stopChild(spawned.child, 3_000);
      await spawned.exited;
    },
  };
}

function tagOf(header: string | undefined): string {
  return /;\s*tag=([^;\s]+)/i.exec(header ?? '')?.[1] ?? '';
}

/** A Refer-To value sending the transferred party to `target` at the PBX (a blind transfer). */
export function referTo(target: string, pbx: NetAddress): string {
  return `<sip:${target}@${pbx.host}:${pbx.port}>`;
}

/**
 * The Refer-To value that completes an attended transfer to `target`: the transferring
 * phone's own consultation call `consultation` (answered) is named in `Replaces` — its
 * Call-ID, the PBX's tag (to-tag) and the phone's tag (from-tag) — so the PBX joins the
 * transferred party with whoever the consultation reached.
 */
export function replacesReferTo(consultation: SippCall, target: string, pbx: NetAddress): string {
  const messages = consultation.messages();
  const invite = messages.find((m) => m.direction === 'sent' && m.startLine.startsWith('INVITE '));
  const answer = messages.find(
    (m) =>
      m.direction === 'received' &&
      m.startLine.startsWith('SIP/2.0 200') &&
      /INVITE$/.test(m.headers.cseq ?? ''),
  );
  const callId = invite?.headers['call-id'];
  if (invite === undefined || answer === undefined || callId === undefined) {
    throw new SippError('the consultation call has not been answered yet');
  }
  const replaces = `${callId};to-tag=${tagOf(answer.headers.to)};from-tag=${tagOf(invite.headers.from)}`;
  return `<sip:${target}@${pbx.host}:${pbx.port}?Replaces=${encodeURIComponent(replaces)}>`;
}

function callResult(
  exitCode: number | null,
  messages: readonly LoggedSipMessage[],
): SippCallResult {
  let finalStatus: number | null = null;
  for (const message of messages) {
    if (message.direction !== 'received' || !/INVITE$/.test(message.headers.cseq ?? '')) continue;
    const status = Number(/^SIP\/2\.0 (\d{3})/.exec(message.startLine)?.[1]);
    if (status >= 200) {
      finalStatus = status;
      break;
    }
  }
  return { exitCode, answered: finalStatus === 200, finalStatus };
}

/** Places one call from `from` to `to` through the PBX and follows it to its end. */
export async function placeSippCall(options: SippCallOptions): Promise<SippCall> {
  mkdirSync(options.workDir, { recursive: true });
  const label = `${options.label}-${randomBytes(3).toString('hex')}`;
  for (const [name, value] of [
    ['from', options.from],
    ['to', options.to],
  ] as const) {
    if (!/^\+?[0-9*#]+$/.test(value)) {
      throw new SippError(
        `${name} must be a dialable number (digits, optional leading +), got "${value}"`,
      );
    }
  }
  const scenario = renderScenario(
    'caller.xml',
    {
      CALLER: options.from,
      CALLER_NAME: (options.fromName ?? options.from).replace(/["\\\r\n]/g, ''),
      RING_TIMEOUT_MS: options.ringTimeoutMs ?? 0,
      HANGUP_AFTER_MS: options.hangupAfterMs ?? 0,
    },
    options.workDir,
    label,
  );
  const localPort = await freeUdpPort(options.bindIp);
  const spawned = spawnSipp(
    [
      `${options.target.host}:${options.target.port}`,
      '-sf',
      scenario,
      '-s',
      options.to,
      '-i',
      options.bindIp,
      '-p',
      String(localPort),
      '-m',
      '1',
    ],
    options.workDir,
    label,
  );
  const callId = `1-${spawned.pid}@${options.bindIp}`;
  const done = spawned.exited.then((code) =>
    callResult(code, readSipMessageLog(spawned.files.messages)),
  );
  const stop = async (): Promise<void> => {
    await stopChild(spawned.child, 3_000);
    await spawned.exited;
  };
  return {
    pid: spawned.pid,
    callId,
    done,
    messages: () => readSipMessageLog(spawned.files.messages),
    async hangup() {
      // A MESSAGE before the INVITE left would match no call in sipp and be dropped.
      for (let waited = 0; running(spawned) && waited < 5_000; waited += 25) {
        if (readSipMessageLog(spawned.files.messages).some((m) => m.direction === 'sent')) break;
        await delay(25);
      }
      if (running(spawned)) {
        // The scenario treats an in-dialog MESSAGE as "hang up now".
        await sendScenarioMessage({ host: options.bindIp, port: localPort }, options.from, callId);
      }
      const giveUp = new AbortController();
      const result = await Promise.race([
        done,
        delay(15_000, null, { signal: giveUp.signal }).catch(() => null),
      ]);
      giveUp.abort();
      if (result) return result;
      await stop();
      return done;
    },
    stop,
  };
}
