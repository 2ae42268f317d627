import { execFile } from 'node:child_process';
import { PackageError } from './package-error';

export interface ToolOptions {
  /** Debian package that provides the tool, named when it is missing. */
  aptPackage?: string;
  cwd?: string;
  timeoutMs?: number;
}

/**
 * Runs a build tool to completion and resolves with its stdout; a missing tool or a failure
 * rejects with a PackageError that quotes the tool's own complaint.
 */
export function runTool(
  file: string,
  args: readonly string[],
  options: ToolOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          const hint = options.aptPackage
            ? `install it: apt-get install -y ${options.aptPackage} (or run bash scripts/package/setup-package-tools.sh)`
            : 'put it on PATH';
          return reject(new PackageError(`${file} is not installed: ${hint}.`));
        }
        const output = `${stderr}\n${stdout}`.trim().split('\n').slice(-15).join('\n');
        reject(
          new PackageError(
            `${file} ${args.join(' ')} failed (${error.message.split('\n')[0]}):\n${output}`,
          ),
        );
      },
    );
  });
}
