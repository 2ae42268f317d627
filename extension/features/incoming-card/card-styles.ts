import { entranceCss, OWN_UI_FONT, pinnedHostCss } from '../../lib/own-ui-css';
import { CLOSE_BUTTON_CSS } from '../../lib/close-button';
import { CALL_CONTROL_CSS } from './call-control-styles';
import { TECHNICAL_LINE_CSS } from '../technical-line';

/**
 * Shadow-root styles of the call cards. The host is fixed to the top-right
 * corner and sized by its cards, so the page's layout never moves.
 */
export const CARD_CSS = `
${pinnedHostCss(2147483647, {
  top: '16px',
  right: '16px',
  width: 'min(360px, calc(100vw - 32px))',
  'max-height': 'calc(100vh - 32px)',
  'overflow-y': 'auto',
  'pointer-events': 'none',
})}
.stack {
  display: flex;
  flex-direction: column;
  gap: 10px;
  font: ${OWN_UI_FONT};
  color: #1f2937;
}
.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
.card {
  pointer-events: auto;
  box-sizing: border-box;
  padding: 12px 14px;
  border-radius: 10px;
  border-top: 4px solid #2563eb;
  background: #ffffff;
  box-shadow: 0 8px 28px rgba(15, 23, 42, 0.2), 0 1px 3px rgba(15, 23, 42, 0.12);
}
.card:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.card--answered { border-top-color: #16a34a; }
.card--answered-elsewhere, .card--ended { border-top-color: #9ca3af; }
.card--missed { border-top-color: #dc2626; }
.head { display: flex; align-items: flex-start; gap: 8px; }
.head-text { flex: 1; min-width: 0; }
p, h2, h3, ul { margin: 0; padding: 0; }
.direction { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #4b5563; }
.number { font-size: 20px; font-weight: 650; letter-spacing: 0.01em; }
.number::before { content: "\\260E"; margin-right: 6px; font-size: 16px; color: #2563eb; }
.state { margin-top: 2px; font-weight: 600; }
.state--answered { color: #15803d; font-variant-numeric: tabular-nums; }
.state--missed { color: #b91c1c; }
.identity { margin-top: 8px; display: flex; flex-direction: column; gap: 8px; }
.who { border-top: 1px solid #e5e7eb; padding-top: 6px; }
.role { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: #6b7280; }
.name { font-weight: 600; overflow-wrap: anywhere; }
.meta { color: #4b5563; overflow-wrap: anywhere; }
.label { color: #4b5563; }
.lookup { color: #6b7280; font-style: italic; }
.lookup--warn { color: #b45309; font-style: normal; }
.unknown { color: #4b5563; }
.deliveries { list-style: none; display: flex; flex-direction: column; gap: 6px; margin-top: 4px; }
.delivery { padding-left: 8px; border-left: 2px solid #e5e7eb; }
.badge {
  display: inline-block;
  margin-left: 6px;
  padding: 0 6px;
  border-radius: 999px;
  background: #eef2ff;
  color: #3730a3;
  font-size: 12px;
  font-weight: 500;
}
a { color: #1d4ed8; text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; border-radius: 2px; }
.transfer { margin-top: 6px; }
.transfer--ok { color: #15803d; }
.transfer--failed { color: #b91c1c; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 10px; }
.action {
  font: inherit;
  cursor: pointer;
  border-radius: 6px;
  padding: 4px 10px;
  border: 1px solid #d1d5db;
  background: #f9fafb;
  color: #111827;
}
.action:hover { background: #f3f4f6; }
.action--link { display: inline-block; text-decoration: none; color: #1d4ed8; }
.action--primary { background: #2563eb; border-color: #2563eb; color: #ffffff; }
.action--primary:hover { background: #1d4ed8; }
.action--transfer { border-color: #93c5fd; }
.action:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
${CLOSE_BUTTON_CSS}
.feedback { color: #15803d; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .stack { color: #f9fafb; }
  .card { background: #1f2937; }
  .direction, .meta, .label, .unknown { color: #d1d5db; }
  .who { border-top-color: #374151; }
  .delivery { border-left-color: #374151; }
  a { color: #93c5fd; }
  .action { background: #374151; border-color: #4b5563; color: #f9fafb; }
  .action:hover { background: #4b5563; color: #f9fafb; }
}
${CALL_CONTROL_CSS}
${TECHNICAL_LINE_CSS}
${entranceCss('.card', 'ct-card-in', 180, 'translateX(12px)')}
`;
