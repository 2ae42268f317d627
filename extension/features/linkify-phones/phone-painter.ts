import { mayContainPhone } from '../../lib/dom/digit-prefilter';
import { LateShadowRoots } from '../../lib/dom/late-shadow-roots';
import type { PaintedMatch, PaintedPhoneRegistry } from '../../lib/dom/painted-phones';
import { RootScan, type RootScanHooks } from '../../lib/dom/root-scan';
import { isCustomElementName } from '../../lib/dom/shadow-hosts';
import { SkipCache } from '../../lib/dom/skip-cache';
import { isInsideSkipped, isTelLink } from '../../lib/dom/skip-policy';
import {
  createSliceScheduler,
  type SliceDeadline,
  type SliceScheduler,
} from '../../lib/dom/slice-scheduler';
import { PaintStyle, PHONE_HIGHLIGHT } from './paint-style';
import { emptyPaintStats, type PaintStats } from './paint-stats';
import type { PhoneFinder } from './phone-finder';
import type { PhoneRenderer } from './phone-renderer';
import { UniqueQueue } from '../../lib/unique-queue';
import { visibleTexts } from './visible-texts';

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

/** Text nodes that share a parent element: the unit the viewport is watched by. */
interface Group {
  element: Element;
  texts: Set<Text>;
  /** Whether the element is near the viewport; null until the observer first says. */
  near: boolean | null;
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
 * highlight makes the browser repaint the whole document once, so numbers
 * are registered ahead of the scroll, in batches, not one row at a time.
 */
const NEAR_MARGIN = '50%';
/**
 * Painted numbers that scrolled far away stay painted until this many
 * ranges have piled up; then they are dropped together, in one repaint.
 * A highlight's repaint cost grows with its ranges, so it stays bounded.
 */
const FAR_RANGE_LIMIT = 1500;
/** Page changes made while we are idle are painted at once, before the page renders, up to this long. */
const AT_ONCE_MS = 8;

/**
 * Paints phone numbers in a document's text as call links with the CSS
 * Custom Highlight API: no element is inserted and no node or attribute of
 * the page changes. Visible first: after the first frame, only what meets
 * the viewport and its margin is walked, and those numbers are found and
 * painted in one batch; then the whole document is walked in slices, each
 * candidate text node's parent element is watched by an
 * IntersectionObserver (watching changes nothing either), the other numbers
 * are found in idle slices and painted as they come near. Page edits are
 * followed through a MutationObserver: edited text is found again, ranges
 * on removed nodes are dropped, added content is walked (and small changes
 * painted at once, before the page renders them).
 */
export class PhonePainter implements PhoneRenderer {
  readonly #options: PhonePainterOptions;
  readonly #now: () => number;
  readonly #highlight = new Highlight();
  readonly #style: PaintStyle | null;
  readonly #groups = new Map<Element, Group>();
  readonly #texts = new Map<Text, TextState>();
  /** Found nowhere yet; near ones go first, the rest in idle slices. */
  readonly #nearUnread = new UniqueQueue<Text>();
  readonly #unread = new UniqueQueue<Text>();
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
  readonly #hooks: RootScanHooks;
  #walk: RootScan | null = null;
  #walkRoot: Node | null = null;
  #skips = new SkipCache();
  #sweep: Iterator<Group> | null = null;
  #inSlice = false;
  /** While handling a small page change at once, numbers are painted before the observer says where they are. */
  #eager = false;
  #session: PaintStats | null = null;

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
      maxSliceMs: 20,
      minSliceMs: 8,
    });
    this.#hooks = {
      onCandidate: (text) => this.#collect(text),
      wasScanned: (text) => this.#texts.has(text),
      // `tel:` links are taken over when clicked; nothing is marked on them.
      onAnchor: () => undefined,
      onShadowRoot: (root) => this.#adoptShadowRoot(root),
      onShadowlessCustomElement: (element) => this.#lateShadowRoots.watch(element),
    };
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
    this.#sweep = null;
    this.#nearUnread.clear();
    this.#unread.clear();
  }

  get #idle(): boolean {
    return this.#visiblePass === 'done' && !this.#workLeft;
  }

  /** Work a slice can do now; the visible pass waits for its frame instead. */
  get #workLeft(): boolean {
    return !(
      this.#queue.size === 0 &&
      !this.#walk &&
      !this.#sweep &&
      this.#nearUnread.size === 0 &&
      this.#unread.size === 0
    );
  }

  #request(): void {
    if (this.#inSlice || this.#idle || this.#options.signal.aborted) return;
    this.#session ??= emptyPaintStats(this.#now());
    if (this.#workLeft) this.#scheduler.request();
  }

  #absorb(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        this.#forget(text);
        this.#queue.add(text);
        continue;
      }
      for (const node of Array.from(record.removedNodes)) {
        if (node.nodeType === Node.TEXT_NODE) this.#forget(node as Text);
        // What a removed element held is found by a sweep over the painted groups.
        else if (node.nodeType === Node.ELEMENT_NODE) this.#sweep = this.#groups.values();
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
    if (this.#idle && !this.#session) return;
    const session = (this.#session ??= emptyPaintStats(started));
    this.#inSlice = true;
    let more = true;
    try {
      for (let steps = 0; more; steps++) {
        if ((steps & 7) === 0 && deadline.timeRemaining() <= 0) break;
        more = this.#step();
      }
    } finally {
      this.#inSlice = false;
    }
    const finished = this.#now();
    session.slices++;
    session.busyMs += finished - started;
    session.longestSliceMs = Math.max(session.longestSliceMs, finished - started);
    session.painted = this.#highlight.size;
    if (this.#workLeft) {
      this.#scheduler.request();
      return;
    }
    // The visible pass after the next frame asks for more when it has run.
    if (!this.#idle) return;
    session.finishedAt = finished;
    session.viewportReadyAt ??= finished;
    session.heldTexts = this.#texts.size;
    session.heldElements = this.#groups.size;
    this.#session = null;
    this.#skips = new SkipCache();
    this.#options.onIdle?.(session);
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
    if (this.#walk || this.#queue.size > 0) {
      this.#walkSome();
      return true;
    }
    if (this.#placement === 'pending') {
      this.#watchWalked();
      return true;
    }
    const rest = this.#unread.shift();
    if (rest) {
      this.#read(rest);
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
      if (this.#groups.get(group.element) === group) this.#intersections.observe(group.element);
    }
    this.#unplaced.clear();
    this.#placement = 'done';
  }

  /** Runs `work` as a task once the page has rendered its next frame (so its layout is clean). */
  #afterNextFrame(work: () => void): void {
    const view = this.#options.document.defaultView;
    if (!view) return work();
    view.requestAnimationFrame(() => view.setTimeout(work, 0));
  }

  /**
   * Visible first: walks only what meets the viewport and its margin (see
   * `visibleTexts`), finds and paints those numbers in one batch, and only
   * then queues the whole document for the walk in slices.
   */
  #paintVisible(): void {
    if (this.#options.signal.aborted) return;
    const started = this.#now();
    const { document } = this.#options;
    const view = document.defaultView;
    const root = document.body ?? document.documentElement;
    this.#visiblePass = 'done';
    if (view) {
      // The viewport itself: the margin around it follows from the observer, after the walk.
      const area = { top: 0, bottom: view.innerHeight, left: 0, right: view.innerWidth };
      visibleTexts(
        root,
        area,
        (text) => this.#collect(text, true),
        (shadow) => this.#adoptShadowRoot(shadow),
      );
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
      this.#walk = root ? new RootScan(root, this.#hooks, this.#skips) : null;
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
        this.#collect(text);
      }
      return null;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return root;
    const element = root as Element;
    if (isTelLink(element) || isInsideSkipped(element)) return null;
    if (element.shadowRoot) this.#adoptShadowRoot(element.shadowRoot);
    else if (isCustomElementName(element.localName)) this.#lateShadowRoots.watch(element);
    return root;
  }

  /** A text node worth reading: its parent is watched, and it waits to be read. */
  #collect(text: Text, onScreen = false): void {
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
        near: onScreen ? true : this.#eager ? null : false,
      };
      this.#groups.set(parent, group);
      if (onScreen || this.#placement === 'done') this.#intersections.observe(parent);
      else this.#unplaced.add(group);
    }
    group.texts.add(text);
    this.#texts.set(text, { group, matches: null, ranges: null });
    if (this.#session) this.#session.textNodes++;
    if (group.near === true || this.#eager) this.#nearUnread.add(text);
    else this.#unread.add(text);
  }

  /** Runs the finder on one node and paints its numbers if it is near the viewport. */
  #read(text: Text): void {
    this.#nearUnread.delete(text);
    this.#unread.delete(text);
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
    if (this.#farPainted.has(state.group)) this.#farRanges += state.ranges.length;
    const root = text.getRootNode();
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) this.#style?.adopt(root as ShadowRoot);
  }

  #unpaint(state: TextState): number {
    const ranges = state.ranges;
    if (!ranges) return 0;
    for (const range of ranges) this.#highlight.delete(range);
    state.ranges = null;
    return ranges.length;
  }

  /** Drops everything known about a node the page changed or removed. */
  #forget(text: Text): void {
    const state = this.#texts.get(text);
    if (!state) return;
    const dropped = this.#unpaint(state);
    if (this.#farPainted.has(state.group)) this.#farRanges -= dropped;
    this.#texts.delete(text);
    this.#nearUnread.delete(text);
    this.#unread.delete(text);
    this.#options.registry.delete(text);
    const { group } = state;
    group.texts.delete(text);
    if (group.texts.size === 0) this.#dropGroup(group);
  }

  #dropGroup(group: Group): void {
    this.#intersections.unobserve(group.element);
    this.#unplaced.delete(group);
    this.#groups.delete(group.element);
    this.#farPainted.delete(group);
  }

  /** Drops the groups whose element left the document, a few per step. */
  #sweepSome(): void {
    const sweep = this.#sweep!;
    for (let checked = 0; checked < 64; checked++) {
      const next = sweep.next();
      if (next.done) {
        this.#sweep = null;
        return;
      }
      const group = next.value;
      if (group.element.isConnected) continue;
      for (const text of [...group.texts]) this.#forget(text);
      // A group with texts still unread here was dropped when its last text went.
      if (this.#groups.get(group.element) === group) this.#dropGroup(group);
    }
  }

  #onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const group = this.#groups.get(entry.target);
      if (!group) continue;
      let near = entry.isIntersecting;
      if (!near && group.near === false) continue;
      if (!near) {
        // An element without a box (`display: contents`, hidden) costs nothing to paint.
        const { width, height } = entry.boundingClientRect;
        near = width === 0 && height === 0;
      }
      if (group.near === near) continue;
      group.near = near;
      if (near) this.#comeNear(group);
      else this.#goFar(group);
    }
    if (this.#farRanges > FAR_RANGE_LIMIT) this.#unpaintFar();
    this.#request();
  }

  #comeNear(group: Group): void {
    if (this.#farPainted.delete(group)) {
      for (const text of group.texts) this.#farRanges -= this.#texts.get(text)?.ranges?.length ?? 0;
    }
    for (const text of group.texts) {
      const state = this.#texts.get(text);
      if (!state) continue;
      if (state.matches) this.#paint(text, state);
      else if (this.#unread.delete(text)) this.#nearUnread.add(text);
    }
  }

  #goFar(group: Group): void {
    for (const text of group.texts) {
      if (this.#nearUnread.delete(text)) this.#unread.add(text);
    }
    let ranges = 0;
    for (const text of group.texts) ranges += this.#texts.get(text)?.ranges?.length ?? 0;
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
