import {
  EMPTY_IDENTITY,
  isUnknownIdentity,
  type CallOutcome,
  type CallView,
  type ConsultState,
  type CreateLink,
  type Identity,
  type LookupState,
  type PartyNumber,
  type TransferState,
} from '../../../shared/protocol';
import type { PushMessage } from '../../core/helper-api';
import type { IdentityResolver } from '../../core/identity-resolver';
import { isLookupKey } from './lookup-key';
import { callKey, isMissed, type TrackedCall } from '../../core/tracked-call';

export interface CallHubOptions {
  resolver: IdentityResolver;
  /** Ended calls kept for the popup's journal when no durable journal is configured. */
  recentLimit?: number;
  /** The link to the call's recording, once the PBX has said where it records. */
  recordingUrl?: (callId: string) => string | undefined;
  onLookupError?: (error: unknown) => void;
  /** The cabinet pages that create a record for a caller the database does not know. */
  createLinks?: (remote: PartyNumber) => CreateLink[];
}

interface IdentityState {
  lookup: LookupState;
  identity: Identity;
}

/**
 * Joins what the PBX says about calls with what the database says about the
 * caller, and pushes every change to the extension at once: a call event never
 * waits for a lookup; the lookup's answer follows as an update of the same call.
 */
export class CallHub {
  private readonly active = new Map<string, CallView>();
  private readonly identities = new Map<string, IdentityState>();
  /** Transfers asked from a card, by call and extension, until that view ends. */
  private readonly transfers = new Map<string, TransferState>();
  /** Attended transfers going on, by call and extension. */
  private readonly consults = new Map<string, ConsultState>();
  /** What the operator noted, by call and extension, until that view ends. */
  private readonly outcomes = new Map<string, CallOutcome>();
  private readonly recent: CallView[] = [];
  private readonly unseenMissed = new Set<string>();
  /** Ended views whose journal report waits for their lookup, by callKey. */
  private readonly endedAwaitingLookup = new Set<string>();
  private readonly listeners = new Set<(message: PushMessage) => void>();
  private readonly endedListeners = new Set<(call: CallView) => void>();
  private readonly recentLimit: number;

  constructor(private readonly options: CallHubOptions) {
    this.recentLimit = options.recentLimit ?? 200;
  }

  subscribe(listener: (message: PushMessage) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  /**
   * `listener` gets each ended call once with its final view, for the durable journal; a
   * call that ends before its lookup answers is reported once the answer (or the failure)
   * is in. A view that moved to another call (`movedTo`) is reported too, so that it is
   * forgotten. Until the signal aborts.
   */
  subscribeEnded(listener: (call: CallView) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.endedListeners.add(listener);
    signal.addEventListener('abort', () => this.endedListeners.delete(listener), { once: true });
  }

  broadcast(message: PushMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  activeCalls(): CallView[] {
    return [...this.active.values()];
  }

  recentCalls(): CallView[] {
    return [...this.recent];
  }

  /**
   * The latest view of each of these calls the hub still knows: the one in progress, else
   * the newest ended one (with its result). Calls it does not know are left out.
   */
  findCalls(callIds: readonly string[]): CallView[] {
    const wanted = new Set(callIds);
    const found = new Map<string, CallView>();
    for (const view of [...this.active.values(), ...this.recent]) {
      if (wanted.has(view.callId) && !found.has(view.callId)) found.set(view.callId, view);
    }
    return [...found.values()];
  }

  missedCount(): number {
    return this.unseenMissed.size;
  }

  /** Takes one tracker update: a new call, a state change, or the end. */
  update(call: TrackedCall): void {
    const identity = this.identityFor(call);
    const key = callKey(call);
    const recordingUrl = call.recordingUrl ?? this.options.recordingUrl?.(call.callId);
    const transfer = this.transfers.get(key) ?? call.transfer;
    const consult = call.state === 'ended' ? undefined : this.consults.get(key);
    const outcome = this.outcomes.get(key) ?? call.outcome;
    const view: CallView = this.withCreateLinks({
      ...call,
      identity: identity.identity,
      lookup: identity.lookup,
      ...(recordingUrl ? { recordingUrl } : {}),
      ...(transfer ? { transfer } : {}),
      ...(consult ? { consult } : {}),
      ...(outcome ? { outcome } : {}),
      ...(isMissed(call) ? { missed: true } : {}),
    });
    if (call.state === 'ended' && call.movedTo !== undefined) {
      // The extension's part goes on under the new call's id: nothing to remember or journal.
      this.active.delete(key);
      this.transfers.delete(key);
      this.outcomes.delete(key);
      this.ended(view);
    } else if (call.state === 'ended') {
      this.active.delete(key);
      this.transfers.delete(key);
      this.consults.delete(key);
      this.outcomes.delete(key);
      this.remember(view);
      // Two of the operator's extensions missing one call are one missed call: the count,
      // and so the frame, changes once.
      if (view.missed && !this.unseenMissed.has(call.callId)) {
        this.unseenMissed.add(call.callId);
        this.broadcast({ type: 'missed', count: this.unseenMissed.size });
      }
      if (view.lookup === 'pending') this.endedAwaitingLookup.add(key);
      else this.ended(view);
    } else {
      this.active.set(key, view);
    }
    this.broadcast({ type: 'call', call: view });
    if (call.state === 'ended' && !this.hasActive(call.callId)) {
      this.identities.delete(call.callId);
    }
  }

  /**
   * Puts a transfer asked from the card on the call's view and pushes it; later updates of
   * the call keep it. A call that ended meanwhile (a blind transfer releases the operator's
   * phone at once) gets it on its last view, for the popup's recent calls.
   */
  setTransfer(callId: string, extension: string, transfer: TransferState): void {
    const key = callKey({ callId, extension });
    const view = this.active.get(key);
    if (view) {
      this.transfers.set(key, transfer);
      const updated: CallView = { ...view, transfer };
      this.active.set(key, updated);
      this.broadcast({ type: 'call', call: updated });
      return;
    }
    const at = this.recent.findIndex((c) => callKey(c) === key);
    const ended = this.recent[at];
    if (ended) {
      const updated: CallView = { ...ended, transfer };
      this.recent[at] = updated;
      this.broadcast({ type: 'call', call: updated });
    }
  }

  /**
   * Shows the attended transfer going on for a call, or, with `undefined`, that it is over;
   * later updates of the call keep it until then.
   */
  setConsult(callId: string, extension: string, consult: ConsultState | undefined): void {
    const key = callKey({ callId, extension });
    const view = this.active.get(key);
    this.consults.delete(key);
    if (!view) return;
    if (consult) this.consults.set(key, consult);
    const { consult: _previous, ...rest } = view;
    const updated: CallView = consult ? { ...rest, consult } : rest;
    this.active.set(key, updated);
    this.broadcast({ type: 'call', call: updated });
  }

  /**
   * Puts what the operator noted on the call's view and pushes it; later updates keep it.
   * A call not seen yet (noted before a helper restart) gets it when it shows up.
   */
  setOutcome(call: Pick<CallView, 'callId' | 'extension'>, outcome: CallOutcome): void {
    const key = callKey(call);
    const view = this.active.get(key);
    if (view) {
      this.outcomes.set(key, outcome);
      const updated: CallView = { ...view, outcome };
      this.active.set(key, updated);
      this.broadcast({ type: 'call', call: updated });
      return;
    }
    const at = this.recent.findIndex((c) => callKey(c) === key);
    const ended = this.recent[at];
    if (ended === undefined) {
      this.outcomes.set(key, outcome);
      return;
    }
    const updated: CallView = { ...ended, outcome };
    this.recent[at] = updated;
    this.broadcast({ type: 'call', call: updated });
  }

  ackMissed(callIds: readonly string[]): void {
    let changed = false;
    for (const id of callIds) changed = this.unseenMissed.delete(id) || changed;
    if (changed) this.broadcast({ type: 'missed', count: this.unseenMissed.size });
  }

  /** Calls back or dismissal of a number clears its missed calls too. */
  ackMissedByNumber(dbKey: string): void {
    const ids = this.recent
      .filter((c) => c.missed && c.remote.dbKey === dbKey)
      .map((c) => c.callId);
    this.ackMissed(ids);
  }

  isUnseenMissed(callId: string): boolean {
    return this.unseenMissed.has(callId);
  }

  private hasActive(callId: string): boolean {
    for (const view of this.active.values()) if (view.callId === callId) return true;
    return false;
  }

  /** A caller the database answered for and does not know is offered the create links. */
  private withCreateLinks(view: CallView): CallView {
    const unknown =
      view.lookup === 'done' && view.direction !== 'internal' && isUnknownIdentity(view.identity);
    const links = unknown ? (this.options.createLinks?.(view.remote) ?? []) : [];
    if (links.length > 0) return { ...view, createLinks: links };
    if (view.createLinks === undefined) return view;
    const { createLinks: _gone, ...rest } = view;
    return rest;
  }

  private remember(view: CallView): void {
    const at = this.recent.findIndex((c) => callKey(c) === callKey(view));
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.unshift(view);
    if (this.recent.length > this.recentLimit) this.recent.length = this.recentLimit;
  }

  private identityFor(call: TrackedCall): IdentityState {
    const known = this.identities.get(call.callId);
    if (known) return known;
    const dbKey = call.remote.dbKey;
    if (!isLookupKey(dbKey) || call.direction === 'internal') {
      return { lookup: 'none', identity: EMPTY_IDENTITY };
    }
    const ready = this.options.resolver.cached?.(dbKey);
    if (ready?.state === 'done') {
      const state: IdentityState = { lookup: 'done', identity: ready.identity };
      this.identities.set(call.callId, state);
      return state;
    }
    const state: IdentityState = { lookup: 'pending', identity: EMPTY_IDENTITY };
    this.identities.set(call.callId, state);
    void this.resolve(call.callId, dbKey, state);
    return state;
  }

  private async resolve(callId: string, dbKey: string, state: IdentityState): Promise<void> {
    try {
      const outcome = await this.options.resolver.lookup(dbKey);
      if (outcome.state === 'done') {
        state.lookup = 'done';
        state.identity = outcome.identity;
      } else {
        state.lookup = 'unavailable';
      }
    } catch (error) {
      state.lookup = 'unavailable';
      this.options.onLookupError?.(error);
    }
    this.refresh(callId, state);
  }

  /** Re-sends every view of the call with the identity that just arrived. */
  private refresh(callId: string, state: IdentityState): void {
    for (const [key, view] of this.active) {
      if (view.callId !== callId) continue;
      const updated = this.withCreateLinks({
        ...view,
        identity: state.identity,
        lookup: state.lookup,
      });
      this.active.set(key, updated);
      this.broadcast({ type: 'call', call: updated });
    }
    for (let i = 0; i < this.recent.length; i++) {
      const view = this.recent[i];
      if (view?.callId === callId && view.lookup === 'pending') {
        // A call can end before its lookup answers (a busy phone, a caller who gave up):
        // its card and the popup still learn who it was.
        const updated = this.withCreateLinks({
          ...view,
          identity: state.identity,
          lookup: state.lookup,
        });
        this.recent[i] = updated;
        this.broadcast({ type: 'call', call: updated });
        if (this.endedAwaitingLookup.delete(callKey(updated))) this.ended(updated);
      }
    }
  }

  private ended(view: CallView): void {
    for (const listener of this.endedListeners) listener(view);
  }
}
