import type { PhoneLinkRegistry } from '../linkify-phones/phone-link-registry';
import { isUserGesture } from '../../lib/dom/trusted-event';

export interface LinkClickOptions {
  window: Window;
  registry: PhoneLinkRegistry;
  onDial(e164: string, link: HTMLAnchorElement): void;
  signal: AbortSignal;
}

/**
 * A plain, trusted primary click (or Enter, which browsers turn into one) on
 * a phone link dials through the helper. Modifier and middle clicks keep the
 * browser's own handling of the `tel:` address. Script-dispatched clicks are
 * left alone entirely: only a user's gesture may start a call.
 */
export function listenForLinkClicks({ window, registry, onDial, signal }: LinkClickOptions): void {
  window.addEventListener(
    'click',
    (event: MouseEvent) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      const hit = registry.linkOnPath(event.composedPath());
      if (!hit || !isUserGesture(event)) return;
      event.preventDefault();
      onDial(hit.entry.e164, hit.link);
    },
    { capture: true, signal },
  );
}
