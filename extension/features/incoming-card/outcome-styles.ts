/** Shadow-root styles of the card's outcome form and create links (added to the card's). */
export const OUTCOME_CSS = `
.outcome, .create { margin-top: 10px; border-top: 1px solid #e5e7eb; padding-top: 6px; }
.outcome { display: flex; flex-direction: column; gap: 6px; }
.chips { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.chips > legend.label { padding: 0; margin-bottom: 2px; }
.chip {
  display: inline-flex;
  align-items: center;
  padding: 2px 10px;
  border: 1px solid #d1d5db;
  border-radius: 999px;
  background: #f9fafb;
  cursor: pointer;
}
.chip input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.chip:hover { background: #f3f4f6; }
.chip--on { border: 2px solid #2563eb; padding: 1px 9px; background: #eff6ff; font-weight: 600; }
.chip--on span::before { content: "\\2713\\00a0"; }
.chip:focus-within { outline: 2px solid #2563eb; outline-offset: 2px; }
.note {
  box-sizing: border-box;
  width: 100%;
  min-height: 44px;
  resize: vertical;
  font: inherit;
  padding: 4px 6px;
  border: 1px solid #9ca3af;
  border-radius: 6px;
  color: inherit;
  background: #ffffff;
}
.note:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.outcome-foot { display: flex; align-items: center; flex-wrap: wrap; gap: 8px; }
.outcome-status { color: #15803d; font-size: 12px; }
.outcome-status--failed { color: #b91c1c; }
.outcome-count { margin-left: auto; color: #6b7280; font-size: 12px; }
.create-links { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }
@media (prefers-color-scheme: dark) {
  .outcome, .create { border-top-color: #374151; }
  .chip { background: #374151; border-color: #4b5563; }
  .chip--on { background: #1e3a8a; border-color: #93c5fd; }
  .note { background: #111827; border-color: #6b7280; }
  .outcome-count { color: #d1d5db; }
}
`;
