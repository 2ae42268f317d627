import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { OWN_UI_ATTRIBUTE } from '../../lib/dom/skip-policy';
import { showAttached } from '../../lib/dom/attached-host';
import type { DialToastState, DialToastView } from './dial-toast-state';
import { ToastPresenter } from './toast-presenter';
import { TOAST_CSS } from './toast-styles';

/**
 * Puts the toast in a closed shadow root whose host is the last child of
 * `<html>`, outside the page's content, and only while the toast is shown:
 * the page can neither restyle it nor read the numbers being dialled, and
 * between dials nothing of ours is in its DOM.
 */
export async function mountDialToast(ctx: ContentScriptContext): Promise<DialToastView> {
  const ui = await createShadowRootUi(ctx, {
    name: 'ct-dial-toast',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    mode: 'closed',
    isolateEvents: true,
    css: TOAST_CSS,
    onMount(container, _shadow, host) {
      host.setAttribute(OWN_UI_ATTRIBUTE, '');
      return new ToastPresenter({
        container,
        signal: ctx.signal,
        onHidden: () => ui.shadowHost.remove(),
      });
    },
  });
  ui.mount();
  const presenter = ui.mounted;
  if (!presenter) throw new ToastMountError();
  return { show: showAttached(ui.shadowHost, (state: DialToastState) => presenter.show(state)) };
}

export class ToastMountError extends Error {
  override readonly name = 'ToastMountError';
  constructor() {
    super('The dial toast did not mount: the page needs an <html> element for it.');
  }
}
