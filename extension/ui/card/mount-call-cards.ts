import { createShadowRootUi, type ContentScriptContext } from '#imports';
import type { CallView } from '../../../shared/protocol';
import { showAttached } from '../../lib/dom/attached-host';
import { OWN_UI_ATTRIBUTE } from '../../lib/dom/skip-policy';
import type { CardActions } from './card-actions';
import { CardPresenter } from './card-presenter';
import { CARD_CSS } from './card-styles';

export interface CallCardsView {
  update(calls: readonly CallView[], announcement?: string): void;
  hasFocusIn(callId: string): boolean;
  /** Where the clipboard fallback puts its temporary field, out of the page's reach. */
  readonly shadow: ShadowRoot;
}

/**
 * The cards live in a closed shadow root, so the page can neither restyle
 * them nor read who is calling. Its host is the last child of `<html>`,
 * outside the page's content, and only while a card is shown.
 */
export async function mountCallCards(
  ctx: ContentScriptContext,
  actions: CardActions,
): Promise<CallCardsView> {
  const ui = await createShadowRootUi(ctx, {
    name: 'ct-call-cards',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    mode: 'closed',
    isolateEvents: true,
    css: CARD_CSS,
    onMount(container, _shadow, host) {
      host.setAttribute(OWN_UI_ATTRIBUTE, '');
      return new CardPresenter({ container, actions, signal: ctx.signal });
    },
  });
  ui.mount();
  const presenter = ui.mounted;
  if (!presenter) throw new CardsMountError();
  const show = showAttached(
    ui.shadowHost,
    (update: { calls: readonly CallView[]; announcement?: string }) =>
      presenter.update(update.calls, update.announcement),
  );
  return {
    shadow: ui.shadow,
    hasFocusIn: (callId) => presenter.hasFocusIn(callId),
    update(calls, announcement) {
      if (calls.length > 0) {
        show({ calls, ...(announcement === undefined ? {} : { announcement }) });
        return;
      }
      presenter.update(calls, announcement);
      ui.shadowHost.remove();
    },
  };
}

export class CardsMountError extends Error {
  override readonly name = 'CardsMountError';
  constructor() {
    super('The call cards did not mount: the page needs an <html> element for them.');
  }
}
