// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_BUTTON_CSS, CloseButton } from '../../../../extension/lib/close-button';
import { userClick } from '../../../support/extension/trusted-events';

let container: HTMLElement;

afterEach(() => {
  if (container) render(null, container);
});

function mount(props: Parameters<typeof CloseButton>[0]): HTMLButtonElement {
  container = document.createElement('div');
  document.body.replaceChildren(container);
  render(<CloseButton {...props} />, container);
  return container.querySelector('button')!;
}

describe('close button', () => {
  it('is a plain button named by its label, for screen readers and as the tooltip', () => {
    const button = mount({ label: 'Закрыть', onClose: () => undefined });
    expect(button.type).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Закрыть');
    expect(button.title).toBe('Закрыть');
    expect(button.className).toBe('close');
    expect(button.textContent).toBe('×');
  });

  it("adds the panel's own class beside the shared one, whose styles it carries", () => {
    const button = mount({ label: 'Скрыть', onClose: () => undefined, class: 'dismiss' });
    expect(button.className).toBe('close dismiss');
    expect(CLOSE_BUTTON_CSS).toContain('.close {');
    expect(CLOSE_BUTTON_CSS).toContain('.close:focus-visible');
  });

  it('hands the click to the panel, which decides what a click may do', () => {
    const onClose = vi.fn();
    const button = mount({ label: 'Закрыть', onClose });
    const click = userClick(button);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onClose.mock.calls[0]![0]).toBe(click);
  });
});
