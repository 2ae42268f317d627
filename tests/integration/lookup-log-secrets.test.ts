import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helper/cli/run-cli';
import { harnessInfo } from '../support/harness-info';

const WRONG_AMI_SECRET = 'wrong-ami-Secret-314';
const WRONG_DB_PASSWORD = 'wrong-db-Password-271';

interface Credentials {
  amiSecret: string;
  dbPassword: string;
}

/** Lines at warn level or above from one part of the helper (`ami`, `database`). */
function warnedBy(text: string, part: string): boolean {
  return text
    .split('\n')
    .filter(Boolean)
    .some((line) => {
      const entry = JSON.parse(line) as { level?: number; part?: string };
      return entry.part === part && (entry.level ?? 0) >= 40;
    });
}

/** A loopback TCP port nothing listens on right now. */
async function unusedTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the helper's logs", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helper-logs-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs the real helper at trace level until both the PBX and the database
   * parts have logged a warning (or, with good credentials, for a few seconds),
   * and returns everything it wrote to stderr and to its log file.
   */
  async function runHelperOnce(name: string, credentials: Credentials, expectWarnings: boolean) {
    const { mariadb, asterisk } = harnessInfo();
    const logFile = join(dir, `${name}.log`);
    const configFile = join(dir, `${name}.toml`);
    writeFileSync(
      configFile,
      [
        '[pbx]',
        `host = "${asterisk.amiHost}"`,
        `port = ${asterisk.amiPort}`,
        `user = "${asterisk.accounts.helper.username}"`,
        `secret = "${credentials.amiSecret}"`,
        '[operator]',
        'extensions = "101,102"',
        '[database]',
        `host = "${mariadb.host}"`,
        `port = ${mariadb.port}`,
        `user = "${mariadb.readOnly.user}"`,
        `password = "${credentials.dbPassword}"`,
        '[websocket]',
        `port = ${await unusedTcpPort()}`,
        '[log]',
        'level = "trace"',
        `file = '${logFile}'`,
      ].join('\n'),
    );
    const stderr: string[] = [];
    const controller = new AbortController();
    const io = {
      stdout: { write: (text: string) => stderr.push(text) },
      stderr: { write: (text: string) => stderr.push(text) },
      env: {},
      signal: controller.signal,
    };
    const running = runCli(['run', '--config', configFile], io);
    const deadline = Date.now() + 30_000;
    const captured = (): string => stderr.join('');
    if (expectWarnings) {
      while (!(warnedBy(captured(), 'ami') && warnedBy(captured(), 'database'))) {
        if (Date.now() > deadline) throw new Error(`no warnings logged:\n${captured()}`);
        await delay(100);
      }
    } else {
      await delay(3_000);
    }
    controller.abort();
    expect(await running).toBe(0);
    return { stderr: captured(), file: existsSync(logFile) ? readFileSync(logFile, 'utf8') : '' };
  }

  it('hold neither the AMI secret nor the database password, whether logins work or fail', async () => {
    const { mariadb, asterisk } = harnessInfo();
    const good = await runHelperOnce(
      'good',
      { amiSecret: asterisk.accounts.helper.secret, dbPassword: mariadb.readOnly.password },
      false,
    );
    const bad = await runHelperOnce(
      'bad',
      { amiSecret: WRONG_AMI_SECRET, dbPassword: WRONG_DB_PASSWORD },
      true,
    );
    expect(good.file).toContain('helper starting');
    expect(bad.file).toContain('helper starting');
    const everything = [good.stderr, good.file, bad.stderr, bad.file].join('\n');
    for (const secret of [
      asterisk.accounts.helper.secret,
      mariadb.readOnly.password,
      WRONG_AMI_SECRET,
      WRONG_DB_PASSWORD,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
