import { isUserGesture } from '../../lib/dom/trusted-event';

/** Runs a handler only for the user's own clicks, never for script-dispatched ones. */
export function onGesture(handler: () => void): (event: Event) => void {
  return (event) => {
    if (isUserGesture(event)) handler();
  };
}
