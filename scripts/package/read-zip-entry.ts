import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { PackageError } from './package-error';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function endOfCentralDirectory(zip: Buffer, file: string): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new PackageError(`${file} is not a zip archive (no end-of-central-directory record).`);
}

/** The names of the files a zip archive holds. */
export function listZipEntries(file: string): string[] {
  return [...centralDirectory(readFileSync(file), file).keys()];
}

function centralDirectory(zip: Buffer, file: string): Map<string, number> {
  const end = endOfCentralDirectory(zip, file);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) {
      throw new PackageError(`${file}: damaged central directory at byte ${at}.`);
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.set(zip.toString('utf8', at + 46, at + 46 + nameLength), at);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One file of a zip archive (stored or deflated, as extension packages are), or undefined. */
export function readZipEntry(file: string, name: string): Buffer | undefined {
  const zip = readFileSync(file);
  const header = centralDirectory(zip, file).get(name);
  if (header === undefined) return undefined;
  const method = zip.readUInt16LE(header + 10);
  const compressedSize = zip.readUInt32LE(header + 20);
  const local = zip.readUInt32LE(header + 42);
  if (zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
    throw new PackageError(`${file}: damaged local header of ${name}.`);
  }
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + compressedSize);
  if (method === STORED) return Buffer.from(data);
  if (method === DEFLATED) return inflateRawSync(data);
  throw new PackageError(
    `${file}: ${name} uses compression method ${method}, not stored or deflate.`,
  );
}
