import { vi } from 'vitest';
import type { CardActions } from '../../../../../extension/features/incoming-card/card-actions';
import { CardPresenter } from '../../../../../extension/features/incoming-card/card-presenter';
import type { CallView } from '../../../../../shared/protocol';

export type CardActionMocks = { [K in keyof CardActions]: ReturnType<typeof vi.fn> };

/** Call cards rendered into the document, with every action a mock. */
export interface CardHarness {
  readonly container: HTMLElement;
  readonly presenter: CardPresenter;
  readonly actions: CardActionMocks;
  /** Renders the calls and returns the first card. */
  show(...calls: CallView[]): HTMLElement;
  close(): void;
}

export function mountCards(): CardHarness {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const controller = new AbortController();
  const actions: CardActionMocks = {
    open: vi.fn(),
    copy: vi.fn(() => Promise.resolve(true)),
    dismiss: vi.fn(),
    control: vi.fn(() => Promise.resolve({ ok: true })),
    callBack: vi.fn(),
    noteOutcome: vi.fn(),
  };
  const presenter = new CardPresenter({
    container,
    actions: actions as unknown as CardActions,
    signal: controller.signal,
  });
  return {
    container,
    presenter,
    actions,
    show(...calls) {
      presenter.update(calls);
      return container.querySelector<HTMLElement>('article')!;
    },
    close: () => controller.abort(),
  };
}

/** The button whose text holds `label`; fails the test, listing the card's text, otherwise. */
export function buttonNamed(card: Element, label: string): HTMLButtonElement {
  const button = Array.from(card.querySelectorAll('button')).find((candidate) =>
    (candidate.textContent ?? '').includes(label),
  );
  if (!button) throw new Error(`no button "${label}" in: ${card.textContent}`);
  return button;
}
