import { dialMessage } from '../lib/i18n/dial-text';
import type { CallNotifier } from './call-notifier';
import type { DeliverDialUpdate } from './dial-coordinator';
import { sendToExtensionPages, sendToTab } from './tab-messaging';

/** Sends each dial update to whoever started the dial. */
export function dialDelivery(notifier: CallNotifier): DeliverDialUpdate {
  return (audience, requestId, update) => {
    switch (audience.kind) {
      case 'tab':
        void sendToTab(
          audience.tabId,
          { kind: 'dial-update', requestId, update },
          audience.frameId,
        );
        return;
      case 'extension-pages':
        void sendToExtensionPages({ kind: 'dial-update', requestId, update });
        return;
      case 'notification': {
        const message = dialMessage(update);
        if (message !== null) void notifier.showDial(audience.number, message).catch(() => {});
      }
    }
  };
}
