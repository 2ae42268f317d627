import type { PhoneLinkRegistry } from './phone-link-registry';

export interface LinkTitleOptions {
  window: Window;
  registry: PhoneLinkRegistry;
  titleFor(e164: string): string;
  signal: AbortSignal;
}

/**
 * Gives a link its tooltip ("Позвонить +7 916 123-45-67") when the pointer or
 * keyboard focus first reaches it. Formatting every number up front costs
 * more than finding them on a large page, and most links are never pointed at.
 */
export function titleLinksOnDemand({ window, registry, titleFor, signal }: LinkTitleOptions): void {
  const describe = (event: Event): void => {
    const target = event.composedPath()[0] as Element | undefined;
    if (!target) return;
    const entry = registry.lookup(target);
    if (!entry?.created || target.hasAttribute('title')) return;
    target.setAttribute('title', titleFor(entry.e164));
  };
  window.addEventListener('mouseover', describe, { capture: true, passive: true, signal });
  window.addEventListener('focusin', describe, { capture: true, passive: true, signal });
}
