import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildExecutables } from './build-executables';
import { checkExtensionZips } from './check-extension-zips';
import { measureStart } from './measure-start';
import { nodeBinaryCacheDir } from './node-binary-cache';
import { PackageError } from './package-error';
import { formatSize, printSizes } from './print-sizes';
import { HELPER_DIST, PROJECT_ROOT, projectVersion } from './project-paths';
import { runNpmZip } from './run-npm-zip';
import { TARGETS } from './targets';

/**
 * `npm run package`: the extension's store zips, each zip's manifest checked, then the four
 * helper executables; prints every size and the Linux executable's start time.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const version = projectVersion();
  // WXT's Firefox sources zip takes the whole project folder: last run's executables
  // (hundreds of MB) would end up in it, so they go first and are rebuilt after the zips.
  for (const target of TARGETS) rmSync(join(HELPER_DIST, target.output), { force: true });
  await runNpmZip(PROJECT_ROOT);
  const zips = checkExtensionZips(join(PROJECT_ROOT, '.output'), version);
  for (const zip of zips) {
    for (const warning of zip.warnings) console.log(`warning: ${basename(zip.file)}: ${warning}`);
  }
  const problems = zips.flatMap((zip) =>
    zip.problems.map((problem) => `${basename(zip.file)}: ${problem}`),
  );
  if (problems.length > 0) {
    throw new PackageError(`The extension zips are not store-ready:\n  ${problems.join('\n  ')}`);
  }

  const executablesStarted = performance.now();
  const built = await buildExecutables({
    root: PROJECT_ROOT,
    outDir: HELPER_DIST,
    targets: TARGETS,
    cacheDir: nodeBinaryCacheDir(),
    helperVersion: version,
    log: (line) => console.log(line),
  });
  const executablesSeconds = (performance.now() - executablesStarted) / 1000;

  console.log(`\nhelper ${version}, executables in ${HELPER_DIST} (with SHA256SUMS):`);
  printSizes(
    built.map((executable) => ({ name: executable.target.output, bytes: executable.bytes })),
  );
  console.log('extension zips in .output (manifests checked):');
  printSizes(
    zips.map((zip) => ({
      name: `${basename(zip.file)} (MV${zip.manifestVersion})`,
      bytes: zip.bytes,
    })),
  );
  const linux = built.find((executable) => executable.target.id === 'linux-x64');
  if (linux !== undefined) {
    const timing = await measureStart(linux.file, ['--version']);
    if (timing.output !== version) {
      throw new PackageError(`${linux.file} --version printed "${timing.output}", not ${version}.`);
    }
    console.log(
      `${basename(linux.file)} --version: median ${timing.medianMs.toFixed(0)} ms of ${timing.runsMs.length} runs`,
    );
  }
  const total = built.reduce((sum, executable) => sum + executable.bytes, 0);
  console.log(
    `packaged in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(executables ${executablesSeconds.toFixed(1)} s, ${formatSize(total)} in all)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof PackageError ? error.message : error);
  process.exitCode = 1;
});
