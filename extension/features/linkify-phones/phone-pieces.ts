import type { PhoneLinkRegistry } from './phone-link-registry';
import type { PhoneMatch } from './phone-renderer';
import type { PhoneLinkFactory } from './phone-link-factory';

/** What linking one text node puts on the page, built before the page is touched. */
export interface PhonePieces {
  /** The text the original node keeps: what comes before the first phone. */
  head: string;
  /** Links and the text between and after them, in order, to follow the original node. */
  nodes: Node[];
  links: number;
}

/**
 * Builds the links for each match in `data` (a text node's current text),
 * each holding exactly the matched characters, and registers them; nothing
 * on the page changes yet. Building apart from inserting keeps the slice
 * that edits the page short; the page lays itself out once per such slice.
 * Null when no match fits the text.
 */
export function preparePhonePieces(
  document: Document,
  data: string,
  matches: readonly PhoneMatch[],
  makeLink: PhoneLinkFactory,
  registry: PhoneLinkRegistry,
): PhonePieces | null {
  const nodes: Node[] = [];
  let links = 0;
  let cursor = -1;
  let firstStart = -1;
  for (const match of matches) {
    const ordered = match.start >= Math.max(cursor, 0) && match.end > match.start;
    if (!ordered || match.end > data.length) continue;
    if (cursor < 0) firstStart = match.start;
    else if (match.start > cursor)
      nodes.push(document.createTextNode(data.slice(cursor, match.start)));
    const link = makeLink(match.e164, data.slice(match.start, match.end));
    registry.register(link, { e164: match.e164, created: true });
    nodes.push(link);
    links++;
    cursor = match.end;
  }
  if (links === 0) return null;
  if (cursor < data.length) nodes.push(document.createTextNode(data.slice(cursor)));
  return { head: data.slice(0, firstStart), nodes, links };
}

/**
 * Puts prepared pieces in place of the phones of `node`, whose text must
 * still be the text they were built from. The original node stays where it
 * is with the text before the first phone, so a framework holding it can
 * still update or remove it, and the parent's `textContent` is unchanged.
 */
export function attachPhonePieces(node: Text, pieces: PhonePieces): void {
  node.data = pieces.head;
  if (pieces.nodes.length === 1) node.after(pieces.nodes[0]!);
  else node.after(...pieces.nodes);
}
