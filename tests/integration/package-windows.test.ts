import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshExecutable } from '../../scripts/package/fresh-executable';
import { SEA_FUSE, SEA_RESOURCE } from '../../scripts/package/inject-blob';
import { projectVersion } from '../../scripts/package/project-paths';
import { findWine } from '../../scripts/package/wine-runner';
import type { WineSearch } from '../../scripts/package/wine-runner';

const VERSION = projectVersion();
const IMAGE_FILE_MACHINE_AMD64 = 0x8664;
const PE32_PLUS = 0x20b;

/** The facts of a PE file this test relies on. */
function peFacts(exe: Buffer): {
  machine: number;
  magic: number;
  signatureBytes: number;
  gui: boolean;
} {
  const pe = exe.readUInt32LE(0x3c);
  expect(exe.toString('latin1', 0, 2)).toBe('MZ');
  expect(exe.toString('latin1', pe, pe + 4)).toBe('PE\0\0');
  const optional = pe + 24;
  const magic = exe.readUInt16LE(optional);
  // PE32+: the data directories start 112 bytes in; entry 4 is the Authenticode signature.
  const security = optional + 112 + 4 * 8;
  return {
    machine: exe.readUInt16LE(pe + 4),
    magic,
    signatureBytes: exe.readUInt32LE(security + 4),
    gui: exe.readUInt16LE(optional + 68) === 2,
  };
}

let exe: string;
let search: WineSearch;

beforeAll(async () => {
  exe = await freshExecutable('win-x64', { log: (line) => console.log(`package: ${line}`) });
  search = await findWine();
});

describe('the Windows single-file executable', () => {
  it('is an unsigned x64 console program carrying the helper blob behind the flipped fuse', () => {
    const image = readFileSync(exe);
    expect(peFacts(image)).toEqual({
      machine: IMAGE_FILE_MACHINE_AMD64,
      magic: PE32_PLUS,
      signatureBytes: 0,
      gui: false,
    });
    expect(image.includes(`${SEA_FUSE}:1`)).toBe(true);
    expect(image.includes(Buffer.from(SEA_RESOURCE, 'utf16le'))).toBe(true);
    expect(image.includes('Courier helper is already running')).toBe(true);
  });

  it('starts under wine and prints its version', async () => {
    const expected = process.env.CT_EXPECT_WINE === '1';
    const wine = search.wine;
    if (wine === undefined) {
      // Without a wine able to run Node 24 there is nothing to start; CI that installs one
      // sets CT_EXPECT_WINE=1 so that losing it fails here instead of passing quietly.
      expect(
        expected,
        `no usable wine (${search.unusable.join('; ') || 'none installed'}): run ` +
          'bash scripts/package/setup-package-tools.sh --wine',
      ).toBe(false);
      return;
    }
    const result = await wine.run(exe, ['--version']);
    expect(result.stdout.trim(), `${wine.label}: ${result.stderr}`).toBe(VERSION);
    expect(result.code).toBe(0);
  });
});
