/** The program's name in usage lines and in the commands it prints. */
export const PROGRAM = 'courier-helper';

/** Environment variables as the process sees them. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface TextOutput {
  write(text: string): unknown;
}

/** Everything a command touches outside itself, so each is testable alone. */
export interface CliIo {
  stdout: TextOutput;
  stderr: TextOutput;
  env: Environment;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/** Process exit codes. */
export const EXIT = { ok: 0, failed: 1, usage: 2, alreadyRunning: 3 } as const;
