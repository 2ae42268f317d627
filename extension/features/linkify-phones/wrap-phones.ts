import type { PhoneLinkRegistry } from '../../lib/dom/phone-link-registry';
import type { PhoneMatch } from './phone-finder';
import type { PhoneLinkFactory } from './phone-link-factory';

/**
 * Replaces each match in a text node (whose current text is `data`) with a
 * link holding exactly the matched characters. The original node stays where it is with the text before the
 * first match, so a framework holding it can still update or remove it, and
 * the parent's `textContent` is unchanged. Returns the nodes inserted after
 * it (links and the text between them), none when nothing matched.
 */
export function wrapPhonesInText(
  node: Text,
  data: string,
  matches: readonly PhoneMatch[],
  makeLink: PhoneLinkFactory,
  registry: PhoneLinkRegistry,
): Node[] {
  const document = node.ownerDocument;
  const pieces: Node[] = [];
  let cursor = -1;
  let firstStart = -1;
  for (const match of matches) {
    const ordered = match.start >= Math.max(cursor, 0) && match.end > match.start;
    if (!ordered || match.end > data.length) continue;
    if (cursor < 0) firstStart = match.start;
    else if (match.start > cursor)
      pieces.push(node.ownerDocument.createTextNode(data.slice(cursor, match.start)));
    const link = makeLink(match.e164, data.slice(match.start, match.end));
    registry.register(link, { e164: match.e164, created: true });
    pieces.push(link);
    cursor = match.end;
  }
  if (pieces.length === 0) return pieces;
  if (cursor < data.length) pieces.push(document.createTextNode(data.slice(cursor)));
  node.data = data.slice(0, firstStart);
  node.after(...pieces);
  return pieces;
}
