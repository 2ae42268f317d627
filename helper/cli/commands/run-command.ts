import type { Logger } from 'pino';
import { ConfigError } from '../../config/config-error';
import { describeExposure, exposedSecretFiles } from '../../config/secret-files';
import type { HelperConfig } from '../../config/types';
import { startInBackground } from '../../workstation/install/start-in-background';
import { pidFileFor } from '../../core/pid-lock';
import { type CliIo, EXIT } from '../../core/cli-io';
import { loadCliConfig } from '../load-cli-config';
import { runLocked } from '../run-locked';
import type { CommandLine } from '../parse-command-line';

export type RunHelper = (
  config: HelperConfig,
  logger: Logger,
  signal: AbortSignal,
) => Promise<void>;

/**
 * Loaded only by `run`, so the other commands start without the whole helper; the memory
 * settings of a long-running helper come first, before its code is loaded.
 */
async function defaultRunHelper(): Promise<RunHelper> {
  const { keepIdleFootprintSmall } = await import('../../workstation/app/idle-footprint');
  keepIdleFootprintSmall();
  const { runHelper } = await import('../../workstation/app/run');
  return runHelper;
}

/**
 * `run`: validates the configuration, takes the single-instance lock of its state folder,
 * then serves until SIGINT/SIGTERM.
 */
export async function runCommand(
  line: CommandLine,
  io: CliIo,
  runHelper?: RunHelper,
): Promise<number> {
  const loaded = loadCliConfig(line, io);
  if (!loaded.ok) {
    io.stderr.write(`${new ConfigError(loaded.problems, loaded.file).message}\n`);
    return EXIT.failed;
  }
  const { config, warnings } = loaded;
  if (line.background) {
    return startInBackground({
      runArgs: line.config !== undefined ? ['--config', line.config] : [],
      stateDir: config.paths.stateDir,
      logFile: config.log.file,
      io,
    });
  }
  return runLocked(
    { config, lockFile: pidFileFor(config.paths.stateDir), name: 'helper' },
    io,
    async (logger) => {
      for (const warning of warnings)
        logger.warn({ variable: warning.key }, `${warning.message}: ${warning.fix}`);
      for (const exposure of exposedSecretFiles(loaded)) {
        logger.warn({ file: exposure.file }, `${describeExposure(exposure)}: run ${exposure.fix}`);
      }
      if (config.paths.file === null) {
        logger.info(
          { stateDir: config.paths.stateDir },
          'no configuration file found: starting in demo mode (run "doctor" to see where it is looked for)',
        );
      }
      logger.info({ mode: config.mode, file: config.paths.file }, 'helper starting');
      const start = runHelper ?? (await defaultRunHelper());
      await start(config, logger, io.signal);
    },
  );
}
