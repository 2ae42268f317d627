import type { ContentScriptContext } from '#imports';
import { mountOwnUi } from '../../lib/own-ui';
import type { DialToastView } from './dial-toast-state';
import { ToastPresenter } from './toast-presenter';
import { TOAST_CSS } from './toast-styles';

/**
 * Puts the toast in a closed shadow root at the end of `<body>`: the page can
 * neither restyle it nor read the numbers being dialled. A page that rebuilds
 * its `<body>` gets the host put back on the next update.
 */
export async function mountDialToast(ctx: ContentScriptContext): Promise<DialToastView> {
  const ui = await mountOwnUi(ctx, {
    name: 'ct-dial-toast',
    css: TOAST_CSS,
    create: (container) => new ToastPresenter({ container, signal: ctx.signal }),
    mountError: () => new ToastMountError(),
  });
  return {
    show(state) {
      ui.reattach();
      ui.presenter.show(state);
    },
  };
}

export class ToastMountError extends Error {
  override readonly name = 'ToastMountError';
  constructor() {
    super('The dial toast did not mount: the page needs a <body> element for it.');
  }
}
