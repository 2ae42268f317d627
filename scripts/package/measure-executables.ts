import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBuildInfo } from './build-info';
import { measureStart } from './measure-start';
import { formatSize } from './print-sizes';
import { HELPER_DIST, projectVersion } from './project-paths';
import { TARGETS } from './targets';
import { findWine } from './wine-runner';

const RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Sizes and `--version` start times of the executables in dist/helper: Linux natively,
 * Windows under wine when a usable one is installed, macOS not at all (no Mac here).
 * Medians of five runs; the Linux start time is the headline, printed last.
 */
async function main(): Promise<void> {
  const version = projectVersion();
  const info = readBuildInfo(HELPER_DIST);
  const wine = (await findWine()).wine;
  let linuxMedian: number | undefined;
  for (const target of TARGETS) {
    const file = join(HELPER_DIST, target.output);
    if (!existsSync(file)) {
      console.log(`${target.output}: not built (npm run package:helper -- --target ${target.id})`);
      continue;
    }
    const size = formatSize(statSync(file).size);
    const node = info[target.id]?.nodeVersion ?? '?';
    let start = 'not measured here (needs a Mac)';
    if (target.id === 'linux-x64') {
      const timing = await measureStart(file, ['--version'], RUNS);
      if (timing.output !== version) throw new Error(`${file} printed ${timing.output}`);
      linuxMedian = timing.medianMs;
      start = `--version median ${timing.medianMs.toFixed(0)} ms (runs ${timing.runsMs.map((ms) => ms.toFixed(0)).join(', ')})`;
    } else if (target.id === 'win-x64') {
      start =
        wine === undefined
          ? 'not measured (no wine 9+; bash scripts/package/setup-package-tools.sh --wine)'
          : await wine
              .timeRuns(file, ['--version'], RUNS)
              .then(
                (runs) =>
                  `--version under ${wine.label}: median ${median(runs).toFixed(0)} ms (runs ${runs.map((ms) => ms.toFixed(0)).join(', ')})`,
              );
    }
    console.log(`${target.output}: ${size}, node ${node}, ${start}`);
  }
  if (linuxMedian !== undefined) {
    console.log(`linux-x64-version-start ${linuxMedian.toFixed(0)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
