import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CommandResult,
  CommandRunner,
} from '../../../../../helper/workstation/install/command-runner';

export interface RecordedCommand {
  file: string;
  args: string[];
}

export interface FakeRunner {
  run: CommandRunner;
  calls: RecordedCommand[];
  /** Command lines as one string each, for readable expectations. */
  lines(): string[];
}

/** Records every command; `answer` decides each result (success by default). */
export function fakeRunner(
  answer: (file: string, args: readonly string[]) => Partial<CommandResult> = () => ({}),
): FakeRunner {
  const calls: RecordedCommand[] = [];
  return {
    calls,
    run: async (file, args) => {
      calls.push({ file, args: [...args] });
      return { code: 0, stdout: '', stderr: '', ...answer(file, args) };
    },
    lines: () => calls.map((call) => [call.file, ...call.args].join(' ')),
  };
}

export interface TempHome {
  path: string;
  remove(): void;
}

export function tempHome(): TempHome {
  const path = mkdtempSync(join(tmpdir(), 'ct-install-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
