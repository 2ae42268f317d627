import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVE_PID_FILE_NAME } from '../../../../helper/cli/commands/serve-command';
import { COMMANDS } from '../../../../helper/cli/parse-command-line';
import { runCli } from '../../../../helper/cli/run-cli';
import { DEFAULT_CALLBACK_QUERIES } from '../../../../helper/config/callback-queries';
import { DEFAULT_ROUTING_QUERIES } from '../../../../helper/config/routing-queries';
import type { ServeConfig } from '../../../../helper/pbx-service/server/run-serve-command';
import {
  AMI_SECRET,
  DB_PASSWORD,
  tempDir,
  testIo,
  type TempDir,
} from '../../../support/helper/cli/cli-harness';

const TOKEN = 'serve-cli-token-7c1e9b2d4a6f8e0c3b5d';
const JOURNAL_PASSWORD = 'journal-Pa55word';

/** What a server near the PBX holds: no [operator], no [websocket]. */
const SERVER_FILE = `
[database]
host = "db.office.lan"
user = "courier_ro"
password = "${DB_PASSWORD}"
[journal]
enabled = true
password = "${JOURNAL_PASSWORD}"
[server]
agiHost = "127.0.0.1"
agiPort = 4600
agiAllowedPeers = ["10.0.0.5"]
[routing]
clientManager = "SELECT k.code AS ownerCode, '100' AS managerExt FROM clients k WHERE k.phone = ?"
[log]
level = "info"
`;

const CALLBACKS = `
[pbx]
host = "pbx.office.lan"
user = "courier-serve"
secret = "${AMI_SECRET}"
`;

describe('serve command', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir.remove();
  });

  function serve(text: string, env: Record<string, string> = {}, signal?: AbortSignal) {
    const file = dir.write('helper.toml', text);
    const io = testIo(env, signal);
    const seen: { config?: ServeConfig; signal?: AbortSignal; lockHeld?: boolean } = {};
    const code = runCli(['serve', '--config', file], io, {
      runServe: async (config, logger, given) => {
        seen.config = config;
        seen.signal = given;
        seen.lockHeld = existsSync(join(dir.path, SERVE_PID_FILE_NAME));
        logger.info({ config }, 'serve configuration');
        logger.warn({}, `AMI login with ${AMI_SECRET} refused; bearer ${TOKEN} seen`);
      },
    });
    return { io, code, seen, file };
  }

  it('is a command, listed in the usage', async () => {
    expect(COMMANDS).toContain('serve');
    const help = testIo();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^ {2}serve {9}Run the PBX-side service/m);
    for (const argv of [
      ['serve', 'now'],
      ['serve', '--background'],
      ['serve', '--admin-user', 'root'],
      ['serve', '--permit', '10.0.0.1'],
    ]) {
      const io = testIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toContain('Run "courier-helper serve --help" for its options.');
    }
  });

  it('runs the service with [database], [journal], [phone], [server] and its queries', async () => {
    const controller = new AbortController();
    const { io, code, seen } = serve(SERVER_FILE, {}, controller.signal);
    expect(await code).toBe(0);
    expect(seen.signal).toBe(controller.signal);
    expect(seen.lockHeld).toBe(true);
    expect(existsSync(join(dir.path, SERVE_PID_FILE_NAME))).toBe(false);
    const config = seen.config;
    expect(config?.database).toMatchObject({ host: 'db.office.lan', user: 'courier_ro' });
    expect(config?.journal).toMatchObject({ enabled: true, user: 'courier_journal' });
    expect(config?.phone).toEqual({ defaultCountry: 'RU' });
    expect(config?.paths).toEqual({ stateDir: dir.path });
    expect(config?.server).toMatchObject({
      agiHost: '127.0.0.1',
      agiPort: 4600,
      agiAllowedPeers: ['10.0.0.5'],
      httpTokens: [],
    });
    expect(config?.server.routing.clientManager).toContain("'100' AS managerExt");
    expect(config?.server.routing.parcelHolders).toBe(DEFAULT_ROUTING_QUERIES.parcelHolders);
    expect(config?.server.callbacks).toEqual(DEFAULT_CALLBACK_QUERIES);
    expect(io.err()).toContain('PBX-side service starting');
    expect(io.err()).toContain('PBX-side service stopped');
  });

  it('keeps the tokens and passwords out of its log', async () => {
    const text = SERVER_FILE.replace('[server]\n', '[server]\ncompanyNumber = "74951234567"\n');
    const { io, code, seen } = serve(text + CALLBACKS, { COURIER_SERVER_HTTP_TOKENS: TOKEN });
    expect(await code).toBe(0);
    expect(seen.config?.server.httpTokens).toEqual([TOKEN]);
    expect(seen.config?.pbx).toMatchObject({ host: 'pbx.office.lan', secret: AMI_SECRET });
    const log = io.err();
    expect(log).toContain('bearer');
    for (const secret of [TOKEN, AMI_SECRET, DB_PASSWORD, JOURNAL_PASSWORD]) {
      expect(log).not.toContain(secret);
    }
  });

  it('is not stopped by what only the workstation helper reads', async () => {
    const text = `${SERVER_FILE}[websocket]\nport = 80\n[pbx]\nhost = "pbx office"\n`;
    const { code, seen } = serve(text);
    expect(await code).toBe(0);
    expect(seen.config?.server.agiPort).toBe(4600);
  });

  it('lists every problem of what it reads, and the AMI account once tokens are set', async () => {
    const text = SERVER_FILE.replace('host = "db.office.lan"\n', '').replace(
      'agiPort = 4600',
      'agiPort = 0',
    );
    const { io, code, seen } = serve(text, { COURIER_SERVER_HTTP_TOKENS: TOKEN });
    expect(await code).toBe(1);
    expect(seen.config).toBeUndefined();
    const err = io.err();
    expect(err).toContain('Cannot serve: change these first');
    expect(err).toContain('database.host: is required');
    expect(err).toContain('server.agiPort: must be a TCP port from 1 to 65535');
    expect(err).toContain('server.companyNumber: must be the company number callbacks show');
    expect(err).toContain('pbx.host: is required');
    expect(err).toContain('pbx.secret: is required');
    expect(err).toContain('server.httpTokens is set');
    expect(err).not.toContain(TOKEN);
    expect(err).not.toContain(DB_PASSWORD);
    expect(existsSync(join(dir.path, SERVE_PID_FILE_NAME))).toBe(false);
  });

  it('needs a configuration file: serve has no demo mode', async () => {
    const io = testIo({ XDG_CONFIG_HOME: dir.path, APPDATA: dir.path, HOME: dir.path });
    let ran = false;
    const code = await runCli(['serve'], io, {
      runServe: async () => {
        ran = true;
      },
    });
    expect(code).toBe(1);
    expect(ran).toBe(false);
    expect(io.err()).toContain('serve has no demo mode');
    expect(io.err()).toContain('--config');
  });

  it('refuses to start beside another serve of the same state folder', async () => {
    writeFileSync(join(dir.path, SERVE_PID_FILE_NAME), `${process.ppid}\n`);
    const { io, code, seen } = serve(SERVER_FILE);
    expect(await code).toBe(3);
    expect(seen.config).toBeUndefined();
    expect(io.err()).toContain(`PID ${process.ppid}`);
  });

  it('reports a service that stops on an error with exit code 1, scrubbed', async () => {
    const file = dir.write('helper.toml', SERVER_FILE);
    const io = testIo();
    const code = await runCli(['serve', '--config', file], io, {
      runServe: async () => {
        throw new Error(`listen EADDRINUSE; password ${DB_PASSWORD}`);
      },
    });
    expect(code).toBe(1);
    expect(io.err()).toContain('EADDRINUSE');
    expect(io.err()).toContain('PBX-side service stopped on an error');
    expect(io.err()).not.toContain(DB_PASSWORD);
    expect(existsSync(join(dir.path, SERVE_PID_FILE_NAME))).toBe(false);
  });
});
