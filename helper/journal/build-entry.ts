import {
  isUnknownIdentity,
  type CallOutcome,
  type CallView,
  type Identity,
} from '../../shared/protocol';
import type { JournalEntry, JournalTransfer, RecordingRef } from './entry';
import { CallNotEndedError } from './errors';
import { identityCodes } from './identity-codes';

export interface EntryExtras {
  /** Who the caller is, when the view itself came without it (lookup still pending). */
  readonly identity?: Identity;
  readonly recording?: RecordingRef;
  readonly transfer?: JournalTransfer;
  /** What the operator noted, as the journal kept it while the call went on. */
  readonly outcome?: CallOutcome;
  /**
   * The same call as seen before the helper restarted. The PBX listing the helper resyncs
   * from knows when a channel was created but not when it was answered, so earlier times
   * seen before the restart win.
   */
  readonly earlier?: Pick<CallView, 'startedAt' | 'answeredAt'>;
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function identityOf(view: CallView, extras: EntryExtras): Identity | undefined {
  if (view.lookup === 'done' && !isUnknownIdentity(view.identity)) return view.identity;
  if (extras.identity !== undefined && !isUnknownIdentity(extras.identity)) return extras.identity;
  return undefined;
}

/** The journal entry of an ended view, with what the hub does not carry. */
export function buildJournalEntry(view: CallView, extras: EntryExtras = {}): JournalEntry {
  if (view.state !== 'ended' || view.endedAt === undefined || view.result === undefined) {
    throw new CallNotEndedError(view.callId, view.state);
  }
  const endedAt = view.endedAt;
  const startedAt = earliest(view.startedAt, extras.earlier?.startedAt) ?? view.startedAt;
  const talked = view.result === 'answered';
  const answeredAt = talked
    ? earliest(view.answeredAt, extras.earlier?.answeredAt)
    : view.answeredAt;
  const talkSeconds =
    talked && answeredAt !== undefined && answeredAt !== view.answeredAt
      ? Math.max(0, Math.round((endedAt - answeredAt) / 1000))
      : (view.talkSeconds ?? 0);
  const identity = identityOf(view, extras);
  const recording =
    extras.recording ?? (view.recordingUrl ? { url: view.recordingUrl } : undefined);
  const transfer = view.transfer ?? extras.transfer;
  const outcome = extras.outcome ?? view.outcome;
  return {
    callId: view.callId,
    extension: view.extension,
    direction: view.direction,
    origin: view.origin,
    remote: view.remote,
    ...identityCodes(identity),
    ...(identity ? { identity } : {}),
    startedAt,
    ...(answeredAt !== undefined ? { answeredAt } : {}),
    endedAt,
    talkSeconds,
    result: view.result,
    missed: view.missed ?? false,
    ...(view.answeredBy !== undefined ? { answeredBy: view.answeredBy } : {}),
    ...(recording ? { recording } : {}),
    ...(transfer ? { transfer } : {}),
    ...(outcome ? { outcome } : {}),
    // The end was not seen: like a call that ended while the helper was stopped.
    recovered: view.endUnseen === true,
  };
}
