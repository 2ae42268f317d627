import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const READY_TEXT = 'PBX-side service listening';

export interface ServeProcessOptions {
  readonly runtime: HelperRuntime;
  /** Holds this instance's configuration, state (lock, spool) and log. */
  readonly workDir: string;
  readonly agiPort: number;
  /** The callback endpoint's port and token; no endpoint without them. */
  readonly http?: { readonly port: number; readonly token: string };
  /** The AMI account callbacks are placed with (needed with `http`). */
  readonly ami?: AmiAccess;
  /** The read-only lookup account. */
  readonly lookups: DatabaseAccess;
  /** The journal's writer account: courier calls, feedback and recent callbacks. */
  readonly journal?: JournalAccess;
  readonly companyNumber: string;
}

export interface ServeProcess extends HelperChild {
  readonly configFile: string;
  readonly logFile: string;
  /** Starts this instance again with the same configuration (after `kill` or `stop`). */
  restart(): Promise<ServeProcess>;
}

function configText(options: ServeProcessOptions): string {
  const { lookups, ami, journal, http } = options;
  return [
    ...(ami ? pbxSection(ami) : []),
    ...databaseSection(lookups),
    ...(journal ? journalSection(journal) : []),
    '[server]',
    'agiHost = "127.0.0.1"',
    `agiPort = ${options.agiPort}`,
    'agiAllowedPeers = ["127.0.0.1"]',
    ...(http
      ? ['httpHost = "127.0.0.1"', `httpPort = ${http.port}`, `httpTokens = ${toml([http.token])}`]
      : []),
    `companyNumber = ${toml(options.companyNumber)}`,
    '[log]',
    'level = "info"',
    '',
  ].join('\n');
}

/**
 * `courier-helper serve` as a process of its own with a configuration file as IT writes it
 * (owner-only), resolved once it listens. It can be killed like a crash and restarted on
 * the same ports, as systemd's Restart=on-failure would.
 */
export async function startServeProcess(options: ServeProcessOptions): Promise<ServeProcess> {
  mkdirSync(options.workDir, { recursive: true, mode: 0o700 });
  const configFile = join(options.workDir, 'serve.toml');
  const logFile = join(options.workDir, 'serve.log');
  writeFileSync(configFile, configText(options), { mode: 0o600 });
  const start = async (): Promise<ServeProcess> => {
    const child = await spawnHelper({
      runtime: options.runtime,
      args: ['serve', '--config', configFile],
      logFile,
      readyText: READY_TEXT,
    });
    return { ...child, configFile, logFile, restart: start };
  };
  return start();
}
