import type { ContentScriptContext } from '#imports';
import { mountOwnUi } from '../../lib/own-ui';
import type { DialToastView } from './dial-toast-state';
import { ToastPresenter } from './toast-presenter';
import { TOAST_CSS } from './toast-styles';

/**
 * Puts the toast in our own closed shadow root (see `mountOwnUi`), on the
 * page only while the toast is shown: the page can neither restyle it nor
 * read the numbers being dialled, and between dials nothing of ours is in
 * its DOM.
 */
export async function mountDialToast(ctx: ContentScriptContext): Promise<DialToastView> {
  const ui = await mountOwnUi<ToastPresenter>(ctx, {
    name: 'ct-dial-toast',
    css: TOAST_CSS,
    create: (container, { hide }) =>
      new ToastPresenter({ container, signal: ctx.signal, onHidden: hide }),
    mountError: () => new ToastMountError(),
  });
  return {
    show(state) {
      ui.show(() => ui.presenter.show(state));
    },
  };
}

export class ToastMountError extends Error {
  override readonly name = 'ToastMountError';
  constructor() {
    super('The dial toast did not mount: the page needs an <html> element for it.');
  }
}
