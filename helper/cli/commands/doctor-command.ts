import { configSecrets } from '../../log/logger-for-config';
import { createScrubber } from '../../log/scrub';
import { runDoctor } from '../../workstation/doctor/run-doctor';
import type { DoctorOptions } from '../../workstation/doctor/run-doctor';
import { jsonReport, textReport } from '../../workstation/doctor/report';
import { type CliIo, EXIT } from '../../core/cli-io';
import { loadCliConfig } from '../load-cli-config';
import type { CommandLine } from '../parse-command-line';

export type DoctorSeams = Pick<DoctorOptions, 'amiSession' | 'database' | 'migrations'>;

/**
 * `doctor`: each check on stdout as it starts and ends (or, with --json, one document at
 * the end); exit code 1 when any failed. No secret of the configuration is ever printed.
 */
export async function doctorCommand(
  line: CommandLine,
  io: CliIo,
  seams: DoctorSeams = {},
): Promise<number> {
  const loaded = loadCliConfig(line, io);
  const config = loaded.ok ? loaded.config : loaded.partial;
  const scrub = createScrubber(config ? configSecrets(config) : []);
  const report = line.json ? jsonReport(io.stdout, scrub) : textReport(io.stdout, scrub);
  const results = await runDoctor({
    config: loaded,
    progress: report,
    signal: io.signal,
    ...seams,
  });
  report.finish();
  return results.some((result) => result.status === 'fail') ? EXIT.failed : EXIT.ok;
}
