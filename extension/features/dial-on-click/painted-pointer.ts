import type { PaintedHit, PaintedPhoneRegistry } from '../../lib/dom/painted-phones';
import type { PhoneLinkRegistry } from '../linkify-phones/phone-link-registry';
import { isInsideSkipped, isTelLink } from '../../lib/dom/skip-policy';
import { telTarget } from '../../lib/dom/tel-target';
import { isUserGesture } from '../../lib/dom/trusted-event';
import { HoverCard } from './hover-card';

export interface PaintedPointerOptions {
  window: Window;
  painted: PaintedPhoneRegistry;
  /** Links the inserted-link rendering owns; their clicks are handled by `listenForLinkClicks`. */
  links: PhoneLinkRegistry;
  /** Whether numbers are being made callable at all (the user may turn it off). */
  enabled(): boolean;
  normalize(input: string): { e164: string } | null;
  labelFor(e164: string): string;
  onDial(e164: string): void;
  signal: AbortSignal;
}

function plainPrimary(event: MouseEvent): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/** An element, told by node type: `instanceof` depends on which world's `Element` is asked. */
function asElement(target: EventTarget | undefined): Element | null {
  return (target as Node | undefined)?.nodeType === Node.ELEMENT_NODE ? (target as Element) : null;
}

function inside(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

function withModifier(event: MouseEvent | KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
}

/**
 * Pointer handling for painted numbers, with no element in the page: the
 * element under the pointer and the number's own boxes say which number it
 * is (see `PaintedPhoneRegistry.hitTest`). Hovering one shows the hand
 * cursor and a tooltip from our own shadow root; a person's plain click
 * dials it, whether it lands on our hover box or, without hover (touch), on
 * the page's text. Script-made clicks never dial. Held modifier keys take
 * the hover box away, so Shift-, Ctrl- and Alt-clicks reach the page as
 * usual (to select text, for instance). A click on a `tel:` link the
 * inserted-link rendering did not take over is taken over here, at click
 * time, without marking the link.
 */
export function followPaintedPointer(options: PaintedPointerOptions): void {
  const { window, painted, signal } = options;
  let current: PaintedHit | null = null;
  let pending: { x: number; y: number; target: EventTarget | undefined } | null = null;
  let frame = 0;

  const hide = (): void => {
    current = null;
    if (card.shown) card.hide();
  };
  const card = new HoverCard(window.document);

  const look = (): void => {
    frame = 0;
    const seen = pending;
    pending = null;
    if (!seen || !options.enabled()) return hide();
    const element = asElement(seen.target);
    const hit = element ? painted.hitTest(element, seen.x, seen.y) : null;
    if (!hit) return hide();
    if (current && current.text === hit.text && current.match === hit.match) return;
    current = hit;
    card.show(hit.rects, options.labelFor(hit.match.e164));
  };

  window.addEventListener(
    'mousemove',
    (event: MouseEvent) => {
      const target = event.composedPath()[0];
      // Over our own box: still over the number it covers.
      if (card.holds(target)) return;
      if (withModifier(event)) return hide();
      pending = { x: event.clientX, y: event.clientY, target };
      frame ||= window.requestAnimationFrame(look);
    },
    { capture: true, passive: true, signal },
  );
  const away = (): void => {
    if (frame) window.cancelAnimationFrame(frame);
    frame = 0;
    pending = null;
    hide();
  };
  window.addEventListener('scroll', away, { capture: true, passive: true, signal });
  window.addEventListener('resize', away, { passive: true, signal });
  window.addEventListener('blur', away, { signal });
  window.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      if (withModifier(event) || event.key === 'Escape') away();
    },
    { capture: true, passive: true, signal },
  );
  window.document.addEventListener(
    'mouseout',
    (event: MouseEvent) => {
      if (event.relatedTarget === null && !card.holds(event.composedPath()[0])) away();
    },
    { capture: true, passive: true, signal },
  );
  painted.onForget((text) => {
    if (current?.text === text) away();
  }, signal);
  signal.addEventListener('abort', away, { once: true });

  window.addEventListener(
    'click',
    (event: MouseEvent) => {
      if (!isUserGesture(event) || !plainPrimary(event) || !options.enabled()) return;
      const path = event.composedPath();
      const target = path[0];
      const { clientX: x, clientY: y } = event;
      if (card.holds(target)) {
        // Our own box: the page has no business with this click.
        event.preventDefault();
        event.stopPropagation();
        if (current) options.onDial(current.match.e164);
        return;
      }
      if (options.links.linkOnPath(path)) return;
      const element = asElement(target);
      // A press that began on the text and ended on our box lands on their common ancestor.
      const hit =
        (element && painted.hitTest(element, x, y)) ??
        (current?.rects.some((rect) => inside(rect, x, y)) ? current : null);
      if (hit) {
        options.onDial(hit.match.e164);
        return;
      }
      const tel = path.map(asElement).find((node) => node !== null && isTelLink(node)) as
        HTMLAnchorElement | undefined;
      if (!tel || (tel.parentNode && isInsideSkipped(tel.parentNode))) return;
      const phone = options.normalize(telTarget(tel.getAttribute('href') ?? ''));
      if (!phone) return;
      event.preventDefault();
      options.onDial(phone.e164);
    },
    { capture: true, signal },
  );
}
