/**
 * One argument as the Microsoft C runtime splits a command line (what the helper sees in
 * `process.argv`): quoted when it holds a space, a tab or a quote, with backslashes before a
 * quote (and before the closing quote) doubled.
 */
export function quoteWindowsArgument(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let quoted = '"';
  let backslashes = 0;
  for (const char of arg) {
    if (char === '\\') {
      backslashes += 1;
      continue;
    }
    quoted +=
      char === '"' ? `${'\\'.repeat(backslashes * 2 + 1)}"` : `${'\\'.repeat(backslashes)}${char}`;
    backslashes = 0;
  }
  return `${quoted}${'\\'.repeat(backslashes * 2)}"`;
}

/** A whole command line; the program path comes first and holds no quotes on Windows. */
export function windowsCommandLine(command: readonly string[]): string {
  return command.map(quoteWindowsArgument).join(' ');
}
