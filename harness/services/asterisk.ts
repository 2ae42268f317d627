import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PBX_IP, SIP_PEERS, TRUNK_IP, type SipPeerName } from '../pbx-plan';
import { RawAmiClient, type AmiAccount } from '../raw-ami';
import { createAmiAccounts, helperAccountsConf, type HarnessAmiAccounts } from './ami-accounts';
import { onProcessExit } from './exit-cleanup';
import type { NetAddress } from './net-address';
import { logTail } from './log-tail';
import { reservePort, type PortReservation } from './port-reservation';
import { MissingDependencyError } from './missing-dependency-error';
import { hasExited, killNow, terminate, waitForExit } from './process-control';
import { renderTemplate } from './render-template';
import { requireBinary } from './require-binary';
import { runCommand } from './run-command';
import { ServiceStartError } from './service-start-error';

/** Where `scripts/setup-test-services.sh` builds the Debian sid root with Asterisk 22. */
export const DEFAULT_ASTERISK_ROOT =
  process.env.CT_ASTERISK_ROOT ?? '/var/cache/courier-telephony/asterisk-sid';
const TEMPLATE_DIR = fileURLToPath(new URL('../asterisk/', import.meta.url));
/** The dialplan the project ships for the PBX; copied as it is, never rendered. */
const SHIPPED_DIALPLAN_DIR = fileURLToPath(new URL('../../docs/asterisk/', import.meta.url));
const ASTERISK_BIN = '/usr/sbin/asterisk';

export interface AsteriskOptions {
  /** Root directory holding Debian sid with Asterisk 22 (see `docs/testing.md`). */
  readonly root?: string;
  readonly templateDir?: string;
  readonly startTimeoutMs?: number;
  /** More per-seat AMI accounts besides 101–103, as a `--seats` list: `2000-2299`. */
  readonly extraSeats?: string;
}

export interface AsteriskService {
  readonly amiHost: string;
  readonly amiPort: number;
  readonly sipHost: string;
  readonly sipPort: number;
  /** Where each sipp peer must listen: the phones' and the far end's static contacts. */
  readonly peers: Readonly<Record<SipPeerName, NetAddress>>;
  /** Source address the inbound trunk's calls must come from. */
  readonly trunkIp: string;
  readonly accounts: HarnessAmiAccounts;
  /** The Asterisk root (chroot directory) on the host. */
  readonly root: string;
  /** This run's directory as Asterisk sees it (inside the root), e.g. `/run/ct-1a2b3c4d`. */
  readonly runDir: string;
  /** The same directory on the host: config in `etc/`, logs in `log/`, recordings in `spool/`. */
  readonly hostRunDir: string;
  /** PID of the running Asterisk; changes after `restart()`. */
  readonly pid: number;
  /** Runs a CLI command (`asterisk -rx`) and returns its output. */
  cli(command: string): Promise<string>;
  /**
   * Sets `[general] disabledevents` of manager.conf (none with an empty list) and reloads
   * the manager: the events Asterisk then never emits to any AMI session.
   */
  disableEvents(events: readonly string[]): Promise<void>;
  /** Stops and starts Asterisk again with the same configuration and ports. */
  restart(): Promise<void>;
  /** Stops Asterisk (`core stop now`, then SIGTERM/SIGKILL) and removes the run directory. */
  stop(): Promise<void>;
}

export class AsteriskCliError extends Error {
  override readonly name = 'AsteriskCliError';
}

interface Layout {
  readonly root: string;
  readonly runDir: string;
  readonly hostRunDir: string;
  readonly config: string;
}

function requireRoot(root: string): void {
  if (!existsSync(join(root, ASTERISK_BIN.slice(1)))) {
    throw new MissingDependencyError(
      `The Asterisk 22 root at ${root}`,
      'Run `bash scripts/setup-test-services.sh` as root to build it with debootstrap ' +
        '(`bash .ci/run` runs it too), or point CT_ASTERISK_ROOT at an existing one.',
    );
  }
}

function writeConfig(
  layout: Layout,
  templateDir: string,
  values: Record<string, string | number>,
): void {
  for (const sub of ['etc', 'run', 'spool', 'log', 'lib/keys', 'cache']) {
    mkdirSync(join(layout.hostRunDir, sub), { recursive: true });
  }
  for (const file of readdirSync(templateDir)) {
    if (!file.endsWith('.conf')) continue;
    const text = readFileSync(join(templateDir, file), 'utf8');
    writeFileSync(join(layout.hostRunDir, 'etc', file), renderTemplate(text, values, file));
  }
  for (const file of readdirSync(SHIPPED_DIALPLAN_DIR)) {
    if (!file.endsWith('.conf')) continue;
    copyFileSync(join(SHIPPED_DIALPLAN_DIR, file), join(layout.hostRunDir, 'etc', file));
  }
}

function logsTail(layout: Layout): string {
  const consoleOutput = logTail(join(layout.hostRunDir, 'log', 'console.log'), 10);
  const messages = logTail(join(layout.hostRunDir, 'log', 'messages.log'), 30);
  return [messages, consoleOutput].filter(Boolean).join('\n--- console ---\n');
}

function launch(chroot: string, layout: Layout): ChildProcess {
  const logFd = openSync(join(layout.hostRunDir, 'log', 'console.log'), 'a');
  try {
    const child = spawn(chroot, [layout.root, ASTERISK_BIN, '-f', '-C', layout.config], {
      stdio: ['ignore', logFd, logFd],
    });
    child.on('error', () => undefined);
    return child;
  } finally {
    closeSync(logFd);
  }
}

async function cli(chroot: string, layout: Layout, command: string): Promise<string> {
  const result = await runCommand(chroot, [
    layout.root,
    ASTERISK_BIN,
    '-C',
    layout.config,
    '-rx',
    command,
  ]);
  if (result.code !== 0) {
    throw new AsteriskCliError(
      `asterisk -rx "${command}" failed (${result.code}): ${result.stderr || result.stdout}; ` +
        'is Asterisk running? Its log is in the run directory under log/',
    );
  }
  return result.stdout;
}

async function waitUntilReady(
  chroot: string,
  layout: Layout,
  child: ChildProcess,
  ami: NetAddress,
  admin: AmiAccount,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'not started';
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new ServiceStartError(
        'Asterisk',
        `asterisk exited (${child.exitCode ?? child.signalCode}) during start-up`,
        logsTail(layout),
      );
    }
    try {
      await cli(chroot, layout, 'core waitfullybooted');
      const endpoints = await cli(chroot, layout, 'pjsip show endpoints');
      const missing = [...SIP_PEERS, 'trunk'].filter(
        (name) => !endpoints.includes(`Endpoint:  ${name}`),
      );
      if (missing.length === 0) {
        const client = await RawAmiClient.connect({ host: ami.host, port: ami.port, ...admin });
        await client.close();
        return;
      }
      lastProblem = `PJSIP endpoints not loaded: ${missing.join(', ')}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await delay(200);
  }
  throw new ServiceStartError(
    'Asterisk',
    `not ready within ${timeoutMs} ms (${lastProblem})`,
    logsTail(layout),
  );
}

async function stopProcess(chroot: string, layout: Layout, child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || hasExited(child)) return;
  try {
    await cli(chroot, layout, 'core stop now');
  } catch {
    // The control socket may be gone already; the signals below still stop it.
  }
  if (await waitForExit(pid, 10_000)) return;
  await terminate(pid, 5_000);
}

interface Ports {
  readonly ami: NetAddress;
  readonly sip: NetAddress;
  readonly peers: Record<SipPeerName, NetAddress>;
  release(): void;
}

async function reservePorts(): Promise<Ports> {
  const held: PortReservation[] = [];
  const release = (): void => held.forEach((reservation) => reservation.release());
  const next = async (): Promise<NetAddress> => {
    const reservation = await reservePort(PBX_IP);
    held.push(reservation);
    return { host: PBX_IP, port: reservation.port };
  };
  try {
    const ami = await next();
    const sip = await next();
    const peers = {} as Record<SipPeerName, NetAddress>;
    for (const name of SIP_PEERS) peers[name] = await next();
    return { ami, sip, peers, release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Runs Asterisk 22 from its Debian sid root in a private run directory, with AMI, SIP and
 * every sipp peer on ports reserved at start, and waits until AMI logs in and the PJSIP
 * endpoints are loaded.
 */
export async function startAsterisk(options: AsteriskOptions = {}): Promise<AsteriskService> {
  const root = options.root ?? DEFAULT_ASTERISK_ROOT;
  requireRoot(root);
  const chroot = requireBinary('chroot', 'coreutils');
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const runDir = `/run/ct-${randomBytes(4).toString('hex')}`;
  const layout: Layout = {
    root,
    runDir,
    hostRunDir: join(root, runDir),
    config: `${runDir}/etc/asterisk.conf`,
  };
  const accounts = createAmiAccounts(options.extraSeats);
  const ports = await reservePorts();
  let child: ChildProcess | undefined;
  const unregister = onProcessExit(() => {
    if (child?.pid !== undefined) killNow(child.pid);
    rmSync(layout.hostRunDir, { recursive: true, force: true });
  });
  const start = async (): Promise<ChildProcess> => {
    const started = launch(chroot, layout);
    child = started;
    try {
      await waitUntilReady(chroot, layout, started, ports.ami, accounts.admin, timeoutMs);
    } catch (error) {
      await stopProcess(chroot, layout, started);
      throw error;
    }
    return started;
  };
  const cleanUp = (): void => {
    rmSync(layout.hostRunDir, { recursive: true, force: true });
    ports.release();
    unregister();
  };

  try {
    writeConfig(layout, options.templateDir ?? TEMPLATE_DIR, {
      RUN_DIR: runDir,
      AMI_PORT: ports.ami.port,
      SIP_PORT: ports.sip.port,
      TRUNK_IP,
      HELPER_ACCOUNTS: helperAccountsConf(accounts),
      ADMIN_SECRET: accounts.admin.secret,
      PORT_101: ports.peers['101'].port,
      PORT_102: ports.peers['102'].port,
      PORT_103: ports.peers['103'].port,
      PORT_FAREND: ports.peers.farend.port,
    });
    let current = await start();
    return {
      amiHost: ports.ami.host,
      amiPort: ports.ami.port,
      sipHost: ports.sip.host,
      sipPort: ports.sip.port,
      peers: ports.peers,
      trunkIp: TRUNK_IP,
      accounts,
      root,
      runDir,
      hostRunDir: layout.hostRunDir,
      get pid() {
        return current.pid ?? -1;
      },
      cli: (command) => cli(chroot, layout, command),
      async disableEvents(events) {
        const file = join(layout.hostRunDir, 'etc', 'manager.conf');
        const text = readFileSync(file, 'utf8').replace(/^disabledevents = .*\n/m, '');
        const line = events.length > 0 ? `disabledevents = ${events.join(',')}\n` : '';
        writeFileSync(file, text.replace(/^\[general\]\n/m, `[general]\n${line}`));
        await cli(chroot, layout, 'manager reload');
      },
      async restart() {
        await stopProcess(chroot, layout, current);
        current = await start();
      },
      async stop() {
        await stopProcess(chroot, layout, current);
        cleanUp();
      },
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}
