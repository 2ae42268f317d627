import { h, render } from 'preact';
import type { CallView, OutcomeSettings } from '../../../shared/protocol';
import { onLanguageChange } from '../../lib/i18n/core';
import type { CardActions } from './card-actions';
import { CallCardStack } from './call-card-stack';
import { OutcomeSettingsContext } from './outcome-window';

export interface CardPresenterOptions {
  container: HTMLElement;
  actions: CardActions;
  signal: AbortSignal;
}

/** Renders the stack of call cards into a container; re-renders on language change. */
export class CardPresenter {
  readonly #options: CardPresenterOptions;
  #calls: readonly CallView[] = [];
  #announcement = '';
  #outcomes: OutcomeSettings | undefined;

  constructor(options: CardPresenterOptions) {
    this.#options = options;
    onLanguageChange(() => this.#render(), options.signal);
    options.signal.addEventListener('abort', () => render(null, options.container), { once: true });
  }

  update(calls: readonly CallView[], announcement?: string): void {
    this.#calls = calls;
    if (announcement !== undefined) this.#announcement = announcement;
    this.#render();
  }

  setOutcomes(settings: OutcomeSettings | undefined): void {
    this.#outcomes = settings;
    this.#render();
  }

  /** True while keyboard focus is inside the card of this call: it is not closed under the user. */
  hasFocusIn(callId: string): boolean {
    const root = this.#options.container.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    return !!active?.closest(`[data-call-id="${CSS.escape(callId)}"]`);
  }

  #render(): void {
    if (this.#options.signal.aborted) return;
    render(
      h(
        OutcomeSettingsContext.Provider,
        { value: this.#outcomes },
        h(CallCardStack, {
          calls: this.#calls,
          actions: this.#options.actions,
          announcement: this.#announcement,
        }),
      ),
      this.#options.container,
    );
  }
}
