import { runDoctor } from '../../workstation/doctor/run-doctor';
import type { DoctorOptions } from '../../workstation/doctor/run-doctor';
import type { CliIo } from '../../core/cli-io';
import { loadCliConfig } from '../load-cli-config';
import type { CommandLine } from '../parse-command-line';

export type DoctorSeams = Pick<DoctorOptions, 'amiSession' | 'database'>;

/** `doctor`: one line per check on stdout; exit code 1 when any failed. */
export function doctorCommand(
  line: CommandLine,
  io: CliIo,
  seams: DoctorSeams = {},
): Promise<number> {
  return runDoctor({
    config: loadCliConfig(line, io),
    print: (text) => io.stdout.write(`${text}\n`),
    signal: io.signal,
    ...seams,
  });
}
