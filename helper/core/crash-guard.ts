import { EXIT } from './cli-io';

export type CrashKind = 'uncaught exception' | 'unhandled rejection';

/** Writes what crashed; must not throw and must finish before it returns (synchronous log). */
export type CrashReporter = (kind: CrashKind, error: unknown) => void;

export interface CrashGuardOptions {
  /** Where the crash goes until a command sets its own (`reportCrashesTo`). */
  readonly report: CrashReporter;
  /** Ends the process; a seam for tests. */
  readonly exit?: (code: number) => void;
  readonly process?: Pick<NodeJS.Process, 'on' | 'off'>;
}

let reporter: CrashReporter | undefined;

/**
 * Turns an error nothing handled into one report and a clear exit code (EXIT.crashed), so
 * the log says what broke and a supervisor (systemd's Restart=on-failure) starts the
 * program again, instead of Node's default of a bare stack on stderr or, for a rejection,
 * an exit code that says nothing. Returns the uninstaller.
 */
export function guardAgainstCrashes(options: CrashGuardOptions): () => void {
  const target = options.process ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let crashed = false;
  const crash = (kind: CrashKind, error: unknown): void => {
    // A second failure while the first is reported must not start a second report.
    if (crashed) return;
    crashed = true;
    try {
      (reporter ?? options.report)(kind, error);
    } catch {
      options.report(kind, error);
    }
    exit(EXIT.crashed);
  };
  const onException = (error: unknown): void => crash('uncaught exception', error);
  const onRejection = (reason: unknown): void => crash('unhandled rejection', reason);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}

/** While a command runs with its log open, crashes are reported there; returns the undo. */
export function reportCrashesTo(report: CrashReporter): () => void {
  const previous = reporter;
  reporter = report;
  return () => {
    reporter = previous;
  };
}

/** A crash as one line of text, for stderr before any log is open. */
export function describeCrash(kind: CrashKind, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `courier-helper crashed (${kind}); exiting with code ${EXIT.crashed}:\n${detail}\n`;
}
