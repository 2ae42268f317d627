import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { DEV_ORIGIN, ExtensionClient } from '../extension/extension-client';
import { reservePort } from '../services/port-reservation';
import { spawnHelper, type HelperChild, type HelperRuntime } from './helper-child';
import {
  databaseSection,
  journalSection,
  pbxSection,
  toml,
  type AmiAccess,
  type DatabaseAccess,
  type JournalAccess,
} from './service-access';

const READY_TEXT = 'listening for the extension';

export interface WorkstationProcessOptions {
  readonly runtime: HelperRuntime;
  readonly ami: AmiAccess;
  readonly database: DatabaseAccess;
  /** `database.prefetch`; the helper's default (true) when absent. */
  readonly prefetch?: boolean;
  readonly extensions: readonly string[];
  /** The journal's writer account and, when not beside the configuration, its spool folder. */
  readonly journal?: JournalAccess;
  /** Holds the configuration file, the helper's state (pairing, spool) and its log. */
  readonly workDir: string;
  readonly logLevel?: 'info' | 'debug';
  readonly startTimeoutMs?: number;
  readonly nodeOptions?: readonly string[];
}

export interface WorkstationProcess extends HelperChild {
  readonly wsPort: number;
  /** Where the helper keeps pairing state: a PairingStore here issues codes it accepts. */
  readonly stateDir: string;
  readonly configFile: string;
  readonly logFile: string;
  /** Starts it again with the same configuration and port (after `kill` or `stop`). */
  restart(): Promise<WorkstationProcess>;
  /** Stops it and frees its port for good. */
  dispose(): Promise<void>;
}

function configText(options: WorkstationProcessOptions, wsPort: number): string {
  const { ami, database, journal } = options;
  return [
    ...pbxSection(ami),
    '[operator]',
    `extensions = ${toml(options.extensions.join(','))}`,
    ...databaseSection(database),
    ...(options.prefetch === undefined ? [] : [`prefetch = ${String(options.prefetch)}`]),
    '[links]',
    'client = "https://cabinet.example/clients/{code}"',
    'order = "https://cabinet.example/orders/{code}"',
    'courier = "https://cabinet.example/couriers/{code}"',
    '[websocket]',
    `port = ${wsPort}`,
    // A packaged executable is a release, which admits the store listings only: IT names
    // the extension, here the development build the harness's client speaks as.
    ...(options.runtime.kind === 'executable' ? [`allowedOrigins = [${toml(DEV_ORIGIN)}]`] : []),
    ...(journal ? journalSection(journal) : []),
    '[log]',
    `level = ${toml(options.logLevel ?? 'info')}`,
    '',
  ].join('\n');
}

/**
 * The workstation helper (`run`) as a child process with a configuration file as IT writes
 * it (owner-only; defaults for everything not given), on a reserved loopback port, resolved
 * once it listens for the extension. Its log (JSON lines) goes to a file. It can be killed
 * like a crash and started again on the same port and state.
 */
export async function startWorkstationProcess(
  options: WorkstationProcessOptions,
): Promise<WorkstationProcess> {
  const stateDir = join(options.workDir, 'helper');
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const configFile = join(stateDir, 'helper.toml');
  const logFile = join(options.workDir, 'helper.log');
  // The helper binds the port itself; the reservation keeps other runs off it until disposed.
  const reservation = await reservePort('127.0.0.1');
  writeFileSync(configFile, configText(options, reservation.port), { mode: 0o600 });
  const start = async (): Promise<WorkstationProcess> => {
    const child = await spawnHelper({
      runtime: options.runtime,
      args: ['run', '--config', configFile],
      logFile,
      readyText: READY_TEXT,
      ...(options.nodeOptions ? { nodeOptions: options.nodeOptions } : {}),
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
    });
    return {
      ...child,
      wsPort: reservation.port,
      stateDir,
      configFile,
      logFile,
      restart: start,
      async dispose() {
        await child.stop();
        reservation.release();
      },
    };
  };
  try {
    return await start();
  } catch (error) {
    reservation.release();
    throw error;
  }
}

/**
 * Pairs with a running helper as the extension does (a code from its pairing store, then the
 * token), and opens a connection that said hello with that token.
 */
export async function pairWithWorkstation(
  helper: Pick<WorkstationProcess, 'stateDir' | 'wsPort'>,
): Promise<{ token: string; client: ExtensionClient }> {
  const { code } = await new PairingStore({ stateDir: helper.stateDir }).createPairingCode();
  const pairing = await ExtensionClient.open(helper.wsPort);
  const token = await pairing.pair(code);
  await pairing.close();
  const client = await ExtensionClient.open(helper.wsPort);
  await client.hello(token);
  return { token, client };
}
