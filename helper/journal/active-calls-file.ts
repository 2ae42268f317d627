import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { CallOutcome, CallView } from '../../shared/protocol';
import { entryKey, type RecordingRef } from './entry';

/** A call in progress as last seen, kept on disk so a restart can finish its journal entry. */
export interface SavedCall {
  readonly view: CallView;
  readonly recording?: RecordingRef;
  /** What the operator noted while the call went on, for its entry. */
  readonly outcome?: CallOutcome;
  /** The earliest start and answer times seen, this run or before a restart. */
  readonly earlier: { readonly startedAt: number; readonly answeredAt?: number };
  /** Saved by an earlier run and not seen again in this one yet. */
  readonly restored: boolean;
}

const FileSchema = v.object({
  v: v.literal(1),
  calls: v.array(
    v.object({
      view: CallView,
      recording: v.optional(
        v.object({ file: v.optional(v.string()), url: v.optional(v.string()) }),
      ),
      earlier: v.object({ startedAt: v.number(), answeredAt: v.optional(v.number()) }),
      outcome: v.optional(CallOutcome),
    }),
  ),
});

const knowsNumber = (view: CallView): boolean =>
  view.remote.e164 !== undefined || view.remote.dbKey !== undefined;

/**
 * The latest view of a call with what an earlier view of it knew and the latest lacks,
 * after a helper restart in the middle of the call:
 * - the other party: the resynced channel of the operator's phone in a click-to-call no
 *   longer says whom it is calling (only the killed run's originate did), and the journal
 *   should still name the number dialled;
 * - a transfer asked from the card: the run after the restart never heard of it.
 */
export function withEarlierKnowledge(view: CallView, before: CallView | undefined): CallView {
  if (!before) return view;
  const party =
    knowsNumber(view) || !knowsNumber(before)
      ? {}
      : {
          remote: before.remote,
          origin: before.origin,
          direction: before.direction,
          identity: before.identity,
          lookup: before.lookup,
        };
  const transfer =
    view.transfer === undefined && before.transfer ? { transfer: before.transfer } : {};
  return { ...view, ...party, ...transfer };
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/**
 * The calls in progress, mirrored to a small JSON file (replaced atomically on every
 * change). If the helper is killed mid-call, the next run reads it back: a call still going
 * on keeps its real start and answer times, and a call that ended meanwhile still gets its
 * journal entry.
 */
export class ActiveCallsFile {
  private readonly calls = new Map<string, SavedCall>();
  private writing: Promise<void> | undefined;
  private dirty = false;
  /** Why the latest write failed; undefined once one succeeded. */
  private writeError: unknown;

  constructor(
    readonly path: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Reads what an earlier run saved; a missing or unreadable file means nothing was. */
  async load(): Promise<number> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.onError(error);
      return 0;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.onError(error);
      return 0;
    }
    const result = v.safeParse(FileSchema, parsed);
    if (!result.success) return 0;
    for (const saved of result.output.calls) {
      this.calls.set(entryKey(saved.view), { ...saved, restored: true });
    }
    return result.output.calls.length;
  }

  get(call: { callId: string; extension: string }): SavedCall | undefined {
    return this.calls.get(entryKey(call));
  }

  /** Saved calls of an earlier run that this run has not seen again. */
  restored(): SavedCall[] {
    return [...this.calls.values()].filter((call) => call.restored);
  }

  /** Records the latest state of a call in progress. */
  save(latest: CallView, recording?: RecordingRef): Promise<void> {
    const key = entryKey(latest);
    const before = this.calls.get(key);
    const view = withEarlierKnowledge(latest, before?.view);
    const earlier = {
      startedAt: Math.min(view.startedAt, before?.earlier.startedAt ?? view.startedAt),
      ...optional('answeredAt', earliest(view.answeredAt, before?.earlier.answeredAt)),
    };
    const kept = recording ?? before?.recording;
    this.calls.set(key, {
      view,
      earlier,
      restored: false,
      ...(kept ? { recording: kept } : {}),
      ...(before?.outcome ? { outcome: before.outcome } : {}),
    });
    return this.persist();
  }

  /**
   * Keeps what the operator noted on a saved call; resolves to false, writing nothing,
   * when the call is not saved (its entry went to the journal already).
   */
  async setOutcome(
    call: { callId: string; extension: string },
    outcome: CallOutcome,
  ): Promise<boolean> {
    const key = entryKey(call);
    const saved = this.calls.get(key);
    if (saved === undefined) return false;
    this.calls.set(key, { ...saved, outcome });
    await this.persist();
    // Told to the operator as saved only once it is on disk.
    if (this.writeError !== undefined) throw this.writeError;
    return true;
  }

  remove(call: { callId: string; extension: string }): Promise<void> {
    if (!this.calls.delete(entryKey(call))) return Promise.resolve();
    return this.persist();
  }

  /** Resolves once the file holds the latest state. */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private persist(): Promise<void> {
    this.dirty = true;
    this.writing ??= this.writeLoop().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  /** Coalesces bursts: one write for every change made while the previous one ran. */
  private async writeLoop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const calls = [...this.calls.values()].map(({ restored: _restored, ...saved }) => saved);
      try {
        await writeAtomically(this.path, JSON.stringify({ v: 1, calls }));
        this.writeError = undefined;
      } catch (error) {
        this.writeError = error;
        this.onError(error);
      }
    }
  }
}

function optional<K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, T>);
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp`;
  // Callers' numbers and names: readable by the workstation user only.
  const out = await open(temporary, 'w', 0o600);
  try {
    await out.write(text);
    await out.sync();
  } finally {
    await out.close();
  }
  await rename(temporary, path);
}
