import { EMPTY_IDENTITY, type CallView } from '../../shared/protocol';
import type { JournalEntry } from './entry';

/** An entry as the popup's journal shows it: the ended call's view. */
export function entryToView(entry: JournalEntry): CallView {
  const url = entry.recording?.url;
  return {
    callId: entry.callId,
    extension: entry.extension,
    direction: entry.direction,
    state: 'ended',
    remote: entry.remote,
    origin: entry.origin,
    identity: entry.identity ?? EMPTY_IDENTITY,
    lookup: entry.identity ? 'done' : 'none',
    startedAt: entry.startedAt,
    ...(entry.answeredAt !== undefined ? { answeredAt: entry.answeredAt } : {}),
    endedAt: entry.endedAt,
    talkSeconds: entry.talkSeconds,
    result: entry.result,
    ...(entry.answeredBy !== undefined ? { answeredBy: entry.answeredBy } : {}),
    ...(url ? { recordingUrl: url } : {}),
    missed: entry.missed,
    ...(entry.transfer ? { transfer: entry.transfer } : {}),
    ...(entry.outcome ? { outcome: entry.outcome } : {}),
  };
}
