import type { CallOutcome, CallView, Identity, TransferState } from '../../shared/protocol';
import type { IdentityResolver } from '../core/identity-resolver';
import { withEarlierKnowledge, type ActiveCallsFile } from './active-calls-file';
import { buildJournalEntry } from './build-entry';
import type { DurableJournal } from './durable-journal';
import { entryKey, type RecordingRef } from './entry';
import { recoveredEntry } from './recovered-entry';

/** Where the recording of a call is, when the PBX records it. */
export interface RecordingSource {
  recordingFor(callId: string): RecordingRef | undefined;
}

export interface CallJournalOptions {
  readonly journal: DurableJournal;
  readonly active: ActiveCallsFile;
  readonly recordings?: RecordingSource;
  /** Asked when a call ended before the card's own lookup answered. */
  readonly resolver?: IdentityResolver;
  readonly lookupTimeoutMs?: number;
  readonly now?: () => number;
  readonly onError?: (error: unknown, context: string) => void;
}

type CallKey = Pick<CallView, 'callId' | 'extension'>;

/** Transfers are noted while the call goes on; kept this long for the entry that follows. */
const TRANSFER_MEMORY = 500;

/**
 * The hub's side of the journal: every change of a call in progress is mirrored to the
 * active-calls file, every ended call becomes a journal entry with what the hub does not
 * carry (the recording, a transfer, times from before a restart), and calls that ended
 * while the helper was down are finished from what was saved.
 */
export class CallJournal {
  private readonly transfers = new Map<string, TransferState>();
  /** Calls whose entry is built and handed over, until they leave the in-progress file. */
  private readonly handedOver = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly options: CallJournalOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Every update of a call in progress (the hub's `call` pushes); ended views are ignored. */
  observe(view: CallView): void {
    if (view.state === 'ended') return;
    const recording = this.options.recordings?.recordingFor(view.callId);
    this.track(this.options.active.save(view, recording), 'saving a call in progress');
  }

  /**
   * Given every ended call by the hub's `subscribeEnded`: journals the call's final view. A
   * view that moved to another call is no call of its own: the extension's part is journaled
   * when that call ends.
   */
  ended(view: CallView): void {
    if (view.movedTo !== undefined) {
      this.track(this.options.active.remove(view), 'forgetting a call that moved');
      return;
    }
    this.track(this.journalEnded(view), 'journaling an ended call');
  }

  /** Notes a transfer for the card's call, in the entry and in the database row. */
  transferred(call: CallKey, transfer: TransferState): void {
    const key = entryKey(call);
    this.transfers.delete(key);
    this.transfers.set(key, transfer);
    if (this.transfers.size > TRANSFER_MEMORY) {
      const oldest = this.transfers.keys().next();
      if (oldest.done !== true) this.transfers.delete(oldest.value);
    }
    this.track(
      this.options.journal.record({
        kind: 'transfer',
        callId: call.callId,
        extension: call.extension,
        transfer,
      }),
      'noting a transfer',
    );
  }

  /**
   * Keeps what the operator noted on a call; resolves once it is safe on disk. A call whose
   * entry is not built yet keeps it in the in-progress file, so the entry carries it (also
   * after a restart); otherwise it goes to the spool after that entry, as an update of it.
   */
  async noted(call: CallKey, outcome: CallOutcome): Promise<void> {
    const key = entryKey(call);
    if (!this.handedOver.has(key) && (await this.options.active.setOutcome(call, outcome))) {
      return;
    }
    await this.options.journal.record({
      kind: 'outcome',
      callId: call.callId,
      extension: call.extension,
      outcome,
    });
  }

  /** What was noted on the calls an earlier run saved in progress, for their cards. */
  restoredOutcomes(): { call: CallKey; outcome: CallOutcome }[] {
    return this.options.active
      .restored()
      .flatMap((saved) => (saved.outcome ? [{ call: saved.view, outcome: saved.outcome }] : []));
  }

  /**
   * After a restart, once the tracker has resynced with the PBX: journals the saved calls
   * that are no longer in progress. Returns how many.
   */
  async recover(inProgress: readonly CallKey[]): Promise<number> {
    const live = new Set(inProgress.map(entryKey));
    const noticedAt = this.now();
    let count = 0;
    for (const saved of this.options.active.restored()) {
      if (live.has(entryKey(saved.view))) continue;
      await this.options.journal.record({ kind: 'entry', entry: recoveredEntry(saved, noticedAt) });
      await this.options.active.remove(saved.view);
      count += 1;
    }
    return count;
  }

  /** Resolves when every call handed over so far is in the spool. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async journalEnded(ended: CallView): Promise<void> {
    const before = this.options.active.get(ended)?.view;
    const view = withEarlierKnowledge(ended, before);
    const key = entryKey(view);
    const identity = await this.identityFor(view, before);
    // Read after the lookup: an outcome noted meanwhile belongs in this entry. From here to
    // `record` nothing else runs, so a later one becomes an update after the entry.
    const saved = this.options.active.get(view);
    const recording =
      this.options.recordings?.recordingFor(view.callId) ?? saved?.recording ?? undefined;
    const transfer = this.transfers.get(key);
    const entry = buildJournalEntry(view, {
      ...(identity ? { identity } : {}),
      ...(recording ? { recording } : {}),
      ...(transfer ? { transfer } : {}),
      ...(saved?.outcome ? { outcome: saved.outcome } : {}),
      ...(saved ? { earlier: saved.earlier } : {}),
    });
    this.handedOver.add(key);
    try {
      await this.options.journal.record({ kind: 'entry', entry });
      this.transfers.delete(key);
      await this.options.active.remove(view);
    } finally {
      this.handedOver.delete(key);
    }
  }

  private async identityFor(
    view: CallView,
    saved: CallView | undefined,
  ): Promise<Identity | undefined> {
    if (view.lookup === 'done' || view.lookup === 'none') return undefined;
    if (saved?.lookup === 'done') return saved.identity;
    const dbKey = view.remote.dbKey;
    const resolver = this.options.resolver;
    if (resolver === undefined || dbKey === undefined) return undefined;
    const signal = AbortSignal.timeout(this.options.lookupTimeoutMs ?? 3_000);
    try {
      const outcome = await resolver.lookup(dbKey, signal);
      return outcome.state === 'done' ? outcome.identity : undefined;
    } catch (error) {
      this.options.onError?.(error, 'looking up the caller of an ended call');
      return undefined;
    }
  }

  private track(work: Promise<unknown>, context: string): void {
    const tracked: Promise<void> = work.then(
      () => undefined,
      (error: unknown) => this.options.onError?.(error, context),
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}
