import { browser } from '#imports';
import type { CallView } from '../../shared/protocol';
import { t } from '../lib/i18n/core';
import { BRAND_ICON_URL } from '../lib/brand-icon';
import { callerName, displayNumber } from '../lib/i18n/caller-summary';

/** System notifications: incoming calls when no cabinet tab is in front, and context-menu dials. */
export interface CallNotifier {
  showIncoming(call: CallView, sound: boolean): Promise<void>;
  clearIncoming(callId: string): Promise<void>;
  /** One notification for the context-menu dial, replaced at each step. */
  showDial(number: string, message: string): Promise<void>;
}

const CALL_PREFIX = 'call:';
const DIAL_ID = 'dial';

export function callIdOfNotification(notificationId: string): string | null {
  return notificationId.startsWith(CALL_PREFIX) ? notificationId.slice(CALL_PREFIX.length) : null;
}

export function createCallNotifier(): CallNotifier {
  // Firefox rejects the Chromium-only `silent` option.
  const supportsSilent = import.meta.env.BROWSER !== 'firefox';
  return {
    async showIncoming(call, sound) {
      const who = callerName(call);
      const number = displayNumber(call.remote);
      await browser.notifications.create(`${CALL_PREFIX}${call.callId}`, {
        type: 'basic',
        iconUrl: BRAND_ICON_URL,
        title: t('shell.notify.incomingTitle', { extension: call.extension }),
        message: who === null ? number : `${who}\n${number}`,
        ...(supportsSilent ? { silent: !sound, requireInteraction: true } : {}),
      });
    },
    async clearIncoming(callId) {
      await browser.notifications.clear(`${CALL_PREFIX}${callId}`);
    },
    async showDial(number, message) {
      await browser.notifications.create(DIAL_ID, {
        type: 'basic',
        iconUrl: BRAND_ICON_URL,
        title: t('shell.notify.dialTitle', { number }),
        message,
        ...(supportsSilent ? { silent: true } : {}),
      });
    },
  };
}
