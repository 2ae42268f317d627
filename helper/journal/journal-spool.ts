import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalRecord } from './entry';
import { JournalSpoolError } from './errors';
import { decodeRecord, encodeRecord } from './spool-format';

export const SPOOL_FILE = 'journal.spool.jsonl';
export const REJECTED_FILE = 'journal.rejected.jsonl';
/** The files hold callers' numbers and names: readable by the workstation user only. */
const FILE_MODE = 0o600;

export interface SpoolOpenResult {
  /** Records waiting from before, in the order they were appended. */
  readonly records: JournalRecord[];
  /** Lines that could not be read back; they were moved to the rejected file. */
  readonly unreadable: number;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
 */
export class JournalSpool {
  readonly path: string;
  readonly rejectedPath: string;
  private handle: FileHandle | undefined;
  private lane: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {
    this.path = join(dir, SPOOL_FILE);
    this.rejectedPath = join(dir, REJECTED_FILE);
  }

  /** Reads what is waiting and opens the file for appending. */
  open(): Promise<SpoolOpenResult> {
    return this.serial(async () => {
      try {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        const { records, badLines, torn } = await this.read();
        if (badLines.length > 0) await this.appendRejected(badLines);
        if (badLines.length > 0 || torn) await this.replace(records);
        this.handle ??= await open(this.path, 'a', FILE_MODE);
        await syncDirectory(this.dir);
        return { records, unreadable: badLines.length };
      } catch (error) {
        if (error instanceof JournalSpoolError) throw error;
        throw new JournalSpoolError(this.path, reasonOf(error));
      }
    });
  }

  append(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.serial(async () => {
      const handle = this.requireOpen();
      await handle.write(records.map(encodeRecord).join(''));
      await handle.datasync();
    });
  }

  /** Empties the file: everything in it is committed. */
  clear(): Promise<void> {
    return this.serial(async () => {
      const handle = this.requireOpen();
      await handle.truncate(0);
      await handle.datasync();
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

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lane.then(work, work);
    this.lane = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<{ records: JournalRecord[]; badLines: string[]; torn: boolean }> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { records: [], badLines: [], torn: false };
      }
      throw error;
    }
    const lastNewline = text.lastIndexOf('\n');
    // A line without its newline was being written when the process died: never acknowledged.
    const torn = lastNewline !== text.length - 1 && text.length > 0;
    const records: JournalRecord[] = [];
    const badLines: string[] = [];
    for (const line of text.slice(0, lastNewline + 1).split('\n')) {
      if (line.trim().length === 0) continue;
      const record = decodeRecord(line);
      if (record === undefined) badLines.push(line);
      else records.push(record);
    }
    return { records, badLines, torn };
  }

  private async replace(records: readonly JournalRecord[]): Promise<void> {
    const temporary = `${this.path}.tmp`;
    const out = await open(temporary, 'w', FILE_MODE);
    try {
      await out.write(records.map(encodeRecord).join(''));
      await out.sync();
    } finally {
      await out.close();
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
