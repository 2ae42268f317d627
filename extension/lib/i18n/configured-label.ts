import { getLanguage } from './core';

/** A label IT configured: the office's own, or the English one for an English reader. */
export function configuredLabel(text: { label: string; en?: string }): string {
  return getLanguage() === 'en' ? (text.en ?? text.label) : text.label;
}
