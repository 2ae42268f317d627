import { h, render } from 'preact';
import { onLanguageChange } from '../../lib/i18n/core';
import { DialToast } from './dial-toast';
import type { DialToastState, DialToastView } from './dial-toast-state';

export interface ToastPresenterOptions {
  container: HTMLElement;
  signal: AbortSignal;
  /** How long a finished dial stays on screen. */
  doneHideMs?: number;
  /** Failures stay longer: they say what to do. */
  failedHideMs?: number;
  /** Called when the toast has been hidden, so its host can leave the page. */
  onHidden?: () => void;
}

/** Holds the toast's state, hides it some seconds after the dial ends, re-renders on language change. */
export class ToastPresenter implements DialToastView {
  readonly #options: ToastPresenterOptions;
  #state: DialToastState | null = null;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ToastPresenterOptions) {
    this.#options = options;
    onLanguageChange(() => this.#render(), options.signal);
    options.signal.addEventListener(
      'abort',
      () => {
        clearTimeout(this.#hideTimer);
        render(null, options.container);
      },
      { once: true },
    );
    this.#render();
  }

  get state(): DialToastState | null {
    return this.#state;
  }

  show(state: DialToastState): void {
    if (this.#options.signal.aborted) return;
    this.#state = state;
    clearTimeout(this.#hideTimer);
    const hideAfter =
      state.phase === 'failed'
        ? (this.#options.failedHideMs ?? 10_000)
        : state.phase === 'working'
          ? null
          : (this.#options.doneHideMs ?? 4_000);
    if (hideAfter !== null) this.#hideTimer = setTimeout(() => this.hide(), hideAfter);
    this.#render();
  }

  hide(): void {
    clearTimeout(this.#hideTimer);
    this.#state = null;
    this.#render();
    this.#options.onHidden?.();
  }

  #render(): void {
    if (this.#options.signal.aborted) return;
    render(
      h(DialToast, { state: this.#state, onDismiss: () => this.hide() }),
      this.#options.container,
    );
  }
}
