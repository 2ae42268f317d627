import { join } from 'node:path';
import { buildExecutables } from './build-executables';
import { isFresh, readBuildInfo } from './build-info';
import { nodeBinaryCacheDir } from './node-binary-cache';
import { HELPER_DIST, PROJECT_ROOT, projectVersion } from './project-paths';
import { sourceFingerprint } from './source-fingerprint';
import { targetById } from './targets';
import type { TargetId } from './targets';

export interface FreshExecutableOptions {
  root?: string;
  outDir?: string;
  log?: (line: string) => void;
}

/**
 * The path of a target's executable built from the current sources: the one in dist/helper
 * when build-info.json says it is, otherwise built now (that target only).
 */
export async function freshExecutable(
  id: TargetId,
  options: FreshExecutableOptions = {},
): Promise<string> {
  const root = options.root ?? PROJECT_ROOT;
  const outDir = options.outDir ?? HELPER_DIST;
  const target = targetById(id);
  const recorded = readBuildInfo(outDir)[id];
  if (isFresh(outDir, recorded, sourceFingerprint(root))) return join(outDir, target.output);
  const [built] = await buildExecutables({
    root,
    outDir,
    targets: [target],
    cacheDir: nodeBinaryCacheDir(),
    helperVersion: projectVersion(root),
    log: options.log ?? (() => undefined),
  });
  return built?.file ?? join(outDir, target.output);
}
