import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetId } from './targets';

/** What one executable was built from, to tell whether it is still fresh. */
export interface BuiltTargetInfo {
  file: string;
  bytes: number;
  sha256: string;
  nodeVersion: string;
  helperVersion: string;
  fingerprint: string;
}

export type BuildInfo = Partial<Record<TargetId, BuiltTargetInfo>>;

export const BUILD_INFO_FILE = 'build-info.json';

export function readBuildInfo(outDir: string): BuildInfo {
  try {
    return JSON.parse(readFileSync(join(outDir, BUILD_INFO_FILE), 'utf8')) as BuildInfo;
  } catch {
    return {};
  }
}

export function writeBuildInfo(outDir: string, info: BuildInfo): void {
  writeFileSync(join(outDir, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

/** Whether the recorded executable is there, unchanged in size, and built from these sources. */
export function isFresh(
  outDir: string,
  info: BuiltTargetInfo | undefined,
  fingerprint: string,
): boolean {
  if (info === undefined || info.fingerprint !== fingerprint) return false;
  const file = join(outDir, info.file);
  return existsSync(file) && statSync(file).size === info.bytes;
}
