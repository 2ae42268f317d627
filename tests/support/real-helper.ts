import type { AmiAccount } from '../../harness/raw-ami';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHelper } from '../../helper/workstation/app/run';
import { loadConfig } from '../../helper/config/load';
import type {
  HelperConfig,
  DatabaseConfig,
  JournalConfig,
  LinkTemplates,
  OutcomeConfig,
  RecordingConfig,
  TransferConfig,
} from '../../helper/config/types';
import { createLogger } from '../../helper/log/create-logger';
import { configSecrets } from '../../helper/log/logger-for-config';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { harnessInfo } from './harness-info';
import { OUTBOUND_CONTEXT } from '../../harness/pbx-plan';
import { ExtensionClient } from '../../harness/extension/extension-client';
import { freePort } from '../../harness/services/free-port';
import { LogCapture } from './log-capture';
import { TcpProxy } from '../../harness/services/tcp-proxy';

export const COMPANY_CALLER_ID = '74951234500';
export const CABINET = 'https://cabinet.test';

export interface RealHelperOptions {
  extensions?: string[];
  operatorUser?: string;
  /**
   * The AMI account: the office-wide `helper` (the default), or `seat` — the per-seat
   * account of the helper's only extension (courier-101…103), filtered to its channels.
   */
  amiAccount?: 'helper' | 'seat';
  /**
   * `pbx.user` written as this per-seat template (`courier-{ext}`), with the per-seat
   * accounts' secret: the helper names its account from the extension it resolves.
   */
  amiUserTemplate?: string;
  /** Put a cuttable relay between the helper and the AMI port. */
  amiProxy?: boolean;
  /** Put a cuttable relay between the helper and MariaDB. */
  dbProxy?: boolean;
  /** `[journal]` keys written to the file; absent keys keep their defaults. */
  journal?: Partial<JournalConfig>;
  /** `[recording]` keys written to the file. */
  recording?: Partial<RecordingConfig>;
  /** `[transfer]` keys written to the file. */
  transfer?: Partial<TransferConfig>;
  /** `[outcomes]` keys written to the file. */
  outcomes?: Partial<OutcomeConfig>;
  /** Cabinet link templates (`create`: the pages offered for an unknown caller); `https://cabinet.test/…` by default. */
  links?: Partial<LinkTemplates>;
  /** `[database]` keys besides the connection, which the harness decides. */
  database?: Partial<Pick<DatabaseConfig, 'cacheTtlSeconds' | 'prefetch'>>;
}

export interface RealHelper {
  config: HelperConfig;
  port: number;
  logs: LogCapture;
  amiProxy?: TcpProxy;
  dbProxy?: TcpProxy;
  secrets: string[];
  /** A paired client, like the extension after pairing. */
  connect(): Promise<ExtensionClient>;
  stop(): Promise<void>;
}

function amiAccountOf(options: RealHelperOptions): AmiAccount {
  const { accounts } = harnessInfo().asterisk;
  if (options.amiUserTemplate !== undefined) {
    const [seat] = Object.values(accounts.seats);
    if (seat === undefined) throw new Error('the harness has no per-seat accounts');
    return { username: options.amiUserTemplate, secret: seat.secret };
  }
  if (options.amiAccount !== 'seat') return accounts.helper;
  const [extension, ...more] = options.extensions ?? ['101'];
  const seat = extension === undefined ? undefined : accounts.seats[extension];
  if (seat === undefined || more.length > 0 || options.operatorUser !== undefined) {
    throw new Error('a per-seat account serves exactly one of the extensions 101–103');
  }
  return seat;
}

function toml(value: unknown): string {
  return JSON.stringify(value);
}

/** A `[name]` section with the given keys, or nothing when none is given. */
function section(name: string, values: object | undefined): string[] {
  const entries = Object.entries(values ?? {}).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return [];
  return [`[${name}]`, ...entries.map(([key, value]) => `${key} = ${toml(value)}`)];
}

/**
 * Starts the real helper in this process against the harness's Asterisk and
 * MariaDB, configured through a real TOML file as IT would write it.
 */
export async function startRealHelper(options: RealHelperOptions = {}): Promise<RealHelper> {
  const { asterisk, mariadb } = harnessInfo();
  const dir = mkdtempSync(join(tmpdir(), 'ct-helper-'));
  const amiProxy = options.amiProxy
    ? await TcpProxy.start({ host: asterisk.amiHost, port: asterisk.amiPort })
    : undefined;
  const dbProxy = options.dbProxy
    ? await TcpProxy.start({ host: mariadb.host, port: mariadb.port })
    : undefined;
  const port = await freePort();
  const operator = options.operatorUser
    ? `user = ${toml(options.operatorUser)}`
    : `extensions = ${toml((options.extensions ?? ['101']).join(','))}`;
  const account = amiAccountOf(options);
  const file = join(dir, 'helper.toml');
  writeFileSync(
    file,
    [
      '[pbx]',
      `host = ${toml(asterisk.amiHost)}`,
      `port = ${amiProxy?.port ?? asterisk.amiPort}`,
      `user = ${toml(account.username)}`,
      `secret = ${toml(account.secret)}`,
      '[originate]',
      'channel = "PJSIP/{ext}"',
      `context = ${toml(OUTBOUND_CONTEXT)}`,
      `callerId = ${toml(COMPANY_CALLER_ID)}`,
      'ringTimeoutSeconds = 15',
      '[operator]',
      operator,
      '[database]',
      `host = ${toml(mariadb.host)}`,
      `port = ${dbProxy?.port ?? mariadb.port}`,
      `user = ${toml(mariadb.readOnly.user)}`,
      `password = ${toml(mariadb.readOnly.password)}`,
      `database = ${toml(mariadb.database)}`,
      'queryTimeoutMs = 1000',
      `cacheTtlSeconds = ${options.database?.cacheTtlSeconds ?? 1}`,
      ...(options.database?.prefetch === undefined
        ? []
        : [`prefetch = ${String(options.database.prefetch)}`]),
      ...section('links', {
        client: `${CABINET}/clients/{code}`,
        order: `${CABINET}/orders/{code}`,
        courier: `${CABINET}/couriers/{code}`,
        ...options.links,
      }),
      '[websocket]',
      `port = ${port}`,
      '[log]',
      'level = "debug"',
      ...section('journal', options.journal),
      ...section('recording', options.recording),
      ...section('transfer', options.transfer),
      ...section('outcomes', options.outcomes),
      '',
    ].join('\n'),
  );
  const loaded = loadConfig({ file, env: {} });
  if (!loaded.ok) {
    throw new Error(`test config invalid: ${JSON.stringify(loaded.problems)}`);
  }
  const config = loaded.config;
  const logs = new LogCapture();
  const { logger, close } = createLogger({
    level: 'debug',
    file: '',
    secrets: configSecrets(config),
    stream: logs,
  });
  const controller = new AbortController();
  const running = runHelper(config, logger, controller.signal);
  running.catch(() => undefined);
  await waitForListening(logs, running);
  const clients: ExtensionClient[] = [];
  return {
    config,
    port,
    logs,
    amiProxy,
    dbProxy,
    secrets: configSecrets(config),
    async connect() {
      const store = new PairingStore({ stateDir: config.paths.stateDir });
      const { code } = await store.createPairingCode();
      const pairing = await ExtensionClient.open(port);
      const token = await pairing.pair(code);
      await pairing.close();
      const client = await ExtensionClient.open(port);
      await client.hello(token);
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      controller.abort();
      await running.catch(() => undefined);
      await close();
      await amiProxy?.close();
      await dbProxy?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForListening(logs: LogCapture, running: Promise<void>): Promise<void> {
  let failed: unknown;
  running.catch((error: unknown) => (failed = error));
  for (let i = 0; i < 200; i++) {
    if (failed) throw failed;
    if (logs.text().includes('listening for the extension')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`helper did not start:\n${logs.text()}`);
}
