import { EXIT, programName } from '../core/cli-io';
import { tr } from '../core/cli-text';
import {
  COMMAND_SPECS,
  COMMANDS,
  GLOBAL_OPTIONS,
  OPTIONS,
  optionHelp,
  type CommandName,
  type OptionName,
} from './command-specs';

const WIDTH = 80;

/** Breaks `text` into lines of at most WIDTH columns, the first after `lead`, the rest indented. */
function wrap(text: string, indent: number, lead = ' '.repeat(indent)): string {
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent);
      empty = true;
    }
    line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** `  --config PATH   text…`: names padded to one column, text wrapped beside them. */
function table(rows: readonly (readonly [string, string])[]): string {
  const column = Math.max(...rows.map(([name]) => name.length)) + 4;
  return rows
    .map(([name, text]) => {
      const lead = `  ${name}`;
      return lead.length + 2 > column
        ? `${lead}\n${wrap(text, column)}`
        : wrap(text, column, lead.padEnd(column));
    })
    .join('\n');
}

function optionName(option: OptionName): string {
  const spec: { type: string; value?: string; short?: string } = OPTIONS[option];
  const long = `--${option}${spec.value ? ` ${spec.value}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

/** The list of commands, the options every command takes and where to read more. */
export function usage(): string {
  const program = programName();
  return [
    `${tr`Usage:`} ${program} <${tr`command`}> [${tr`options`}]`,
    '',
    tr`Commands:`,
    table(COMMANDS.map((name) => [name, COMMAND_SPECS[name].summary()])),
    '',
    tr`Options of every command:`,
    table([...GLOBAL_OPTIONS, 'version' as const].map((o) => [optionName(o), optionHelp(o)])),
    '',
    wrap(
      tr`Run "${program} <command> --help" for the options of a command, an example and its exit codes.`,
      0,
      '',
    ),
    '',
    `${tr`Exit codes:`} ${EXIT.ok} ${tr`done`}, ${EXIT.failed} ${tr`failed`}, ${EXIT.usage} ${tr`bad command line`}, ${EXIT.alreadyRunning} ${tr`already running`}.`,
    '',
  ].join('\n');
}

/** One command's help: what it does, its options, an example and its exit codes. */
export function commandHelp(name: CommandName): string {
  const spec = COMMAND_SPECS[name];
  const program = programName();
  const options = [...spec.options, ...GLOBAL_OPTIONS];
  return [
    `${tr`Usage:`} ${program} ${name} [${tr`options`}]`,
    '',
    wrap(spec.description(), 0, ''),
    '',
    tr`Options:`,
    table(options.map((option) => [optionName(option), optionHelp(option)])),
    '',
    tr`Example:`,
    `  ${program} ${spec.example}`,
    '',
    tr`Exit codes:`,
    table(spec.exitCodes().map(([code, meaning]) => [String(code), meaning])),
    '',
  ].join('\n');
}

/** The command line cannot be understood; the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    problem: string,
    /** The command whose help to show with the error; the global usage otherwise. */
    readonly command?: CommandName,
  ) {
    super(problem);
  }
}
