import { execFile } from 'node:child_process';

export interface StartTiming {
  medianMs: number;
  runsMs: number[];
  output: string;
}

function once(file: string, args: readonly string[]): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error)
        return reject(new Error(`${file} ${args.join(' ')} failed: ${stderr || error.message}`));
      resolve({ ms: performance.now() - started, output: stdout.trim() });
    });
  });
}

/** Wall time of a command, run `runs` times one after another; the median is the figure. */
export async function measureStart(
  file: string,
  args: readonly string[],
  runs = 5,
): Promise<StartTiming> {
  const runsMs: number[] = [];
  let output = '';
  for (let run = 0; run < runs; run++) {
    const result = await once(file, args);
    runsMs.push(result.ms);
    output = result.output;
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runsMs, output };
}
