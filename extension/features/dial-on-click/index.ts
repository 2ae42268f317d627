import { defineFeature } from '../feature-registry';
import { keepFocusRingVisible } from './focus-ring';
import { listenForLinkClicks } from './link-clicks';

/** A click or Enter on a phone link dials through the helper. */
export default defineFeature({
  id: 'dial-on-click',
  init({ document, phoneLinks, dialer, signal }) {
    const window = document.defaultView;
    if (!window) return;
    listenForLinkClicks({
      window,
      registry: phoneLinks,
      onDial: (e164) => dialer.dial(e164, 'link'),
      signal,
    });
    keepFocusRingVisible({ window, registry: phoneLinks, signal });
  },
});
