import { createShadowRootUi, type ContentScriptContext } from '#imports';
import type { CallView } from '../../../shared/protocol';
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
 * The cards live in a closed shadow root at the end of `<body>`, so the page
 * can neither restyle them nor read who is calling.
 */
export async function mountCallCards(
  ctx: ContentScriptContext,
  actions: CardActions,
): Promise<CallCardsView> {
  const ui = await createShadowRootUi(ctx, {
    name: 'ct-call-cards',
    position: 'inline',
    anchor: 'body',
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
  return {
    shadow: ui.shadow,
    hasFocusIn: (callId) => presenter.hasFocusIn(callId),
    update(calls, announcement) {
      if (!ui.shadowHost.isConnected && calls.length > 0) document.body.append(ui.shadowHost);
      presenter.update(calls, announcement);
    },
  };
}

export class CardsMountError extends Error {
  override readonly name = 'CardsMountError';
  constructor() {
    super('The call cards did not mount: the page needs a <body> element for them.');
  }
}
