/** The "×" that closes a panel of ours (the dial toast, a call card), one look for both. */
export const CLOSE_BUTTON_CSS = `
.close {
  flex: none;
  width: 28px;
  height: 28px;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: #6b7280;
  font: 20px/1 system-ui, sans-serif;
  cursor: pointer;
}
.close:hover { background: #f3f4f6; color: #111827; }
.close:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .close { color: #9ca3af; }
  .close:hover { background: #374151; color: #f9fafb; }
}
`;

interface CloseButtonProps {
  /** What it closes, said by screen readers and shown as the tooltip. */
  label: string;
  onClose(event: MouseEvent): void;
  /** A further class for the panel's own placement. */
  class?: string;
}

/** Styled by `CLOSE_BUTTON_CSS`, which the panel's shadow root includes. */
export function CloseButton({ label, onClose, class: extra }: CloseButtonProps) {
  return (
    <button
      type="button"
      class={extra ? `close ${extra}` : 'close'}
      aria-label={label}
      title={label}
      onClick={onClose}
    >
      ×
    </button>
  );
}
