import { CLOSE_BUTTON_CSS } from '../../lib/close-button';
import { entranceCss, OWN_UI_FONT, pinnedHostCss } from '../../lib/own-ui-css';
import { TECHNICAL_LINE_CSS } from '../technical-line';

/**
 * Shadow-root styles of the dial toast. The host is fixed to a corner, so it
 * never takes part in the page's layout.
 */
export const TOAST_CSS = `
${pinnedHostCss(2147483646, {
  right: '16px',
  bottom: '16px',
  'max-width': 'min(380px, calc(100vw - 32px))',
})}
.toast {
  display: flex;
  align-items: flex-start;
  gap: 10px;
  box-sizing: border-box;
  padding: 12px 12px 12px 14px;
  border-radius: 8px;
  border-left: 4px solid #2563eb;
  background: #ffffff;
  color: #1f2937;
  box-shadow: 0 6px 24px rgba(15, 23, 42, 0.18), 0 1px 3px rgba(15, 23, 42, 0.12);
  font: ${OWN_UI_FONT};
}
.toast--ok { border-left-color: #16a34a; }
.toast--error { border-left-color: #dc2626; }
.toast--notice { border-left-color: #d97706; }
.icon { flex: none; font-size: 18px; line-height: 20px; }
.body { flex: 1; min-width: 0; }
.title { font-weight: 600; overflow-wrap: anywhere; }
.detail { margin-top: 2px; color: #4b5563; overflow-wrap: anywhere; }
${CLOSE_BUTTON_CSS}
.close { margin: -4px -4px 0 0; }
@media (prefers-color-scheme: dark) {
  .toast { background: #1f2937; color: #f9fafb; }
  .detail { color: #d1d5db; }
}
${TECHNICAL_LINE_CSS}
${entranceCss('.toast', 'ct-toast-in', 160, 'translateY(8px)')}
`;
