import { formatPhone } from '../../shared/phone/cis';
import { dialNumberFor } from '../lib/helper-client/dial-number';
import type { DialReply } from '../lib/runtime-messages';
import { rejectionMessage } from '../lib/i18n/dial-text';
import type { CallNotifier } from './call-notifier';
import type { DialCoordinator } from './dial-coordinator';

function shown(number: string | null, selection: string): string {
  if (number === null) return selection.trim().slice(0, 40);
  if (!number.startsWith('+')) return number;
  try {
    return formatPhone(number.split(';')[0] ?? number, 'international');
  } catch {
    return number;
  }
}

/** Dials the selected text from the context menu; its progress shows as a notification. */
export function dialSelection(
  selection: string,
  dials: Pick<DialCoordinator, 'start'>,
  notifier: CallNotifier,
): DialReply {
  const label = shown(dialNumberFor(selection), selection);
  const reply = dials.start(selection, 'context-menu', { kind: 'notification', number: label });
  if (!reply.accepted) {
    void notifier.showDial(label, rejectionMessage(reply.reason, label)).catch(() => {});
  }
  return reply;
}
