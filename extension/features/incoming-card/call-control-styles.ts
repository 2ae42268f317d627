/** Styles of the card's call controls, in the cards' shadow root. */
export const CALL_CONTROL_CSS = `
.controls { margin-top: 10px; display: flex; flex-direction: column; gap: 6px; }
.controls .actions { margin-top: 0; }
.action--hangup { border-color: #fca5a5; color: #991b1b; }
.action--hangup:hover { background: #fef2f2; }
.action:disabled { cursor: default; opacity: 0.6; }
.consult { font-weight: 600; color: #92400e; font-variant-numeric: tabular-nums; }
.transfer--cancelled { color: #374151; }
.transfer-panel {
  display: flex;
  flex-direction: column;
  gap: 6px;
  padding: 8px;
  border: 1px solid #e5e7eb;
  border-radius: 8px;
}
.to {
  font: inherit;
  padding: 4px 8px;
  border: 1px solid #9ca3af;
  border-radius: 6px;
  background: #ffffff;
  color: #111827;
}
.to:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.picks { list-style: none; display: flex; flex-direction: column; gap: 4px; }
.pick {
  font: inherit;
  width: 100%;
  text-align: left;
  cursor: pointer;
  padding: 3px 8px;
  border: 1px solid #d1d5db;
  border-radius: 6px;
  background: #ffffff;
  color: #111827;
}
.pick[aria-pressed="true"] { border-color: #2563eb; box-shadow: inset 3px 0 0 #2563eb; }
.pick:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.pick-name { font-weight: 600; }
.hint { color: #b91c1c; font-size: 12px; }
.control-status { font-size: 12px; color: #b91c1c; min-height: 0; }
.control-status:empty { display: none; }
@media (prefers-color-scheme: dark) {
  .transfer-panel { border-color: #374151; }
  .to, .pick { background: #111827; border-color: #4b5563; color: #f9fafb; }
  .consult { color: #fcd34d; }
  .transfer--cancelled { color: #d1d5db; }
  .action--hangup { color: #fecaca; border-color: #7f1d1d; }
}
`;
