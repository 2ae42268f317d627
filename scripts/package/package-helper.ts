import { parseArgs } from 'node:util';
import { buildExecutables } from './build-executables';
import { nodeBinaryCacheDir } from './node-binary-cache';
import { PackageError } from './package-error';
import { HELPER_DIST, PROJECT_ROOT, projectVersion } from './project-paths';
import { printSizes } from './print-sizes';
import { TARGETS, targetById } from './targets';

/**
 * `npm run package:helper [-- --target linux-x64 ...]`: the single-file helper executables
 * (all four targets by default) in dist/helper, with SHA256SUMS.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { target: { type: 'string', multiple: true } },
    strict: true,
  });
  const targets = values.target?.map(targetById) ?? TARGETS;
  const started = performance.now();
  const built = await buildExecutables({
    root: PROJECT_ROOT,
    outDir: HELPER_DIST,
    targets,
    cacheDir: nodeBinaryCacheDir(),
    helperVersion: projectVersion(),
    log: (line) => console.log(line),
  });
  printSizes(
    built.map((executable) => ({ name: executable.target.output, bytes: executable.bytes })),
  );
  console.log(
    `built ${built.length} executable(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof PackageError ? error.message : error);
  process.exitCode = 1;
});
