/**
 * An element id unique to one call's card, for `aria-labelledby` and `for` links inside the
 * cards' shadow root: the call id's dots and other characters become `_`.
 */
export function cardElementId(prefix: string, callId: string): string {
  return `${prefix}-${callId.replace(/[^\w-]/g, '_')}`;
}
