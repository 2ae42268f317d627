import type { PhoneLinkRegistry } from '../linkify-phones/phone-link-registry';

export interface FocusRingOptions {
  window: Window;
  registry: PhoneLinkRegistry;
  signal: AbortSignal;
}

/** Engines without `:focus-visible` throw on the selector; they get the ring on every focus. */
function matchesFocusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

/**
 * Pages often remove `a:focus` outlines; our links get their own ring while
 * focused from the keyboard. An outline takes no space, so layout never moves.
 */
export function keepFocusRingVisible({ window, registry, signal }: FocusRingOptions): void {
  window.addEventListener(
    'focusin',
    (event: FocusEvent) => {
      const target = event.composedPath()[0] as Element | undefined;
      if (!target || !registry.lookup(target)?.created) return;
      const link = target as HTMLAnchorElement;
      if (!matchesFocusVisible(link)) return;
      link.style.setProperty('outline', '2px solid currentColor');
      link.style.setProperty('outline-offset', '2px');
      link.addEventListener(
        'blur',
        () => {
          link.style.removeProperty('outline');
          link.style.removeProperty('outline-offset');
        },
        { once: true, signal },
      );
    },
    { capture: true, signal },
  );
}
