import packageJson from '../../package.json' with { type: 'json' };
import { type CliIo, EXIT, invokedProgramName, programName, setProgramName } from '../core/cli-io';
import { setCliLanguage, systemCliLanguage, tr } from '../core/cli-text';
import type { InstallSeams } from '../workstation/install/install-context';
import type { DoctorSeams } from './commands/doctor-command';
import type { MigrateSeams } from './commands/migrate-command';
import { runCommand, type RunHelper } from './commands/run-command';
import type { RunServe } from './commands/serve-command';
import { languageOption, parseCommandLine, type CommandLine } from './parse-command-line';
import { commandHelp, usage, UsageError } from './usage';

/** Seams for tests; the real helper and services otherwise. */
export interface CliSeams {
  runHelper?: RunHelper;
  doctor?: DoctorSeams;
  migrate?: MigrateSeams;
  install?: InstallSeams;
  runServe?: RunServe;
}

export const VERSION: string = packageJson.version;

/** The language asked with --lang, else the system's; a bad --lang is reported later. */
function chooseLanguage(argv: readonly string[], io: CliIo): void {
  let chosen;
  try {
    chosen = languageOption(argv);
  } catch {
    chosen = undefined;
  }
  setCliLanguage(chosen ?? systemCliLanguage(io.env));
}

/** Runs one command line and resolves with the process exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  seams: CliSeams = {},
): Promise<number> {
  chooseLanguage(argv, io);
  setProgramName(invokedProgramName(io.env));
  let line: CommandLine;
  try {
    line = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const more = error.command
      ? tr`Run "${programName()} ${error.command} --help" for its options.`
      : tr`Run "${programName()} --help" for the commands and options.`;
    io.stderr.write(`${error.message}\n${more}\n`);
    return EXIT.usage;
  }
  switch (line.command) {
    case 'help':
      io.stdout.write(line.topic ? commandHelp(line.topic) : usage());
      return EXIT.ok;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    case 'run':
      return runCommand(line, io, seams.runHelper);
    // Every other command is loaded when it is asked for: `run` is the process that stays in
    // memory on every workstation, and the code of doctor, install, migrate, the PBX-side
    // service and the Node modules they need (child_process, dgram, assert…) would otherwise
    // be evaluated in it and held for the whole working day.
    case 'doctor':
      return (await import('./commands/doctor-command')).doctorCommand(line, io, seams.doctor);
    case 'pair':
      return (await import('./commands/pair-command')).pairCommand(line, io);
    case 'manager-conf':
      return (await import('./commands/manager-conf-command')).managerConfCommand(line, io);
    case 'install':
      return (await import('../workstation/install/install-command')).installCommand(
        line.config,
        io,
        seams.install,
        { serve: line.serve === true },
      );
    case 'uninstall':
      return (await import('../workstation/install/install-command')).uninstallCommand(
        line.config,
        io,
        seams.install,
        { serve: line.serve === true },
      );
    case 'migrate':
      return (await import('./commands/migrate-command')).migrateCommand(line, io, seams.migrate);
    case 'serve':
      return (await import('./commands/serve-command')).serveCommand(line, io, seams.runServe);
  }
}
