import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../../helper/core/cli-io';

export interface TestIo extends CliIo {
  out(): string;
  err(): string;
}

/** Captured stdout/stderr and an environment whose default config folder is `home`. */
export function testIo(
  env: Record<string, string> = {},
  signal = new AbortController().signal,
): TestIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    env,
    signal,
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}

export interface TempDir {
  path: string;
  write(name: string, text: string): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'helper-cli-'));
  return {
    path,
    // Owner-only, as the README installs a configuration that holds secrets.
    write: (name, text) => {
      const file = join(path, name);
      writeFileSync(file, text, { mode: 0o600 });
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export const AMI_SECRET = 'ami-Secret-4711';
export const DB_PASSWORD = 'db-Password-0815';

export function configText(
  overrides: { pbxPort?: number; dbPort?: number; wsPort?: number } = {},
): string {
  return `
[pbx]
host = "127.0.0.1"
port = ${overrides.pbxPort ?? 5038}
user = "courier-101"
secret = "${AMI_SECRET}"
[operator]
extensions = "101,102"
[database]
host = "127.0.0.1"
port = ${overrides.dbPort ?? 3306}
user = "courier_ro"
password = "${DB_PASSWORD}"
[websocket]
port = ${overrides.wsPort ?? 47800}
`;
}
