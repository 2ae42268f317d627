import { findPhones, formatPhone, normalizePhone } from '../../../shared/phone/cis';
import { t } from '../../lib/i18n/core';
import { defineFeature } from '../feature-registry';
import { keepFocusRingVisible } from './focus-ring';
import { listenForLinkClicks } from './link-clicks';
import { numberAtCaret } from './number-at-caret';
import { followPaintedPointer } from './painted-pointer';

/**
 * Whether the keyboard focus is in this document itself. Every frame of the tab hears the
 * shortcut, and a page holding a focused frame has focus too (`hasFocus` counts the frames
 * inside), with that frame as its active element: the frame answers, not its page.
 */
function holdsFocus(document: Document): boolean {
  const active = document.activeElement?.localName;
  return document.hasFocus() && active !== 'iframe' && active !== 'frame';
}

/**
 * A person's click on a number dials it through the helper: on an inserted
 * link (click or Enter), on a painted number (with hover and tooltip), on a
 * page's own `tel:` link; and the keyboard shortcut dials the number at the
 * selection or caret of the focused frame.
 */
export default defineFeature({
  id: 'dial-on-click',
  frames: 'every',
  init({ document, phoneLinks, paintedPhones, dialer, channel, settings, signal }) {
    const window = document.defaultView;
    if (!window) return;
    listenForLinkClicks({
      window,
      registry: phoneLinks,
      onDial: (e164) => dialer.dial(e164, 'link'),
      signal,
    });
    keepFocusRingVisible({ window, registry: phoneLinks, signal });
    followPaintedPointer({
      window,
      painted: paintedPhones,
      links: phoneLinks,
      enabled: () => settings.current().linkify,
      normalize: (input) => normalizePhone(input),
      labelFor: (e164) => t('page.link.title', { number: formatPhone(e164, 'international') }),
      onDial: (e164) => dialer.dial(e164, 'link'),
      signal,
    });
    channel.listen((message) => {
      if (message.kind !== 'dial-at-caret' || !holdsFocus(document)) return;
      const number = numberAtCaret(document, paintedPhones, (text) => findPhones(text));
      if (number) dialer.dial(number, 'link');
      else dialer.notice({ phase: 'no-number', number: '' });
    }, signal);
  },
});
