/* CSS pieces shared by the shadow roots our page features mount (see own-ui.ts). */

/** The type our UI uses on every page, whatever the page's own fonts. */
export const OWN_UI_FONT =
  '14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/**
 * The shadow host fixed to a corner of the viewport, above the page, so it never takes
 * part in the page's layout. `rules` add the corner and the size.
 */
export function pinnedHostCss(zIndex: number, rules: Readonly<Record<string, string>>): string {
  const extra = Object.entries(rules)
    .map(([property, value]) => `\n  ${property}: ${value} !important;`)
    .join('');
  return `:host {
  position: fixed !important;${extra}
  z-index: ${zIndex} !important;
  display: block !important;
}`;
}

/** An entrance animation, played only for users who have not asked for reduced motion. */
export function entranceCss(selector: string, name: string, ms: number, from: string): string {
  return `@media (prefers-reduced-motion: no-preference) {
  ${selector} { animation: ${name} ${ms}ms ease-out; }
  @keyframes ${name} { from { opacity: 0; transform: ${from}; } }
}`;
}
