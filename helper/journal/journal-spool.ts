import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecord } from './entry';
import { JournalSpoolError, SpoolFullError } from './errors';
import { decodeRecord, encodeRecord } from './spool-format';

export const SPOOL_FILE = 'journal.spool.jsonl';
export const REJECTED_FILE = 'journal.rejected.jsonl';
export const RESERVE_FILE = 'journal.reserve';
/** About 500 entries: the calls of a busy day or two, kept on a disk that filled up. */
export const DEFAULT_RESERVE_BYTES = 512 * 1024;
/** The files hold callers' numbers and names: readable by the workstation user only. */
const FILE_MODE = 0o600;
const RESERVE_CHUNK = 64 * 1024;

export interface SpoolOpenResult {
  /** Records waiting from before, in the order they were appended. */
  readonly records: JournalRecord[];
  /** Lines that could not be read back; they were moved to the rejected file. */
  readonly unreadable: number;
}

export interface JournalSpoolOptions {
  /** Space set aside for records when the disk is full; 0 for none. */
  readonly reserveBytes?: number;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The disk (or the user's quota) has no room left. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * Writes all of `data`. A disk that fills up mid-write takes only part of it without an
 * error; the next write then fails with ENOSPC, which is what the caller must see.
 */
async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length;) {
    const { bytesWritten } = await handle.write(data, offset);
    if (bytesWritten === 0) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    offset += bytesWritten;
  }
}

/** Makes a rename or a new file durable; some platforms cannot sync a directory. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows refuses to open directories; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

/**
 * The journal's local append-only file: one JSON line per record, synced to disk before
 * append() resolves, so a record handed over survives a crash or a power cut. The file is
 * emptied only once the database has committed everything in it; replaying records that
 * were committed already is harmless because the journal is keyed by call and extension.
 * Operations are serialized, so callers may overlap them.
 *
 * A full disk does not lose records: beside the spool lies a reserve file, written while
 * there is room, which append() gives up when the disk is full, so the records written
 * meanwhile still reach the disk and survive a restart. The reserve is rebuilt once there
 * is room again. An append that fails is cut back off the file, so no half line stays.
 */
export class JournalSpool {
  readonly path: string;
  readonly rejectedPath: string;
  readonly reservePath: string;
  private readonly reserveBytes: number;
  private handle: FileHandle | undefined;
  private lane: Promise<unknown> = Promise.resolve();
  private reserveInUse = false;

  constructor(
    readonly dir: string,
    options: JournalSpoolOptions = {},
  ) {
    this.path = join(dir, SPOOL_FILE);
    this.rejectedPath = join(dir, REJECTED_FILE);
    this.reservePath = join(dir, RESERVE_FILE);
    this.reserveBytes = options.reserveBytes ?? DEFAULT_RESERVE_BYTES;
  }

  /** True while the disk was found full and the records use the reserve's room. */
  get onReserve(): boolean {
    return this.reserveInUse;
  }

  /** Reads what is waiting and opens the file for appending. */
  open(): Promise<SpoolOpenResult> {
    return this.serial(async () => {
      try {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        const { records, badLines, wholeBytes, torn } = await this.read();
        // A line being written when the process died was never acknowledged: cut it off.
        // Truncating needs no room, which a full disk may not have.
        if (torn) await this.truncateTo(wholeBytes);
        if (badLines.length > 0) await this.setAside(records, badLines);
        this.handle ??= await open(this.path, 'a', FILE_MODE);
        await syncDirectory(this.dir);
        await this.keepReserve();
        return { records, unreadable: badLines.length };
      } catch (error) {
        if (error instanceof JournalSpoolError) throw error;
        throw new JournalSpoolError(this.path, reasonOf(error));
      }
    });
  }

  /** Appends and syncs; on a full disk, gives up the reserve and tries once more. */
  append(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const text = records.map(encodeRecord).join('');
    return this.serial(async () => {
      const handle = this.requireOpen();
      try {
        await this.appendText(handle, text);
      } catch (error) {
        if (!isDiskFull(error) || !(await this.releaseReserve())) throw this.failure(error);
        try {
          await this.appendText(handle, text);
        } catch (retried) {
          throw this.failure(retried);
        }
      }
    });
  }

  /** Empties the file: everything in it is committed. The room it frees rebuilds the reserve. */
  clear(): Promise<void> {
    return this.serial(async () => {
      const handle = this.requireOpen();
      await handle.truncate(0);
      await handle.datasync();
      await this.keepReserve();
    });
  }

  /** Rebuilds the reserve if the disk has room again; true once the reserve is whole. */
  restoreReserve(): Promise<boolean> {
    return this.serial(async () => {
      await this.keepReserve();
      return !this.reserveInUse;
    });
  }

  /** Replaces the file's contents with `records` atomically (drops a committed prefix). */
  rewrite(records: readonly JournalRecord[]): Promise<void> {
    return this.serial(async () => {
      this.requireOpen();
      await this.replace(records);
    });
  }

  /** Keeps records the database refused for good, with the reason, for IT to look at. */
  reject(records: readonly JournalRecord[], reason: string): Promise<void> {
    return this.serial(() =>
      this.appendRejected(
        records.map((record) => JSON.stringify({ reason, at: Date.now(), record })),
      ),
    );
  }

  close(): Promise<void> {
    return this.serial(async () => {
      const handle = this.handle;
      this.handle = undefined;
      await handle?.close();
    });
  }

  private requireOpen(): FileHandle {
    if (this.handle === undefined) {
      throw new JournalSpoolError(this.path, 'the spool is not open; call open() first');
    }
    return this.handle;
  }

  private failure(error: unknown): Error {
    if (isDiskFull(error)) return new SpoolFullError(this.path);
    return error instanceof Error ? error : new Error(String(error));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lane.then(work, work);
    this.lane = run.catch(() => undefined);
    return run;
  }

  /** Writes and syncs `text`; if that fails, cuts what part of it got in back off the file. */
  private async appendText(handle: FileHandle, text: string): Promise<void> {
    const before = (await handle.stat()).size;
    try {
      await writeAll(handle, Buffer.from(text));
      await handle.datasync();
    } catch (error) {
      await handle.truncate(before).catch(() => undefined);
      throw error;
    }
  }

  /** Frees the reserve's room for the records; false when there is none to free. */
  private async releaseReserve(): Promise<boolean> {
    if (this.reserveBytes === 0) return false;
    const size = await stat(this.reservePath).then(
      (info) => info.size,
      () => 0,
    );
    if (size === 0) return false;
    await rm(this.reservePath, { force: true });
    await syncDirectory(this.dir);
    this.reserveInUse = true;
    return true;
  }

  /**
   * Writes the reserve when it is missing or short. On a disk without the room, the partial
   * file is removed again (the room goes back to the records) and the reserve counts as in
   * use until a later try succeeds.
   */
  private async keepReserve(): Promise<void> {
    if (this.reserveBytes === 0) return;
    const size = await stat(this.reservePath).then(
      (info) => info.size,
      () => 0,
    );
    if (size >= this.reserveBytes) {
      this.reserveInUse = false;
      return;
    }
    const building = `${this.reservePath}.tmp`;
    try {
      const out = await open(building, 'w', FILE_MODE);
      try {
        const chunk = Buffer.alloc(RESERVE_CHUNK);
        for (let written = 0; written < this.reserveBytes; written += RESERVE_CHUNK) {
          await writeAll(
            out,
            chunk.subarray(0, Math.min(RESERVE_CHUNK, this.reserveBytes - written)),
          );
        }
        await out.sync();
      } finally {
        await out.close();
      }
      await rename(building, this.reservePath);
      this.reserveInUse = false;
    } catch (error) {
      await rm(building, { force: true }).catch(() => undefined);
      if (!isDiskFull(error)) throw error;
      this.reserveInUse = true;
    }
  }

  private async read(): Promise<{
    records: JournalRecord[];
    badLines: string[];
    wholeBytes: number;
    torn: boolean;
  }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { records: [], badLines: [], wholeBytes: 0, torn: false };
      }
      throw error;
    }
    const lastNewline = text.lastIndexOf('\n');
    const whole = text.slice(0, lastNewline + 1);
    const records: JournalRecord[] = [];
    const badLines: string[] = [];
    for (const line of whole.split('\n')) {
      if (line.trim().length === 0) continue;
      const record = decodeRecord(line);
      if (record === undefined) badLines.push(line);
      else records.push(record);
    }
    return {
      records,
      badLines,
      wholeBytes: Buffer.byteLength(whole),
      torn: whole.length < text.length,
    };
  }

  private async truncateTo(bytes: number): Promise<void> {
    const out = await open(this.path, 'r+');
    try {
      await out.truncate(bytes);
      await out.datasync();
    } finally {
      await out.close();
    }
  }

  /**
   * Moves unreadable lines to the rejected file and rewrites the spool without them. Both
   * need room: on a full disk the lines stay where they are and are skipped again next time.
   */
  private async setAside(records: readonly JournalRecord[], badLines: string[]): Promise<void> {
    try {
      await this.appendRejected(badLines);
      await this.replace(records);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
    }
  }

  private async replace(records: readonly JournalRecord[]): Promise<void> {
    const temporary = `${this.path}.tmp`;
    try {
      const out = await open(temporary, 'w', FILE_MODE);
      try {
        await out.write(records.map(encodeRecord).join(''));
        await out.sync();
      } finally {
        await out.close();
      }
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    const had = this.handle;
    this.handle = undefined;
    await had?.close();
    await rename(temporary, this.path);
    await syncDirectory(this.dir);
    if (had !== undefined) this.handle = await open(this.path, 'a', FILE_MODE);
  }

  private async appendRejected(lines: readonly string[]): Promise<void> {
    const out = await open(this.rejectedPath, 'a', FILE_MODE);
    try {
      await out.write(lines.map((line) => `${line}\n`).join(''));
      await out.sync();
    } finally {
      await out.close();
    }
  }
}
