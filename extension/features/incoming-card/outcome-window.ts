import { createContext } from 'preact';
import type { CallView, OutcomeSettings } from '../../../shared/protocol';

/** What the helper offers to note on calls (its status); undefined when it takes no outcomes. */
export const OutcomeSettingsContext = createContext<OutcomeSettings | undefined>(undefined);

/** Whether the card still takes an outcome and a note for this call. */
export function takesOutcome(
  call: CallView,
  settings: OutcomeSettings | undefined,
  now: number,
): boolean {
  if (settings === undefined) return false;
  if (call.state === 'answered-elsewhere' || call.result === 'answered-elsewhere') return false;
  return call.endedAt === undefined || now <= call.endedAt + settings.afterCallMs;
}

/**
 * A call the operator talked on (or dialled out) and has noted nothing about yet: its card
 * stays after the end while the outcome can still be given, instead of closing by itself.
 */
export function awaitsOutcome(
  call: CallView,
  settings: OutcomeSettings | undefined,
  now: number,
): boolean {
  return (
    call.state === 'ended' &&
    call.outcome === undefined &&
    (call.result === 'answered' || call.direction === 'out') &&
    takesOutcome(call, settings, now)
  );
}
