import { AmiActionError, AmiLoginError, AmiPermissionError } from '../../ami/errors';
import { AmiClient } from '../../ami/client';
import type { PbxConfig } from '../../config/types';
import type { AmiSessionCheck, DoctorAmiSession } from './ami-session';
import { programName } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import { fail, NO_PROGRESS, ok, skip } from './check-result';
import type { CheckProgress, CheckResult } from './check-result';
import { probeAmiPort } from './ami-reachability';
import './russian';

export type { DoctorAmiSession } from './ami-session';

export type AmiSessionFactory = (pbx: PbxConfig, signal: AbortSignal) => DoctorAmiSession;

export const createAmiSession: AmiSessionFactory = (pbx, signal) =>
  new AmiClient({
    host: pbx.host,
    port: pbx.port,
    username: pbx.user,
    secret: pbx.secret,
    actionTimeoutMs: 5_000,
    // Events on: the event filter check watches what reaches the account.
    eventMask: 'on',
    signal,
  });

interface PrivilegeProbe {
  action: string;
  list: boolean;
  writeClass: string;
  purpose: () => string;
}

/**
 * Actions the helper sends, each tried with arguments the PBX refuses before it
 * does anything (no channel given): "Permission denied" tells a missing class,
 * any other answer proves the account may send the action.
 */
export const PRIVILEGE_PROBES: readonly PrivilegeProbe[] = [
  { action: 'Originate', list: false, writeClass: 'originate', purpose: () => tr`click-to-call` },
  {
    action: 'Hangup',
    list: false,
    writeClass: 'call',
    purpose: () => tr`hang-up from the call card`,
  },
  {
    action: 'BlindTransfer',
    list: false,
    writeClass: 'call',
    purpose: () => tr`blind transfer from the call card`,
  },
  {
    action: 'Atxfer',
    list: false,
    writeClass: 'call',
    purpose: () => tr`attended transfer from the call card`,
  },
  {
    action: 'CoreShowChannels',
    list: true,
    writeClass: 'reporting',
    purpose: () => tr`finding a call's channels, catching up on calls after a reconnect`,
  },
  {
    action: 'QueuePause',
    list: false,
    writeClass: 'agent',
    purpose: () => tr`pausing in queues from the popup`,
  },
];

/**
 * Actions the helper must NOT be able to send, tried the same harmless way: an
 * account that may run CLI commands or use `system` actions could shut the PBX down.
 */
export const FORBIDDEN_PROBES: readonly { action: string; writeClass: string }[] = [
  { action: 'Command', writeClass: 'command' },
  { action: 'Filter', writeClass: 'system' },
];

const PORT_TIMEOUT_MS = 5_000;
const LOGIN_TIMEOUT_MS = 10_000;

/** The check names, in the command-line language. */
const NAMES = {
  reachable: () => tr`AMI reachable`,
  login: () => tr`AMI login`,
  privileges: () => tr`AMI privileges`,
  leastPrivilege: () => tr`AMI least privilege`,
};

function firewallFix(pbx: PbxConfig): string {
  return tr`check pbx.host ("${pbx.host}") and pbx.port (${pbx.port}); on the PBX set enabled=yes and a reachable bindaddr in [general] of manager.conf, and open port ${pbx.port} on the PBX firewall for this workstation`;
}

const tryAgain = (): string => tr`run doctor again once the PBX answers`;

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function privileges(session: DoctorAmiSession): Promise<CheckResult> {
  const missing: PrivilegeProbe[] = [];
  const unsure: string[] = [];
  for (const probe of PRIVILEGE_PROBES) {
    try {
      if (probe.list) await session.actionList(probe.action, {}, { timeoutMs: 5_000 });
      else await session.action(probe.action, {}, { timeoutMs: 5_000 });
    } catch (error) {
      if (error instanceof AmiPermissionError) missing.push(probe);
      else if (!(error instanceof AmiActionError))
        unsure.push(`${probe.action}: ${(error as Error).message}`);
    }
  }
  const tried = PRIVILEGE_PROBES.map((probe) => probe.action).join(', ');
  if (missing.length > 0) {
    const classes = [...new Set(missing.map((probe) => probe.writeClass))].join(',');
    const denied = missing.map((p) => `${p.action} (${p.purpose()})`).join(', ');
    return fail(
      NAMES.privileges(),
      tr`permission denied for ${denied}`,
      tr`add "${classes}" to the write= line of the AMI account in manager.conf and run "manager reload" (${programName()} manager-conf prints the whole account)`,
    );
  }
  if (unsure.length > 0) {
    return fail(NAMES.privileges(), tr`could not check: ${unsure.join('; ')}`, tryAgain());
  }
  return ok(NAMES.privileges(), tr`the account may send ${tried}`);
}

async function leastPrivilege(session: DoctorAmiSession): Promise<CheckResult> {
  const excess: string[] = [];
  for (const probe of FORBIDDEN_PROBES) {
    try {
      await session.action(probe.action, {}, { timeoutMs: 5_000 });
      excess.push(probe.writeClass);
    } catch (error) {
      if (error instanceof AmiPermissionError) continue;
      if (error instanceof AmiActionError) excess.push(probe.writeClass);
      else
        return fail(
          NAMES.leastPrivilege(),
          tr`could not check: ${(error as Error).message}`,
          tryAgain(),
        );
    }
  }
  if (excess.length === 0) {
    return ok(NAMES.leastPrivilege(), tr`the account has no command or system rights`);
  }
  return fail(
    NAMES.leastPrivilege(),
    tr`the account may also use the "${excess.join('", "')}" write class, so whoever holds this workstation could run PBX commands or shut it down`,
    tr`remove ${excess.join(', ')} (and "all") from the write= line of the account in manager.conf; ${programName()} manager-conf prints the least-privilege account`,
  );
}

function loginFailure(pbx: PbxConfig, error: unknown): CheckResult {
  const refused = error instanceof AmiLoginError;
  return fail(
    NAMES.login(),
    refused
      ? tr`the PBX refused the login as "${pbx.user}"`
      : tr`login failed: ${(error as Error).message}`,
    refused
      ? tr`check pbx.user/pbx.secret (or COURIER_PBX_SECRET) against the account in manager.conf or manager_custom.conf, and that its permit= admits this workstation's address`
      : firewallFix(pbx),
  );
}

function needsLogin(after: readonly AmiSessionCheck[]): CheckResult[] {
  const reason = tr`needs a login`;
  return [
    skip(NAMES.privileges(), reason),
    skip(NAMES.leastPrivilege(), reason),
    ...after.flatMap((check) => check.names().map((name) => skip(name, reason))),
  ];
}

/**
 * TCP reachability, login, and the write privileges the helper needs, and no more; then
 * `after`, the other sections' checks that need the same session. Each check is told to
 * `progress` as it starts and ends.
 */
export async function checkAmi(
  pbx: PbxConfig,
  signal: AbortSignal,
  factory: AmiSessionFactory = createAmiSession,
  after: readonly AmiSessionCheck[] = [],
  progress: CheckProgress = NO_PROGRESS,
): Promise<CheckResult[]> {
  const where = `${pbx.host}:${pbx.port}`;
  const results: CheckResult[] = [];
  const end = (...ended: CheckResult[]): CheckResult[] => {
    for (const result of ended) results.push(progress.end(result));
    return results;
  };
  progress.start(NAMES.reachable());
  const port = await probeAmiPort(pbx.host, pbx.port, PORT_TIMEOUT_MS, signal);
  if (!port.reachable) {
    return end(
      fail(NAMES.reachable(), tr`cannot reach AMI at ${where}: ${port.reason}`, firewallFix(pbx)),
      skip(NAMES.login(), tr`needs the AMI port`),
      ...needsLogin(after),
    );
  }
  end(ok(NAMES.reachable(), tr`${where} answers (${port.greeting})`));
  const session = factory(pbx, signal);
  try {
    progress.start(NAMES.login());
    let started: 'started' | 'timeout';
    try {
      started = await withDeadline(
        session.start().then(() => 'started' as const),
        LOGIN_TIMEOUT_MS,
      );
    } catch (error) {
      return end(loginFailure(pbx, error), ...needsLogin(after));
    }
    if (started === 'timeout') {
      return end(
        fail(
          NAMES.login(),
          tr`no login answer from ${where} within ${LOGIN_TIMEOUT_MS} ms`,
          firewallFix(pbx),
        ),
        ...needsLogin(after),
      );
    }
    end(ok(NAMES.login(), tr`logged in as "${pbx.user}"`));
    progress.start(NAMES.privileges());
    end(await privileges(session));
    progress.start(NAMES.leastPrivilege());
    end(await leastPrivilege(session));
    for (const check of after) end(...(await check.run(session, progress)));
    return results;
  } finally {
    await session.close();
  }
}
