import { execFile } from 'node:child_process';

export interface CommandResult {
  /** The exit code; 127 when the command does not exist. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an OS tool (systemctl, launchctl, reg) to completion; a seam for tests. */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<CommandResult>;

const TIMEOUT_MS = 30_000;

/** The real runner: never rejects; a missing tool comes back as code 127 with a message. */
export const execCommandRunner: CommandRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: TIMEOUT_MS, windowsHide: true },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ code: 0, stdout, stderr });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return resolve({ code: 127, stdout, stderr: `${file}: not found` });
        resolve({
          code: typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr: stderr || error.message,
        });
      },
    );
  });

/** The first non-empty line of a tool's complaint, for one-line messages. */
export function firstLine(result: CommandResult): string {
  const text = `${result.stderr}\n${result.stdout}`;
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? `exit code ${result.code}`
  );
}
