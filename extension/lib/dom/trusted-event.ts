/**
 * True only for events the browser created from real user input. Page
 * scripts can dispatch clicks and key presses on our links, but never
 * trusted ones, so this is the line between a user's gesture and a page.
 */
export function isUserGesture(event: Event): boolean {
  return event.isTrusted === true;
}
