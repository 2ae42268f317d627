import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleHelper } from '../../harness/helper-bundle';
import { readBuildInfo, writeBuildInfo } from './build-info';
import type { BuiltTargetInfo } from './build-info';
import { fileSha256 } from './file-sha256';
import { injectBlob } from './inject-blob';
import { ensureNodeBinary } from './node-binary-cache';
import { makeSeaBlob } from './sea-blob';
import { sourceFingerprint } from './source-fingerprint';
import { builderNodeFor, TARGETS } from './targets';
import type { ExecutableTarget, NodeRelease } from './targets';

export interface BuildOptions {
  root: string;
  outDir: string;
  targets: readonly ExecutableTarget[];
  cacheDir: string;
  helperVersion: string;
  log: (line: string) => void;
}

export interface BuiltExecutable {
  target: ExecutableTarget;
  file: string;
  bytes: number;
  sha256: string;
}

export const SHA256SUMS_FILE = 'SHA256SUMS';

/** The bundle's name is what stack traces of the executable show. */
const BUNDLE_NAME = 'courier-helper.cjs';

/** postject holds a whole binary in WebAssembly memory; two at once fit the build machine. */
const INJECT_CONCURRENCY = 2;

/** Runs `work` on every item, at most `limit` at a time, keeping the items' order in the result. */
async function withLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** The Windows binary takes postject longest, Linux the least: slowest first keeps both lanes busy. */
const INJECT_ORDER: Readonly<Record<ExecutableTarget['format'], number>> = {
  pe: 0,
  macho: 1,
  elf: 2,
};

/** V8's code cache only helps on the platform that made it: this machine's. */
function usesCodeCache(target: ExecutableTarget): boolean {
  return target.id === 'linux-x64';
}

function spec(release: NodeRelease): string {
  return `${release.package}@${release.version}`;
}

function blobKey(target: ExecutableTarget): string {
  return `${target.node.version}-${usesCodeCache(target) ? 'code-cache' : 'plain'}`;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * Builds single-file executables: one bundle, one preparation blob per embedded node
 * version (made by the Linux node of that version), then the blob injected into each
 * platform's node binary. Writes SHA256SUMS for every executable in the folder and records
 * what each was built from in build-info.json.
 */
export async function buildExecutables(options: BuildOptions): Promise<BuiltExecutable[]> {
  const { outDir, log } = options;
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(outDir, '.build-'));
  try {
    let started = performance.now();
    const fingerprint = sourceFingerprint(options.root);
    const bundle = join(work, BUNDLE_NAME);
    await bundleHelper({ root: options.root, outFile: bundle, version: options.helperVersion });
    log(
      `bundled the helper (${(statSync(bundle).size / 1e6).toFixed(1)} MB) in ${seconds(started)}`,
    );

    started = performance.now();
    const releases = new Map(
      options.targets
        .flatMap((target) => [target.node, builderNodeFor(target.node.version)])
        .map((release) => [spec(release), release]),
    );
    const binaries = new Map<string, string>();
    await Promise.all(
      [...releases].map(async ([key, release]) =>
        binaries.set(key, await ensureNodeBinary(release, options.cacheDir)),
      ),
    );
    log(`node binaries ready in ${seconds(started)} (cache ${options.cacheDir})`);

    started = performance.now();
    const blobs = new Map<string, string>();
    for (const target of options.targets) {
      const key = blobKey(target);
      if (blobs.has(key)) continue;
      await makeSeaBlob({
        builderNode: binaries.get(spec(builderNodeFor(target.node.version))) ?? '',
        workDir: work,
        bundle: BUNDLE_NAME,
        blob: `${key}.blob`,
        configFile: `${key}.sea.json`,
        codeCache: usesCodeCache(target),
      });
      const blob = join(work, `${key}.blob`);
      blobs.set(key, blob);
    }
    log(`made ${blobs.size} preparation blob(s) in ${seconds(started)}`);

    const ordered = [...options.targets].sort(
      (a, b) => INJECT_ORDER[a.format] - INJECT_ORDER[b.format],
    );
    const built = await withLimit(ordered, INJECT_CONCURRENCY, async (target) => {
      const injectStarted = performance.now();
      const file = join(outDir, target.output);
      await injectBlob({
        nodeBinary: binaries.get(spec(target.node)) ?? '',
        blob: blobs.get(blobKey(target)) ?? '',
        output: file,
        format: target.format,
      });
      const result: BuiltExecutable = {
        target,
        file,
        bytes: statSync(file).size,
        sha256: await fileSha256(file),
      };
      log(`built ${target.output} (node ${target.node.version}) in ${seconds(injectStarted)}`);
      return result;
    });

    const info = readBuildInfo(outDir);
    for (const executable of built) {
      const entry: BuiltTargetInfo = {
        file: executable.target.output,
        bytes: executable.bytes,
        sha256: executable.sha256,
        nodeVersion: executable.target.node.version,
        helperVersion: options.helperVersion,
        fingerprint,
      };
      info[executable.target.id] = entry;
    }
    writeBuildInfo(outDir, info);
    writeSha256Sums(outDir, info);
    return TARGETS.flatMap((target) => built.filter((executable) => executable.target === target));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `sha256sum -c SHA256SUMS` checks the executables this folder holds. */
function writeSha256Sums(outDir: string, info: ReturnType<typeof readBuildInfo>): void {
  const lines = TARGETS.map((target) => info[target.id])
    .filter((entry): entry is BuiltTargetInfo => entry !== undefined)
    .filter((entry) => {
      const file = join(outDir, entry.file);
      return existsSync(file) && statSync(file).size === entry.bytes;
    })
    .map((entry) => `${entry.sha256}  ${entry.file}`);
  writeFileSync(join(outDir, SHA256SUMS_FILE), `${lines.join('\n')}\n`);
}
