import { isSea } from 'node:sea';

/**
 * The single-file executable this process runs from, or undefined when it runs from the
 * source tree, where there is no one file the OS could start at logon.
 */
export function packagedExecutable(): string | undefined {
  return isSea() ? process.execPath : undefined;
}

/** The command that starts this same program again with other arguments. */
export function selfCommand(args: readonly string[]): string[] {
  if (isSea()) return [process.execPath, ...args];
  return [process.execPath, ...process.execArgv, process.argv[1] ?? '', ...args];
}
