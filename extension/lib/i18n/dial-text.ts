import type { DialOutcome } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import type { DialReply, DialUpdate } from '../../lib/runtime-messages';

const OUTCOME_KEYS: Record<DialOutcome, string> = {
  connected: 'shell.dial.outcome.connected',
  busy: 'shell.dial.outcome.busy',
  'no-answer': 'shell.dial.outcome.noAnswer',
  failed: 'shell.dial.outcome.failed',
  'pbx-refused': 'shell.dial.outcome.pbxRefused',
  'pbx-unavailable': 'shell.dial.outcome.pbxUnavailable',
  'invalid-number': 'shell.dial.outcome.invalidNumber',
};

const REJECTION_KEYS: Record<Extract<DialReply, { accepted: false }>['reason'], string> = {
  busy: 'shell.dial.rejected.busy',
  'invalid-number': 'shell.dial.rejected.invalidNumber',
  'not-connected': 'shell.dial.rejected.notConnected',
  'not-paired': 'shell.dial.rejected.notPaired',
};

/** The sentence for one step of a dial, or null for steps not worth showing. */
export function dialMessage(update: DialUpdate): string | null {
  switch (update.type) {
    case 'dial.progress':
      if (update.stage === 'ringing-you') return t('shell.dial.ringingYou');
      if (update.stage === 'dialling') return t('shell.dial.dialling');
      if (update.stage === 'connected') return t('shell.dial.outcome.connected');
      return null;
    case 'dial.result':
      if (update.outcome === 'no-answer' && update.leg === 'you') {
        return t('shell.dial.youDidNotAnswer');
      }
      return t(OUTCOME_KEYS[update.outcome]);
    case 'error':
      return t('shell.dial.error', { message: update.message });
  }
}

/** Why the background did not start a dial. */
export function rejectionMessage(
  reason: Extract<DialReply, { accepted: false }>['reason'],
  text: string,
): string {
  return t(REJECTION_KEYS[reason], { text });
}

/** Whether an update ends the dial (so the UI can accept the next one). */
export function isFinalDialUpdate(update: DialUpdate): boolean {
  return update.type !== 'dial.progress';
}
