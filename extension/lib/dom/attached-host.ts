/**
 * Wraps what renders into one of our shadow roots so that its host is put
 * back as the last child of `<html>` whenever something is shown. A host
 * just put on the page gets its content one frame later: a live region
 * that arrives already filled is not announced by every screen reader.
 */
export function showAttached<T>(host: Element, render: (value: T) => void): (value: T) => void {
  let waiting: { value: T } | null = null;
  return (value) => {
    const root = host.ownerDocument.documentElement;
    if (waiting) {
      waiting.value = value;
      return;
    }
    if (host.parentNode === root) {
      render(value);
      return;
    }
    root.append(host);
    const pending = { value };
    waiting = pending;
    const view = host.ownerDocument.defaultView;
    const run = () => {
      waiting = null;
      render(pending.value);
    };
    if (view) view.requestAnimationFrame(run);
    else run();
  };
}
