import type { CallResult } from '../../shared/protocol';
import type { SavedCall } from './active-calls-file';
import { buildJournalEntry } from './build-entry';
import type { JournalEntry } from './entry';

/**
 * The entry of a call that ended while the helper was not running. What was saved before
 * is all there is: the state it was in gives the result, and the moment the helper noticed
 * the end is the latest the call can have ended, so the entry is marked `recovered`.
 */
export function recoveredEntry(saved: SavedCall, noticedAt: number): JournalEntry {
  const { view } = saved;
  const answeredAt = saved.earlier.answeredAt ?? view.answeredAt;
  const talked = view.state === 'answered' && answeredAt !== undefined;
  const result: CallResult = talked
    ? 'answered'
    : view.state === 'answered-elsewhere'
      ? 'answered-elsewhere'
      : 'no-answer';
  const endedAt = Math.max(noticedAt, view.startedAt);
  const entry = buildJournalEntry(
    {
      ...view,
      state: 'ended',
      startedAt: saved.earlier.startedAt,
      ...(talked ? { answeredAt } : {}),
      endedAt,
      talkSeconds: talked ? Math.max(0, Math.round((endedAt - answeredAt) / 1000)) : 0,
      result,
      missed: result === 'no-answer' && view.direction === 'in',
    },
    {
      ...(saved.recording ? { recording: saved.recording } : {}),
      ...(saved.outcome ? { outcome: saved.outcome } : {}),
    },
  );
  return { ...entry, recovered: true };
}
