import { win32 } from 'node:path';
import { isSea } from 'node:sea';

/** How the program is called in the commands it prints, until the CLI says how it was started. */
let program = 'courier-helper';

/** The program's name in usage lines and in the commands it prints. */
export function programName(): string {
  return program;
}

export function setProgramName(name: string): void {
  program = name;
}

/**
 * The name to type to run this program again: the packaged executable's own file name
 * (`courier-helper`, `courier-helper-win-x64`), `npm run helper --` from the source tree.
 */
export function invokedProgramName(
  env: Environment,
  packaged: string | undefined = isSea() ? process.execPath : undefined,
): string {
  // win32.basename splits at both separators, so any platform's path reads right.
  if (packaged !== undefined) return win32.basename(packaged).replace(/\.exe$/i, '');
  return env.npm_lifecycle_event === 'helper' ? 'npm run helper --' : 'courier-helper';
}

/** Environment variables as the process sees them. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface TextOutput {
  write(text: string): unknown;
  /** A terminal, where a line can be replaced in place. */
  readonly isTTY?: boolean;
}

/** Everything a command touches outside itself, so each is testable alone. */
export interface CliIo {
  stdout: TextOutput;
  stderr: TextOutput;
  env: Environment;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/**
 * Process exit codes. `crashed` (sysexits' EX_SOFTWARE) is an error no code path handled: a
 * bug, logged with its stack; a supervisor restarts the program.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, alreadyRunning: 3, crashed: 70 } as const;
