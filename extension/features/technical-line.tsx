import { t } from '../lib/i18n/core';

/**
 * What the helper or the PBX said about a failure, in English as it was said: a line for
 * the administrator under the operator's own-language sentence, never mixed into it. The
 * text is marked as English so a screen reader pronounces it right.
 */
export function TechnicalLine({ text }: { text: string }) {
  return (
    <p class="technical">
      {t('page.details')} <span lang="en">{text}</span>
    </p>
  );
}

/** Its style in the shadow roots that show it (the dial toast, the call card). */
export const TECHNICAL_LINE_CSS = `
.technical { margin: 4px 0 0; color: #6b7280; font-size: 12px; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) { .technical { color: #9ca3af; } }
`;
