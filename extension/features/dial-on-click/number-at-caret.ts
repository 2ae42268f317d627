import type { PaintedMatch, PaintedPhoneRegistry } from '../../lib/dom/painted-phones';

/** The phone finder, as `shared/phone` gives it. */
export type PhoneFinder = (text: string) => readonly PaintedMatch[];

/** Text fields whose value and selection are the operator's own, unlike a password. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', '']);

/** The number overlapping `[from, to]` in a text's matches; a caret (`from === to`) may touch either end. */
function overlapping(matches: readonly PaintedMatch[], from: number, to: number): string | null {
  for (const match of matches) {
    if (
      from === to ? from >= match.start && from <= match.end : from < match.end && to > match.start
    ) {
      return match.e164;
    }
  }
  return null;
}

function fieldNumber(
  field: HTMLInputElement | HTMLTextAreaElement,
  find: PhoneFinder,
): string | null {
  const value = field.value;
  const from = field.selectionStart ?? 0;
  const to = field.selectionEnd ?? from;
  return (
    overlapping(find(value), from, to) ??
    (from < to ? (find(value.slice(from, to))[0]?.e164 ?? null) : null)
  );
}

/**
 * The number the keyboard user means: the one under the selection or the
 * caret (caret browsing, an editable note, a text field), else the first
 * number inside the selected text. Null when there is none.
 */
export function numberAtCaret(
  document: Document,
  painted: PaintedPhoneRegistry,
  find: PhoneFinder,
): string | null {
  const active = document.activeElement;
  if (active?.localName === 'textarea') return fieldNumber(active as HTMLTextAreaElement, find);
  if (active?.localName === 'input') {
    const input = active as HTMLInputElement;
    return TEXT_INPUT_TYPES.has(input.type) ? fieldNumber(input, find) : null;
  }
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer;
  if (start.nodeType === Node.TEXT_NODE) {
    const text = start as Text;
    const end = range.endContainer === text ? range.endOffset : text.length;
    const matches = painted.read(text) ?? find(text.data);
    const found = overlapping(matches, range.startOffset, end);
    if (found) return found;
  }
  return selection.isCollapsed ? null : (find(selection.toString())[0]?.e164 ?? null);
}
