import type { ServerMessage } from '../../shared/protocol';

/**
 * A dial's updates as the words the tests compare: the progress stage, `result:<outcome>`,
 * `error:<code>`, or the type of anything else that came back.
 */
export function dialStages(updates: readonly ServerMessage[]): string[] {
  return updates.map((message) => {
    switch (message.type) {
      case 'dial.progress':
        return message.stage;
      case 'dial.result':
        return `result:${message.outcome}`;
      case 'error':
        return `error:${message.code}`;
      default:
        return message.type;
    }
  });
}

/** A click-to-call that the operator and the far end both answer, then hang up. */
export const ANSWERED_DIAL_STAGES: readonly string[] = [
  'accepted',
  'ringing-you',
  'dialling',
  'connected',
  'ended',
  'result:connected',
];
