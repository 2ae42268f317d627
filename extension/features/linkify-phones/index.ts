import { findPhones, formatPhone, normalizePhone } from '../../../shared/phone/cis';
import type { PaintedPhoneRegistry } from '../../lib/dom/painted-phones';
import type { PhoneLinkRegistry } from './phone-link-registry';
import { t } from '../../lib/i18n/core';
import type { Settings } from '../../lib/settings';
import { defineFeature } from '../feature-registry';
import { reportLinkifyTiming, reportPaintTiming, reportViewportTiming } from './session-stats';
import { titleLinksOnDemand } from './link-titles';
import { createPhoneLinkFactory } from './phone-link-factory';
import { PhoneLinker } from './phone-linker';
import { PhonePainter } from './phone-painter';
import type { PhoneRenderer } from './phone-renderer';

/** Whether this document can be painted: the CSS Custom Highlight API and an IntersectionObserver. */
function canPaint(document: Document): boolean {
  const view = document.defaultView as (Window & typeof globalThis) | null;
  return (
    !!view &&
    typeof view.CSS?.highlights?.set === 'function' &&
    typeof view.Highlight === 'function' &&
    typeof view.StaticRange === 'function' &&
    typeof view.IntersectionObserver === 'function'
  );
}

interface RendererContext {
  document: Document;
  phoneLinks: PhoneLinkRegistry;
  paintedPhones: PaintedPhoneRegistry;
  signal: AbortSignal;
}

function createRenderer(
  rendering: Settings['rendering'],
  { document, phoneLinks, paintedPhones, signal }: RendererContext,
): PhoneRenderer {
  if (rendering === 'highlight' && canPaint(document)) {
    return new PhonePainter({
      document,
      findPhones: (text) => findPhones(text),
      registry: paintedPhones,
      signal,
      onIdle: reportPaintTiming,
      onViewportReady: reportViewportTiming,
    });
  }
  const linker = new PhoneLinker({
    document,
    findPhones: (text) => findPhones(text),
    normalize: (input) => normalizePhone(input),
    makeLink: createPhoneLinkFactory(document),
    registry: phoneLinks,
    signal,
    onIdle: reportLinkifyTiming,
  });
  return { start: () => linker.start(), undo: () => linker.unlinkAll() };
}

/**
 * Phone numbers in page text become callable while `settings.linkify` is on:
 * painted over the text by default, or as inserted links when the user
 * chose them or the browser cannot paint. Switching either setting takes
 * the old rendering away before the new one starts.
 */
export default defineFeature({
  id: 'linkify-phones',
  frames: 'every',
  init({ document, phoneLinks, paintedPhones, settings, signal }) {
    let running: {
      controller: AbortController;
      renderer: PhoneRenderer;
      rendering: Settings['rendering'];
    } | null = null;
    const window = document.defaultView;
    if (window) {
      titleLinksOnDemand({
        window,
        registry: phoneLinks,
        titleFor: (e164) => t('page.link.title', { number: formatPhone(e164, 'international') }),
        signal,
      });
    }

    const apply = ({ linkify, rendering }: Settings): void => {
      if (running && (!linkify || running.rendering !== rendering)) {
        running.controller.abort();
        running.renderer.undo();
        running = null;
      }
      if (!linkify || running || signal.aborted) return;
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      const renderer = createRenderer(rendering, {
        document,
        phoneLinks,
        paintedPhones,
        signal: controller.signal,
      });
      running = { controller, renderer, rendering };
      renderer.start();
    };

    apply(settings.current());
    settings.watch(apply, signal);
  },
});
