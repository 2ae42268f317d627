import type { ContentScriptContext } from '#imports';
import type { CallView, OutcomeSettings } from '../../../shared/protocol';
import { mountOwnUi } from '../../lib/own-ui';
import type { CardActions } from './card-actions';
import { CardPresenter } from './card-presenter';
import { CARD_CSS } from './card-styles';
import { OUTCOME_CSS } from './outcome-styles';

export interface CallCardsView {
  update(calls: readonly CallView[], announcement?: string): void;
  /** What the helper offers to note on calls. */
  setOutcomes(settings: OutcomeSettings | undefined): void;
  hasFocusIn(callId: string): boolean;
  /** Where the clipboard fallback puts its temporary field, out of the page's reach. */
  readonly shadow: ShadowRoot;
}

/**
 * The cards live in our own closed shadow root (see `mountOwnUi`), on the
 * page only while a card is shown, so the page can neither restyle them nor
 * read who is calling.
 */
export async function mountCallCards(
  ctx: ContentScriptContext,
  actions: CardActions,
): Promise<CallCardsView> {
  const ui = await mountOwnUi(ctx, {
    name: 'ct-call-cards',
    css: CARD_CSS + OUTCOME_CSS,
    create: (container) => new CardPresenter({ container, actions, signal: ctx.signal }),
    mountError: () => new CardsMountError(),
  });
  return {
    shadow: ui.shadow,
    hasFocusIn: (callId) => ui.presenter.hasFocusIn(callId),
    setOutcomes: (settings) => ui.presenter.setOutcomes(settings),
    update(calls, announcement) {
      if (calls.length > 0) {
        ui.show(() => ui.presenter.update(calls, announcement));
        return;
      }
      ui.presenter.update(calls, announcement);
      ui.hide();
    },
  };
}

export class CardsMountError extends Error {
  override readonly name = 'CardsMountError';
  constructor() {
    super('The call cards did not mount: the page needs an <html> element for them.');
  }
}
