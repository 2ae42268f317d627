/**
 * DOM test engines create every event untrusted, like a page script would.
 * These stand in for real user input by marking the event trusted.
 */
export function trusted<T extends Event>(event: T): T {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export function userClick(target: EventTarget, init: MouseEventInit = {}): MouseEvent {
  const event = trusted(
    new MouseEvent('click', {
      bubbles: true,
      cancelable: true,
      composed: true,
      button: 0,
      ...init,
    }),
  );
  target.dispatchEvent(event);
  return event;
}

export function scriptClick(target: EventTarget): MouseEvent {
  const event = new MouseEvent('click', {
    bubbles: true,
    cancelable: true,
    composed: true,
    button: 0,
  });
  target.dispatchEvent(event);
  return event;
}

export function userKey(target: EventTarget, key: string): KeyboardEvent {
  const event = trusted(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }),
  );
  target.dispatchEvent(event);
  return event;
}
