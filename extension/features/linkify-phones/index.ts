import { findPhones, formatPhone, normalizePhone } from '../../../shared/phone/cis';
import { t } from '../../lib/i18n/core';
import type { Settings } from '../../lib/settings';
import { defineFeature } from '../feature-registry';
import { reportLinkifyTiming } from './linkify-timing';
import { titleLinksOnDemand } from './link-titles';
import { createPhoneLinkFactory } from './phone-link-factory';
import { PhoneLinker } from './phone-linker';

/** Phone numbers in page text become call links while `settings.linkify` is on. */
export default defineFeature({
  id: 'linkify-phones',
  init({ document, phoneLinks, settings, signal }) {
    let running: { controller: AbortController; linker: PhoneLinker } | null = null;
    const makeLink = createPhoneLinkFactory(document);
    const window = document.defaultView;
    if (window) {
      titleLinksOnDemand({
        window,
        registry: phoneLinks,
        titleFor: (e164) => t('page.link.title', { number: formatPhone(e164, 'international') }),
        signal,
      });
    }

    const apply = ({ linkify }: Settings): void => {
      if (linkify && !running && !signal.aborted) {
        const controller = new AbortController();
        signal.addEventListener('abort', () => controller.abort(), { once: true });
        const linker = new PhoneLinker({
          document,
          findPhones: (text) => findPhones(text),
          normalize: (input) => normalizePhone(input),
          makeLink,
          registry: phoneLinks,
          signal: controller.signal,
          onIdle: reportLinkifyTiming,
        });
        running = { controller, linker };
        linker.start();
      } else if (!linkify && running) {
        running.controller.abort();
        running.linker.unlinkAll();
        running = null;
      }
    };

    apply(settings.current());
    settings.watch(apply, signal);
  },
});
