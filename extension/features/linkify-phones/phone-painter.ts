import { MIN_PHONE_DIGITS, mayContainPhone } from '../../lib/dom/digit-prefilter';
import { LONG_LIST, OutlineWalk, type OutlineHooks } from '../../lib/dom/outline-walk';
import type { PaintedMatch, PaintedPhoneRegistry } from '../../lib/dom/painted-phones';
import { isCustomElementName, LateShadowRoots } from '../../lib/dom/shadow-hosts';
import { isInsideSkipped, isTelLink } from '../../lib/dom/skip-policy';
import {
  createSliceScheduler,
  type SliceDeadline,
  type SliceScheduler,
} from '../../lib/dom/slice-scheduler';
import { PaintStyle, PHONE_HIGHLIGHT } from './paint-style';
import { emptyPaintStats, type PaintStats } from './session-stats';
import type { PhoneFinder, PhoneRenderer } from './phone-renderer';
import { UniqueQueue } from '../../lib/unique-queue';
import { visibleTexts, type Area } from './visible-texts';

export interface PhonePainterOptions {
  document: Document;
  findPhones: PhoneFinder;
  registry: PaintedPhoneRegistry;
  /** Aborting stops observing and cancels queued work; `undo()` takes the paint away. */
  signal: AbortSignal;
  /** Called each time the work runs dry, with that session's figures. */
  onIdle?: (stats: PaintStats) => void;
  /** Called once per session, when every number near the viewport is painted. */
  onViewportReady?: (stats: PaintStats) => void;
  shadowRecheckMs?: number;
  now?: () => number;
}

/**
 * The children of a long list's parent, watched in blocks of consecutive
 * children: the IntersectionObserver watches only each block's first child
 * (and the list's last), not every row, so watching a 10,000-row table
 * costs it a few hundred elements.
 */
interface List {
  parent: Element | ShadowRoot;
  blocks: Block[];
  /** The list's last element child, watched as the end of the last block. */
  tail: Element;
  tailNear: boolean | null;
  /** Rows came or went at a block's edge: the list is outlined again. */
  stale: boolean;
  dropped: boolean;
}

interface Block {
  list: List;
  index: number;
  /** The first child of the block; the block runs to the next block's first child. */
  first: Element;
  firstNear: boolean | null;
  /**
   * Near when its first child or the next block's first child (the list's end
   * for the last) is near: the viewport cannot be inside a block without one
   * of them near unless the block is taller than the viewport and twice the margin.
   */
  near: boolean;
  /** Walked once near; its texts then belong to groups the block governs. */
  walked: boolean;
  groups: Set<Group>;
}

/** What an observed element stands for: the start of a block, the end of a list, or both. */
interface Sentinel {
  list: List;
  /** The block this element starts; -1 for the list's end only. */
  block: number;
  tail: boolean;
}

/** Text nodes that share a parent element: the unit painted and dropped together. */
interface Group {
  element: Element;
  texts: Set<Text>;
  /** Whether the element is near the viewport; null until the observer first says. */
  near: boolean | null;
  /** The block of a long list it lies in, which says when it is near; null when watched itself. */
  block: Block | null;
}

interface TextState {
  group: Group;
  /** Null until the finder has read the node. */
  matches: readonly PaintedMatch[] | null;
  /** The ranges in the highlight; null while the node is not painted. */
  ranges: StaticRange[] | null;
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * How far around the viewport numbers are painted. Every change to the
 * highlight makes the browser repaint, so numbers are registered ahead of
 * the scroll, in batches, not one row at a time.
 */
const NEAR_FRACTION = 0.5;
const NEAR_MARGIN = `${NEAR_FRACTION * 100}%`;
/**
 * Children per block of a long list: small enough that a block is shorter
 * than the viewport and its margins on any common layout (16 rows of 100 px
 * against a 760 px viewport with 50% margins), large enough that a
 * 10,000-row table needs only 626 watched elements.
 */
const BLOCK_CHILDREN = 16;
/**
 * Most blocks of a long list the visible pass walks at once: the near area
 * (four viewports high) of rows 12 px high, with a block to spare each side.
 */
const NEAR_BLOCKS_AT_ONCE = 32;
/**
 * Painted numbers that scrolled far away stay painted until this many
 * ranges have piled up; then they are dropped together, in one repaint.
 * A highlight's repaint cost grows with its ranges, so it stays bounded.
 */
const FAR_RANGE_LIMIT = 1500;
/** Page changes made while we are idle are painted at once, before the page renders, up to this long. */
const AT_ONCE_MS = 8;

/**
 * The part of the page the observer counts as near, in viewport
 * coordinates: the viewport widened by the root margin, and that box
 * widened again by the scroll margin, which Chromium applies to the page's
 * own scroller too (measured: with both at 50% a 760 px viewport reports
 * rows down to 1,900 px). An engine that widens less only finds some of
 * what is painted first far, which costs nothing.
 */
function nearArea(width: number, height: number): Area {
  const rootHeight = height * (1 + 2 * NEAR_FRACTION);
  const rootWidth = width * (1 + 2 * NEAR_FRACTION);
  const down = height * NEAR_FRACTION + rootHeight * NEAR_FRACTION;
  const across = width * NEAR_FRACTION + rootWidth * NEAR_FRACTION;
  return { top: -down, bottom: height + down, left: -across, right: width + across };
}

/** Whether an observer entry puts its element near the viewport. */
function isNear(entry: IntersectionObserverEntry): boolean {
  if (entry.isIntersecting) return true;
  // An element without a box (`display: contents`, hidden) costs nothing to paint.
  const { width, height } = entry.boundingClientRect;
  return width === 0 && height === 0;
}

/**
 * Paints phone numbers in a document's text as call links with the CSS
 * Custom Highlight API: no element is inserted and no node or attribute of
 * the page changes. The cost follows what is on screen, not the document:
 * - after the first frame, what meets the near area (the viewport and the
 *   observer's margins) is walked, the blocks of long lists around it
 *   whole, and its numbers found and painted in one batch: every change to
 *   the highlight repaints the whole page, so loading costs one;
 * - then the document is outlined in slices: text outside long lists is
 *   collected and its parent elements watched by an IntersectionObserver
 *   (watching changes nothing either); long lists (a 10,000-row table) are
 *   not entered but watched in blocks of rows;
 * - numbers are found only when their element or block comes near the
 *   viewport, and painted then; a block's rows are walked only then. A
 *   number not found yet is found when the pointer or a click reaches it
 *   (see `PaintedPhoneRegistry.useReader`), so every number is callable
 *   from the start.
 * Page edits are followed through a MutationObserver: edited text is found
 * again, ranges on removed nodes are dropped, added content is walked (and
 * small changes painted at once, before the page renders them), and a long
 * list whose rows come or go is outlined again.
 */
export class PhonePainter implements PhoneRenderer {
  readonly #options: PhonePainterOptions;
  readonly #now: () => number;
  readonly #highlight = new Highlight();
  readonly #style: PaintStyle | null;
  readonly #groups = new Map<Element, Group>();
  readonly #texts = new Map<Text, TextState>();
  readonly #lists = new Map<Element | ShadowRoot, List>();
  readonly #sentinels = new Map<Element, Sentinel>();
  /** Watched elements the observer has not reported on yet: until it has, work may still come. */
  readonly #unreported = new Set<Element>();
  /** Near texts not found yet. */
  readonly #nearUnread = new UniqueQueue<Text>();
  /** Near blocks not walked yet. */
  readonly #blocksToWalk = new UniqueQueue<Block>();
  /** Groups painted while far from the viewport, and their ranges. */
  readonly #farPainted = new Set<Group>();
  #farRanges = 0;
  /** Groups of the first walk, watched all at once after it (see #watchWalked). */
  readonly #unplaced = new Set<Group>();
  #placement: 'pending' | 'done' = 'pending';
  /** The first pass over what is on screen, run after the first frame; see #paintVisible. */
  #visiblePass: 'waiting' | 'done' = 'waiting';
  readonly #queue = new UniqueQueue<Node>();
  readonly #shadowRoots = new Set<ShadowRoot>();
  readonly #lateShadowRoots: LateShadowRoots;
  readonly #mutations: MutationObserver;
  readonly #intersections: IntersectionObserver;
  readonly #scheduler: SliceScheduler;
  readonly #hooks: OutlineHooks<Block | null>;
  #walk: OutlineWalk<Block | null> | null = null;
  #walkRoot: Node | null = null;
  #blockWalk: { block: Block; walk: OutlineWalk<Block | null> } | null = null;
  #sweep: Iterator<void> | null = null;
  #inSlice = false;
  /** While handling a small page change at once, numbers are painted before the observer says where they are. */
  #eager = false;
  #session: PaintStats | null = null;
  /** The highlight changed in the running task (see `#changed`). */
  #changing = false;

  constructor(options: PhonePainterOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    const view = (options.document.defaultView ?? globalThis) as Window & typeof globalThis;
    this.#style = typeof view.CSSStyleSheet === 'function' ? new PaintStyle(view) : null;
    this.#lateShadowRoots = new LateShadowRoots({
      onShadowRoot: (root) => this.#adoptShadowRoot(root),
      signal: options.signal,
      firstDelayMs: options.shadowRecheckMs,
    });
    this.#mutations = new view.MutationObserver((records) => {
      this.#absorb(records);
      // Not during the first walk: what it collects meanwhile would be painted blind.
      if (this.#inSlice || this.#visiblePass !== 'done' || this.#placement !== 'done') {
        this.#request();
        return;
      }
      // Edits are painted now, in the same frame as the page's own change, for a few
      // milliseconds: a small edit entirely, a large one goes on in slices.
      this.#eager = true;
      const end = this.#now() + AT_ONCE_MS;
      try {
        this.#runSlice({ timeRemaining: () => Math.max(0, end - this.#now()) });
      } finally {
        this.#eager = false;
      }
    });
    // `scrollMargin` widens nested scroll boxes too (a wide table scrolled sideways); engines without it ignore it.
    const near: IntersectionObserverInit & { scrollMargin?: string } = {
      rootMargin: NEAR_MARGIN,
      scrollMargin: NEAR_MARGIN,
    };
    this.#intersections = new view.IntersectionObserver(
      (entries) => this.#onIntersections(entries),
      near,
    );
    this.#scheduler = createSliceScheduler((deadline) => this.#runSlice(deadline), {
      signal: options.signal,
      maxSliceMs: 16,
      minSliceMs: 8,
    });
    this.#hooks = {
      onCandidate: (text, block) => this.#collect(text, block),
      onLongList: (parent) => this.#outlineList(parent),
      onShadowRoot: (root) => this.#adoptShadowRoot(root),
      onShadowlessCustomElement: (element) => this.#lateShadowRoots.watch(element),
    };
    options.registry.useReader((text) => this.#readNow(text), options.signal);
    options.signal.addEventListener('abort', () => this.#halt(), { once: true });
  }

  /** Registers the highlight, then walks the document and starts following its changes. */
  start(): void {
    if (this.#options.signal.aborted) return;
    const { document } = this.#options;
    document.defaultView?.CSS.highlights.set(PHONE_HIGHLIGHT, this.#highlight);
    this.#mutations.observe(document, OBSERVED);
    this.#session = emptyPaintStats(this.#now());
    this.#afterNextFrame(() => this.#paintVisible());
  }

  /** Takes the paint away: for when the user turns it off or switches to inserted links. */
  undo(): void {
    this.#halt();
    this.#highlight.clear();
    const highlights = this.#options.document.defaultView?.CSS.highlights;
    if (highlights?.get(PHONE_HIGHLIGHT) === this.#highlight) highlights.delete(PHONE_HIGHLIGHT);
    this.#style?.removeAll();
    for (const text of this.#texts.keys()) this.#options.registry.delete(text);
    this.#texts.clear();
    this.#groups.clear();
  }

  #halt(): void {
    this.#mutations.disconnect();
    this.#intersections.disconnect();
    this.#queue.clear();
    this.#walk = null;
    this.#blockWalk = null;
    this.#sweep = null;
    this.#nearUnread.clear();
    this.#blocksToWalk.clear();
    this.#unreported.clear();
    this.#lists.clear();
    this.#sentinels.clear();
  }

  /** Nothing to do and nothing to wait for: every number near the viewport is painted. */
  get #idle(): boolean {
    return this.#visiblePass === 'done' && !this.#workLeft && this.#unreported.size === 0;
  }

  /** Work a slice can do now; the visible pass waits for its frame instead. */
  get #workLeft(): boolean {
    return !(
      this.#queue.size === 0 &&
      !this.#walk &&
      !this.#blockWalk &&
      !this.#sweep &&
      this.#placement === 'done' &&
      this.#nearUnread.size === 0 &&
      this.#blocksToWalk.size === 0
    );
  }

  #request(): void {
    if (this.#inSlice || this.#options.signal.aborted || !this.#workLeft) return;
    this.#session ??= emptyPaintStats(this.#now());
    this.#scheduler.request();
  }

  #absorb(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        this.#forget(text);
        this.#queue.add(text);
        continue;
      }
      const list = this.#lists.get(record.target as Element | ShadowRoot);
      for (const node of Array.from(record.removedNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          this.#forget(node as Text);
          continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        // What a removed element held is found by a sweep over the groups and lists.
        this.#sweep = this.#sweepAll();
        if (list && this.#sentinels.get(node as Element)?.list === list) list.stale = true;
      }
      // Many rows added to a long list: it is outlined again rather than each row watched alone.
      if (list && record.addedNodes.length >= LONG_LIST) list.stale = true;
      if (list?.stale) {
        this.#queue.add(list.parent);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
          this.#queue.add(node);
        }
      }
    }
  }

  #runSlice(deadline: SliceDeadline): void {
    const started = this.#now();
    this.#absorb(this.#mutations.takeRecords());
    if (!this.#workLeft && !this.#session) return;
    const session = (this.#session ??= emptyPaintStats(started));
    this.#inSlice = true;
    try {
      for (let steps = 0; ; steps++) {
        if ((steps & 7) === 0 && deadline.timeRemaining() <= 0) break;
        if (!this.#step()) break;
      }
    } finally {
      this.#inSlice = false;
    }
    const finished = this.#now();
    session.slices++;
    session.busyMs += finished - started;
    session.longestSliceMs = Math.max(session.longestSliceMs, finished - started);
    session.painted = this.#highlight.size;
    if (this.#workLeft) this.#scheduler.request();
    else this.#finishIfIdle(finished);
  }

  /** Ends the session once nothing is left to do or to wait for, and reports it. */
  #finishIfIdle(finished: number): void {
    const session = this.#session;
    if (!session || !this.#idle) return;
    session.finishedAt = finished;
    session.viewportReadyAt ??= finished;
    session.painted = this.#highlight.size;
    session.heldTexts = this.#texts.size;
    session.heldElements = this.#groups.size;
    session.watchedLists = this.#lists.size;
    session.watchedElements = this.#sentinels.size + this.#looseGroups();
    this.#session = null;
    this.#options.onIdle?.(session);
  }

  #looseGroups(): number {
    let loose = 0;
    for (const group of this.#groups.values()) if (!group.block) loose++;
    return loose;
  }

  /** One bounded piece of work, most urgent first; false when nothing is left. */
  #step(): boolean {
    if (this.#sweep) {
      this.#sweepSome();
      return true;
    }
    const near = this.#nearUnread.shift();
    if (near) {
      this.#read(near);
      return true;
    }
    if (this.#blockWalk || this.#blocksToWalk.size > 0) {
      this.#walkBlockSome();
      return true;
    }
    if (this.#walk || this.#queue.size > 0) {
      this.#walkSome();
      return true;
    }
    if (this.#placement === 'pending') {
      this.#watchWalked();
      return true;
    }
    return false;
  }

  /**
   * Hands the first walk's groups to the IntersectionObserver all at once:
   * watched one by one as the walk found them, every frame meanwhile would
   * recompute the intersections of all watched so far.
   */
  #watchWalked(): void {
    for (const group of this.#unplaced) {
      if (this.#groups.get(group.element) === group && !group.block) this.#watch(group.element);
    }
    this.#unplaced.clear();
    this.#placement = 'done';
  }

  #watch(element: Element): void {
    this.#intersections.observe(element);
    this.#unreported.add(element);
  }

  #unwatch(element: Element): void {
    // An element can stand for a group and a list's block at once (a list item with text of its own).
    const group = this.#groups.get(element);
    if (this.#sentinels.has(element) || (group && !group.block && !this.#unplaced.has(group))) {
      return;
    }
    this.#intersections.unobserve(element);
    this.#unreported.delete(element);
  }

  /** Runs `work` as a task once the page has rendered its next frame (so its layout is clean). */
  #afterNextFrame(work: () => void): void {
    const view = this.#options.document.defaultView;
    if (!view) return work();
    view.requestAnimationFrame(() => view.setTimeout(work, 0));
  }

  /**
   * Visible first: walks only what meets the viewport (see `visibleTexts`),
   * finds and paints those numbers in one batch, and only then queues the
   * whole document for the outline in slices.
   */
  #paintVisible(): void {
    if (this.#options.signal.aborted) return;
    const started = this.#now();
    const { document } = this.#options;
    const view = document.defaultView;
    const root = document.body ?? document.documentElement;
    this.#visiblePass = 'done';
    if (view) {
      // The viewport and the observer's margins around it: painted in one change of the
      // highlight, the observer's first report then finds them painted and changes nothing,
      // and the page repaints once rather than again a frame later for the margin.
      const area = nearArea(view.innerWidth, view.innerHeight);
      visibleTexts(root, area, {
        found: (text) => this.#collect(text, null, true),
        onShadowRoot: (shadow) => this.#adoptShadowRoot(shadow),
        onLongList: (parent, first, last) => this.#walkListNear(parent, first, last),
      });
      for (const text of [...this.#nearUnread]) this.#read(text);
    }
    const session = (this.#session ??= emptyPaintStats(started));
    const finished = this.#now();
    session.busyMs += finished - started;
    session.longestSliceMs = Math.max(session.longestSliceMs, finished - started);
    session.painted = this.#highlight.size;
    session.viewportReadyAt = finished;
    this.#options.onViewportReady?.(session);
    this.#queue.add(root);
    this.#request();
  }

  #walkSome(): void {
    if (!this.#walk || !this.#walkRoot?.isConnected) {
      // A root the page removed while it was walked is dropped with what it held.
      const root = this.#dequeue();
      this.#walkRoot = root;
      this.#walk = root ? OutlineWalk.of<Block | null>(root, this.#hooks, null) : null;
      return;
    }
    if (!this.#walk.step()) this.#walk = null;
  }

  /** Next root worth walking; null when the queued node was handled on its own or dropped. */
  #dequeue(): Node | null {
    const root = this.#queue.shift();
    if (!root?.isConnected) return null;
    if (root.nodeType === Node.TEXT_NODE) {
      const text = root as Text;
      if (!this.#texts.has(text) && mayContainPhone(text.data) && !isInsideSkipped(text)) {
        this.#collect(text, null);
      }
      return null;
    }
    const list = this.#lists.get(root as Element | ShadowRoot);
    if (list?.stale) this.#dropList(list);
    if (root.nodeType !== Node.ELEMENT_NODE) return root;
    const element = root as Element;
    if (isTelLink(element) || isInsideSkipped(element)) return null;
    if (element.shadowRoot) this.#adoptShadowRoot(element.shadowRoot);
    else if (isCustomElementName(element.localName)) this.#lateShadowRoots.watch(element);
    return root;
  }

  /** Walks the rows of the near blocks, one block at a time. */
  #walkBlockSome(): void {
    const current = this.#blockWalk;
    if (current && !current.block.list.dropped && current.walk.step()) return;
    this.#blockWalk = null;
    const block = this.#blocksToWalk.shift();
    if (!block || block.list.dropped || block.walked || !block.first.isConnected) return;
    block.walked = true;
    const { list, index } = block;
    const end = list.blocks[index + 1]?.first ?? null;
    // The first block also holds the text before the list's first element.
    const first = index === 0 ? list.parent.firstChild : block.first;
    this.#blockWalk = { block, walk: new OutlineWalk(this.#hooks, block, list.parent, first, end) };
  }

  /**
   * Outlines a long list met by the visible pass and walks at once the blocks
   * around its children `first`…`last`, the ones in the area: the blocks the
   * observer's first report will find near (a block is near when its first
   * child or the next block's is), and one more on each side for the
   * rounding at the margin's edges. Each change to the highlight repaints
   * the whole page (on 10,000 rows, longer than all our work), so what the
   * first batch paints must already hold every number that report makes
   * near; a block painted here that it finds far costs nothing.
   */
  #walkListNear(parent: Element | ShadowRoot, first: number, last: number): void {
    this.#outlineList(parent);
    const list = this.#lists.get(parent);
    if (!list) return;
    const from = Math.max(0, Math.floor(first / BLOCK_CHILDREN) - 1);
    const to = Math.min(list.blocks.length - 1, Math.floor(last / BLOCK_CHILDREN) + 1);
    // More than a screenful of blocks means rows without boxes or out of flow: the
    // observer says which are near, rather than one long task walking them all.
    if (to - from >= NEAR_BLOCKS_AT_ONCE) return;
    for (let index = from; index <= to; index++) {
      const block = list.blocks[index]!;
      block.near = true;
      this.#blocksToWalk.add(block);
    }
    while (this.#blocksToWalk.size > 0 || this.#blockWalk) this.#walkBlockSome();
  }

  /** Watches a long list in blocks of children (see `List`); a list known and current is left as it is. */
  #outlineList(parent: Element | ShadowRoot): void {
    const known = this.#lists.get(parent);
    if (known && !known.stale) return;
    if (known) this.#dropList(known);
    const children = parent.children;
    const count = children.length;
    if (count === 0) return;
    const list: List = {
      parent,
      blocks: [],
      tail: children[count - 1]!,
      tailNear: null,
      stale: false,
      dropped: false,
    };
    for (let index = 0; index < count; index += BLOCK_CHILDREN) {
      const first = children[index]!;
      const block: Block = {
        list,
        index: list.blocks.length,
        first,
        firstNear: null,
        near: false,
        walked: false,
        groups: new Set(),
      };
      list.blocks.push(block);
      this.#sentinels.set(first, { list, block: block.index, tail: false });
      this.#watch(first);
    }
    const end = this.#sentinels.get(list.tail);
    if (end) end.tail = true;
    else {
      this.#sentinels.set(list.tail, { list, block: -1, tail: true });
      this.#watch(list.tail);
    }
    this.#lists.set(parent, list);
  }

  /**
   * Stops watching a list: the groups its walked blocks hold are watched on
   * their own from now on (those the page removed are dropped), and the
   * list's parent, if still there, is outlined again when it is walked.
   */
  #dropList(list: List): void {
    list.dropped = true;
    this.#lists.delete(list.parent);
    for (const block of list.blocks) {
      if (this.#sentinels.get(block.first)?.list === list) this.#sentinels.delete(block.first);
      this.#unwatch(block.first);
      for (const group of block.groups) {
        group.block = null;
        if (!group.element.isConnected) {
          for (const text of [...group.texts]) this.#forget(text);
        } else if (this.#groups.get(group.element) === group) {
          this.#watch(group.element);
        }
      }
      block.groups.clear();
    }
    if (this.#sentinels.get(list.tail)?.list === list) this.#sentinels.delete(list.tail);
    this.#unwatch(list.tail);
  }

  /** A text node worth reading: it joins its parent's group and is read when that is near. */
  #collect(text: Text, block: Block | null, onScreen = false): void {
    // Text the page already removed is never watched: the IntersectionObserver keeps a watched
    // element, and with it the whole removed subtree, alive until it is unwatched.
    if (this.#texts.has(text) || !text.isConnected) return;
    const parent = text.parentElement ?? (text.parentNode as ShadowRoot | null)?.host ?? null;
    if (!parent) return;
    let group = this.#groups.get(parent);
    if (!group) {
      // Walked groups count as far until the observer says otherwise, so its first report
      // costs nothing for the thousands that are; a small page change is painted at once.
      group = {
        element: parent,
        texts: new Set(),
        near: block ? block.near : onScreen ? true : this.#eager ? null : false,
        block,
      };
      this.#groups.set(parent, group);
      if (block) block.groups.add(group);
      else if (onScreen || this.#placement === 'done') this.#watch(parent);
      else this.#unplaced.add(group);
    }
    group.texts.add(text);
    this.#texts.set(text, { group, matches: null, ranges: null });
    if (this.#session) this.#session.textNodes++;
    if (group.near === true || this.#eager) this.#nearUnread.add(text);
  }

  /** Runs the finder on one node and paints its numbers if it is near the viewport. */
  #read(text: Text): void {
    this.#nearUnread.delete(text);
    const state = this.#texts.get(text);
    if (!state || state.matches) return;
    if (!text.isConnected) {
      this.#forget(text);
      return;
    }
    const data = text.data;
    const matches: PaintedMatch[] = [];
    let cursor = 0;
    for (const { start, end, e164 } of this.#options.findPhones(data)) {
      if (start < cursor || end <= start || end > data.length) continue;
      matches.push({ start, end, e164 });
      cursor = end;
    }
    state.matches = matches;
    if (matches.length === 0) return;
    this.#options.registry.set(text, matches);
    if (this.#session) this.#session.found += matches.length;
    const { near } = state.group;
    if (near === true || (near === null && this.#eager)) this.#paint(text, state);
  }

  /**
   * The numbers of a text the pointer, a click or the keyboard reached before
   * the painter did (it came near a moment ago, or sits out of the flow):
   * the text is collected and read now.
   */
  #readNow(text: Text): readonly PaintedMatch[] | undefined {
    if (this.#options.signal.aborted) return undefined;
    if (!this.#texts.has(text)) {
      if (text.length < MIN_PHONE_DIGITS || !mayContainPhone(text.data)) return undefined;
      if (isInsideSkipped(text)) return undefined;
      this.#collect(text, null, true);
    }
    const state = this.#texts.get(text);
    if (!state) return undefined;
    if (!state.matches) {
      this.#read(text);
      this.#request();
    }
    return state.matches?.length ? state.matches : undefined;
  }

  #paint(text: Text, state: TextState): void {
    if (state.ranges || !state.matches?.length) return;
    state.ranges = state.matches.map(
      ({ start, end }) =>
        new StaticRange({
          startContainer: text,
          startOffset: start,
          endContainer: text,
          endOffset: end,
        }),
    );
    for (const range of state.ranges) this.#highlight.add(range);
    this.#changed();
    if (this.#farPainted.has(state.group)) this.#farRanges += state.ranges.length;
    const root = text.getRootNode();
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) this.#style?.adopt(root as ShadowRoot);
  }

  #unpaint(state: TextState): number {
    const ranges = state.ranges;
    if (!ranges) return 0;
    for (const range of ranges) this.#highlight.delete(range);
    state.ranges = null;
    this.#changed();
    return ranges.length;
  }

  /** Counts the tasks that change the highlight: changes made in one task cost one repaint. */
  #changed(): void {
    if (this.#changing) return;
    this.#changing = true;
    if (this.#session) this.#session.highlightChanges++;
    queueMicrotask(() => {
      this.#changing = false;
    });
  }

  /** Drops everything known about a node the page changed or removed. */
  #forget(text: Text): void {
    const state = this.#texts.get(text);
    if (!state) return;
    const dropped = this.#unpaint(state);
    if (this.#farPainted.has(state.group)) this.#farRanges -= dropped;
    this.#texts.delete(text);
    this.#nearUnread.delete(text);
    this.#options.registry.delete(text);
    const { group } = state;
    group.texts.delete(text);
    if (group.texts.size === 0) this.#dropGroup(group);
  }

  #dropGroup(group: Group): void {
    this.#groups.delete(group.element);
    this.#unplaced.delete(group);
    this.#farPainted.delete(group);
    if (group.block) group.block.groups.delete(group);
    else this.#unwatch(group.element);
  }

  /** Drops the groups whose element left the document, and the lists whose rows did, a few per step. */
  #sweepSome(): void {
    const sweep = this.#sweep!;
    for (let checked = 0; checked < 64; checked++) {
      if (sweep.next().done) {
        this.#sweep = null;
        return;
      }
    }
  }

  *#sweepAll(): Generator<void> {
    for (const group of this.#groups.values()) {
      if (!group.element.isConnected) {
        for (const text of [...group.texts]) this.#forget(text);
        // A group with texts still unread here was dropped when its last text went.
        if (this.#groups.get(group.element) === group) this.#dropGroup(group);
      }
      yield;
    }
    for (const list of [...this.#lists.values()]) {
      if (!list.parent.isConnected) this.#dropList(list);
      else if (list.blocks.some((block) => block.first.parentNode !== list.parent)) {
        list.stale = true;
        this.#queue.add(list.parent);
      }
      yield;
    }
  }

  #onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const target = entry.target;
      this.#unreported.delete(target);
      const sentinel = this.#sentinels.get(target);
      if (sentinel) this.#moveSentinel(sentinel, isNear(entry));
      const group = this.#groups.get(target);
      if (!group || group.block) continue;
      let near = entry.isIntersecting;
      if (!near && group.near === false) continue;
      near = isNear(entry);
      if (group.near === near) continue;
      group.near = near;
      if (near) this.#comeNear(group);
      else this.#goFar(group);
    }
    if (this.#farRanges > FAR_RANGE_LIMIT) this.#unpaintFar();
    if (this.#workLeft) this.#request();
    else this.#finishIfIdle(this.#now());
  }

  #moveSentinel({ list, block, tail }: Sentinel, near: boolean): void {
    if (list.dropped) return;
    if (block >= 0) {
      list.blocks[block]!.firstNear = near;
      this.#updateBlock(list, block - 1);
      this.#updateBlock(list, block);
    }
    if (tail) {
      list.tailNear = near;
      this.#updateBlock(list, list.blocks.length - 1);
    }
  }

  #updateBlock(list: List, index: number): void {
    const block = list.blocks[index];
    if (!block) return;
    const end = list.blocks[index + 1]?.firstNear ?? list.tailNear;
    const near = block.firstNear === true || end === true;
    if (block.near === near) return;
    block.near = near;
    if (near && !block.walked) this.#blocksToWalk.add(block);
    for (const group of block.groups) {
      if (group.near === near) continue;
      group.near = near;
      if (near) this.#comeNear(group);
      else this.#goFar(group);
    }
  }

  #comeNear(group: Group): void {
    if (this.#farPainted.delete(group)) {
      for (const text of group.texts) this.#farRanges -= this.#texts.get(text)?.ranges?.length ?? 0;
    }
    for (const text of group.texts) {
      const state = this.#texts.get(text);
      if (!state) continue;
      if (state.matches) this.#paint(text, state);
      else this.#nearUnread.add(text);
    }
  }

  #goFar(group: Group): void {
    let ranges = 0;
    for (const text of group.texts) {
      this.#nearUnread.delete(text);
      ranges += this.#texts.get(text)?.ranges?.length ?? 0;
    }
    if (ranges === 0) return;
    this.#farPainted.add(group);
    this.#farRanges += ranges;
  }

  #unpaintFar(): void {
    for (const group of this.#farPainted) {
      for (const text of group.texts) {
        const state = this.#texts.get(text);
        if (state) this.#unpaint(state);
      }
    }
    this.#farPainted.clear();
    this.#farRanges = 0;
  }

  #adoptShadowRoot(root: ShadowRoot): void {
    if (this.#shadowRoots.has(root)) return;
    for (const known of this.#shadowRoots) {
      if (!known.host.isConnected) this.#shadowRoots.delete(known);
    }
    this.#shadowRoots.add(root);
    this.#mutations.observe(root, OBSERVED);
    this.#queue.add(root);
    this.#request();
  }
}
