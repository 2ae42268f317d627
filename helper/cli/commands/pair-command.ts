import { formatProblems } from '../../config/config-error';
import { runPairCommand } from '../../workstation/pairing/run-pair-command';
import { type CliIo, EXIT } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import { loadCliConfig } from '../load-cli-config';
import type { CommandLine } from '../parse-command-line';

/**
 * `pair`: a one-time code in the state folder beside the configuration, for the helper of
 * that configuration, which must be running.
 */
export async function pairCommand(line: CommandLine, io: CliIo): Promise<number> {
  const loaded = loadCliConfig(line, io);
  const config = loaded.ok ? loaded.config : loaded.partial;
  if (!config) {
    io.stderr.write(
      `${tr`Cannot pair: the configuration cannot be read:`}\n${formatProblems(loaded.ok ? [] : loaded.problems)}\n`,
    );
    return EXIT.failed;
  }
  try {
    await runPairCommand({
      stateDir: config.paths.stateDir,
      port: config.websocket.port,
      out: io.stdout,
    });
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`${tr`Cannot pair:`} ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}
