import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { OWN_UI_ATTRIBUTE } from '../../lib/dom/skip-policy';
import type { DialToastView } from './dial-toast-state';
import { ToastPresenter } from './toast-presenter';
import { TOAST_CSS } from './toast-styles';

/**
 * Puts the toast in a closed shadow root at the end of `<body>`: the page can
 * neither restyle it nor read the numbers being dialled. A page that rebuilds
 * its `<body>` gets the host put back on the next update.
 */
export async function mountDialToast(ctx: ContentScriptContext): Promise<DialToastView> {
  const ui = await createShadowRootUi(ctx, {
    name: 'ct-dial-toast',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    mode: 'closed',
    isolateEvents: true,
    css: TOAST_CSS,
    onMount(container, _shadow, host) {
      host.setAttribute(OWN_UI_ATTRIBUTE, '');
      return new ToastPresenter({ container, signal: ctx.signal });
    },
  });
  ui.mount();
  const presenter = ui.mounted;
  if (!presenter) throw new ToastMountError();
  return {
    show(state) {
      if (!ui.shadowHost.isConnected) document.body.append(ui.shadowHost);
      presenter.show(state);
    },
  };
}

export class ToastMountError extends Error {
  override readonly name = 'ToastMountError';
  constructor() {
    super('The dial toast did not mount: the page needs a <body> element for it.');
  }
}
