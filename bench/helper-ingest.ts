/**
 * (b) AMI ingest: runs `bench/ami-ingest.ts` (a replayed recorded Asterisk event stream, the
 * helper's parser and client next to bare asterisk-manager, in one run) as a child process
 * pinned to one core, echoes its report and picks its medians out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onProcessExit } from '../harness/services/exit-cleanup';
import { killNow } from '../harness/services/process-control';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./ami-ingest.ts', import.meta.url));

export interface IngestFigures {
  /** Events per second of CPU time, medians over the rounds. */
  readonly parser: number;
  readonly client: number;
  readonly asteriskManager: number;
  /** Whether the run was pinned to one core with taskset. */
  readonly pinned: boolean;
}

export class IngestBenchError extends Error {
  override readonly name = 'IngestBenchError';
}

function medianOf(lines: readonly string[], contender: string): number {
  const line = lines.find((l) => l.startsWith(`median ${contender}: `));
  const value = line === undefined ? undefined : /: ([\d,]+) events\/s/.exec(line)?.[1];
  if (value === undefined) {
    throw new IngestBenchError(
      `bench/ami-ingest.ts printed no "median ${contender}" line; run \`npm run bench:ami\` ` +
        'to see its own error',
    );
  }
  return Number(value.replace(/,/g, ''));
}

/** `taskset -c 0` when the machine has it: ami-ingest then does not re-launch itself. */
function command(): { file: string; args: string[]; pinned: boolean } {
  const node = [process.execPath, '--import', 'tsx', SCRIPT, '--no-pin'];
  const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return pinned
    ? { file: 'taskset', args: ['-c', '0', ...node], pinned }
    : { file: node[0] as string, args: node.slice(1), pinned };
}

export async function runIngestBench(log: (line: string) => void): Promise<IngestFigures> {
  const { file, args, pinned } = command();
  const child = spawn(file, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new IngestBenchError(`${file} could not be started`);
  const unregister = onProcessExit(() => killNow(pid));
  const lines: string[] = [];
  const errors: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    log(`  ${line}`);
  });
  createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  const code = await new Promise<number | null>((resolve) => {
    child.once('close', (exitCode) => resolve(exitCode));
    child.once('error', () => resolve(null));
  });
  unregister();
  if (code !== 0) {
    throw new IngestBenchError(
      `bench/ami-ingest.ts exited with ${code}:\n${errors.slice(-10).join('\n')}`,
    );
  }
  return {
    parser: medianOf(lines, 'ours (parser)'),
    client: medianOf(lines, 'ours (client)'),
    asteriskManager: medianOf(lines, 'asterisk-manager'),
    pinned,
  };
}
