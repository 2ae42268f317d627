import { describeCrash, guardAgainstCrashes } from './core/crash-guard';
import { holdYoungGeneration } from './core/young-generation';

/**
 * The helper executable. SIGINT/SIGTERM abort the running command, which shuts
 * down cleanly; a second signal ends the process at once (the handlers are
 * installed once). An error nothing handled is reported (in the command's log once it has
 * one) and ends the process with EXIT.crashed.
 */
function main(): void {
  // Before the command line's code is loaded: see young-generation.ts.
  holdYoungGeneration();
  guardAgainstCrashes({
    report: (kind, error) => process.stderr.write(describeCrash(kind, error)),
  });
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => controller.abort(new Error(`received ${signal}`));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  import('./cli/run-cli')
    .then(({ runCli }) =>
      runCli(process.argv.slice(2), {
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
        signal: controller.signal,
      }),
    )
    .then(
      (code) => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(
          `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exitCode = 1;
      },
    );
}

main();
