import { mayContainPhone } from '../../lib/dom/digit-prefilter';
import { RootScan, type RootScanHooks } from '../../lib/dom/root-scan';
import { isCustomElementName, LateShadowRoots } from '../../lib/dom/shadow-hosts';
import type { PhoneLinkRegistry } from './phone-link-registry';
import { isInsideSkipped, isTelLink, PHONE_LINK_CLASS, SkipCache } from '../../lib/dom/skip-policy';
import {
  createSliceScheduler,
  type SliceDeadline,
  type SliceScheduler,
} from '../../lib/dom/slice-scheduler';
import type { PhoneFinder, PhoneNormalizer } from './phone-renderer';
import type { PhoneLinkFactory } from './phone-link-factory';
import { emptyStats, type LinkifyStats } from './session-stats';
import { takeOverTelLink } from './take-over-tel-link';
import { PhoneWrites } from './phone-writes';

export interface PhoneLinkerOptions {
  document: Document;
  findPhones: PhoneFinder;
  normalize: PhoneNormalizer;
  makeLink: PhoneLinkFactory;
  registry: PhoneLinkRegistry;
  /** Aborting stops observing and cancels queued work; links stay. */
  signal: AbortSignal;
  createScheduler?: (run: (deadline: SliceDeadline) => void, signal: AbortSignal) => SliceScheduler;
  /** Called each time the queue runs dry, with that session's figures. */
  onIdle?: (stats: LinkifyStats) => void;
  /** First delay before looking again at custom elements that had no shadow root. */
  shadowRecheckMs?: number;
  now?: () => number;
}

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/**
 * Found phones are written once scanning ends, or earlier when this many are
 * waiting. Every slice that writes costs the page a full layout, which on a
 * large table outweighs the writes themselves, so batches are large.
 */
const WRITE_BATCH = 20_000;
/**
 * A batch of writes gets a slice of its own, longer than a scanning slice
 * yet under the 50 ms long-task line, so that 10,000 links go in at once.
 */
const WRITE_SLICE_MS = 40;
/** Fewer writes than this join the slice that found them instead of waiting for the next. */
const FEW_WRITES = 200;
/**
 * Content the page adds or edits while the linker is idle is handled at
 * once, from the observer's callback, for up to this long: the links are
 * then in place before the page next lays out and paints, which spares it
 * a second layout and shows the new rows already linked. Larger changes
 * go on in slices.
 */
const AT_ONCE_MS = 8;
/**
 * At most one such slice per this interval: a page that answers our links
 * by changing the same text again would otherwise trade edits with us in
 * microtasks forever and never render. Later changes wait for a slice.
 */
const AT_ONCE_INTERVAL_MS = 50;

/**
 * Turns phone numbers in a document's text into call links: a top-down walk
 * first, then whatever the page adds or edits, including open shadow roots.
 *
 * Work runs in short slices and in two phases: scanning reads the DOM and
 * builds the links off the page, then they are inserted in as few slices as
 * possible (see PhoneWrites), because every slice that edits the page makes
 * it lay itself out again, which on a large table costs more than all our
 * own work. What the page adds later while the linker is idle is linked
 * from the observer's callback, before the page renders it. The observer
 * is off while we insert, so our edits never come back as records to sort
 * out. When the page rewrites or removes a text node we split, the pieces
 * we added go with it.
 */
export class PhoneLinker {
  readonly #options: PhoneLinkerOptions;
  readonly #now: () => number;
  readonly #queue = new Set<Node>();
  readonly #scanned = new WeakSet<Text>();
  readonly #writes: PhoneWrites;
  readonly #shadowRoots = new Set<ShadowRoot>();
  readonly #lateShadowRoots: LateShadowRoots;
  readonly #observer: MutationObserver;
  readonly #scheduler: SliceScheduler;
  readonly #hooks: RootScanHooks;
  #walk: RootScan | null = null;
  #skips = new SkipCache();
  #inSlice = false;
  #session: LinkifyStats | null = null;
  #lastAtOnce = Number.NEGATIVE_INFINITY;
  /** A node the page changed or removed since it was scanned left the scanned set (see #absorb). */
  readonly #isCurrent = (node: Text): boolean => this.#scanned.has(node);

  constructor(options: PhoneLinkerOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#writes = new PhoneWrites(options.document, options.makeLink, options.registry);
    this.#lateShadowRoots = new LateShadowRoots({
      onShadowRoot: (root) => this.#adoptShadowRoot(root),
      signal: options.signal,
      firstDelayMs: options.shadowRecheckMs,
    });
    const view = options.document.defaultView ?? globalThis;
    this.#observer = new view.MutationObserver((records) => {
      this.#absorb(records);
      const now = this.#now();
      if (this.#session || this.#idle || now - this.#lastAtOnce < AT_ONCE_INTERVAL_MS) {
        this.#request();
        return;
      }
      this.#lastAtOnce = now;
      const end = now + AT_ONCE_MS;
      this.#runSlice({ timeRemaining: () => Math.max(0, end - this.#now()) });
    });
    const run = (deadline: SliceDeadline): void => this.#runSlice(deadline);
    this.#scheduler = options.createScheduler
      ? options.createScheduler(run, options.signal)
      : createSliceScheduler(run, { signal: options.signal, maxSliceMs: 25, minSliceMs: 8 });
    this.#hooks = {
      onCandidate: (text, data) => this.#scan(text, data),
      wasScanned: (text) => this.#scanned.has(text),
      onAnchor: (anchor) => {
        if (!this.#options.registry.lookup(anchor) && isTelLink(anchor)) this.#takeOver(anchor);
      },
      onShadowRoot: (root) => this.#adoptShadowRoot(root),
      onShadowlessCustomElement: (element) => this.#lateShadowRoots.watch(element),
    };
    options.signal.addEventListener(
      'abort',
      () => {
        this.#observer.disconnect();
        this.#queue.clear();
        this.#walk = null;
        this.#writes.clear();
      },
      { once: true },
    );
  }

  /** Queues the whole document and starts observing it. */
  start(): void {
    if (this.#options.signal.aborted) return;
    const { document } = this.#options;
    this.#observer.observe(document, OBSERVED);
    this.#queue.add(document.body ?? document.documentElement);
    this.#request();
  }

  /** Puts the page's text back as it was, for when the user turns linking off. */
  unlinkAll(): void {
    const roots: ParentNode[] = [this.#options.document, ...this.#shadowRoots];
    for (const root of roots) {
      for (const link of Array.from(root.querySelectorAll(`a.${PHONE_LINK_CLASS}`))) {
        const entry = this.#options.registry.lookup(link);
        if (!entry?.created) continue;
        this.#options.registry.forget(link);
        const parent = link.parentNode;
        link.replaceWith(link.textContent ?? '');
        parent?.normalize();
      }
    }
  }

  get #idle(): boolean {
    return this.#queue.size === 0 && !this.#walk && this.#writes.pending === 0;
  }

  #request(): void {
    // A slice asks for the next one itself once it knows work is left.
    if (this.#inSlice || this.#idle) return;
    this.#session ??= emptyStats(this.#now());
    this.#scheduler.request();
  }

  #absorb(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        this.#writes.dropPieces(text);
        this.#scanned.delete(text);
        this.#queue.add(text);
        continue;
      }
      for (const node of Array.from(record.removedNodes)) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        this.#writes.dropPieces(node as Text);
        this.#scanned.delete(node as Text);
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
    this.#absorb(this.#observer.takeRecords());
    if (this.#idle && !this.#session) return;
    const session = (this.#session ??= emptyStats(started));
    let more = true;
    let paused = false;
    this.#inSlice = true;
    try {
      for (let steps = 0; more; steps++) {
        if ((steps & 7) === 0 && deadline.timeRemaining() <= 0) break;
        const write = this.#writeDue();
        // A large batch starts only at the start of a slice, so it is not split across two layouts.
        if (write && steps > 0 && !this.#writes.writing && this.#writes.pending >= FEW_WRITES) {
          break;
        }
        if (!write) {
          more = this.#scanNext() && !this.#idle;
          continue;
        }
        if (!paused) {
          paused = true;
          this.#pauseObserving();
          session.firstWriteAt ??= this.#now();
        }
        session.links += this.#writes.writeSome(deadline, this.#isCurrent);
        // Writes left over mean the slice is out of time: the batch goes on in the next one.
        if (this.#writes.writing) break;
        more = !this.#idle;
      }
    } finally {
      this.#inSlice = false;
      if (paused) this.#resumeObserving();
    }
    const finished = this.#now();
    session.slices++;
    session.busyMs += finished - started;
    session.longestSliceMs = Math.max(session.longestSliceMs, finished - started);
    if (more) {
      this.#scheduler.request(this.#writeDue() ? WRITE_SLICE_MS : undefined);
      return;
    }
    session.finishedAt = finished;
    this.#session = null;
    this.#skips = new SkipCache();
    this.#options.onIdle?.(session);
  }

  /** Links wait until scanning is over, unless so many wait that memory matters more. */
  #writeDue(): boolean {
    const pending = this.#writes.pending;
    if (pending === 0) return false;
    const scanning = this.#walk !== null || this.#queue.size > 0;
    return this.#writes.writing || !scanning || pending >= WRITE_BATCH;
  }

  /**
   * Nothing but our own inserts happens while a slice runs, so the page's
   * records are taken first and observing resumes when the slice ends.
   */
  #pauseObserving(): void {
    this.#absorb(this.#observer.takeRecords());
    this.#observer.disconnect();
  }

  #resumeObserving(): void {
    if (this.#options.signal.aborted) return;
    this.#observer.observe(this.#options.document, OBSERVED);
    for (const root of this.#shadowRoots) this.#observer.observe(root, OBSERVED);
  }

  /** Scans a little: starts the next root or takes one step through the current one. */
  #scanNext(): boolean {
    if (!this.#walk) {
      const root = this.#dequeue();
      if (root === undefined) return false;
      if (root) this.#walk = new RootScan(root, this.#hooks, this.#skips);
      return true;
    }
    if (!this.#walk.step()) this.#walk = null;
    return true;
  }

  /** Next root worth walking; null when a root was handled or dropped on its own. */
  #dequeue(): Node | null | undefined {
    const iterator = this.#queue.values().next();
    if (iterator.done) return undefined;
    const root = iterator.value;
    this.#queue.delete(root);
    if (!root.isConnected) return null;
    if (root.nodeType === Node.TEXT_NODE) {
      const text = root as Text;
      const data = text.data;
      if (mayContainPhone(data) && !this.#scanned.has(text) && !isInsideSkipped(text)) {
        this.#scan(text, data);
      }
      return null;
    }
    if (root.nodeType === Node.ELEMENT_NODE) {
      const element = root as Element;
      if (isTelLink(element)) {
        if (element.parentNode && !isInsideSkipped(element.parentNode)) this.#takeOver(element);
        return null;
      }
      if (isInsideSkipped(element)) return null;
      if (element.shadowRoot) this.#adoptShadowRoot(element.shadowRoot);
      else if (isCustomElementName(element.localName)) this.#lateShadowRoots.watch(element);
    }
    return root;
  }

  #scan(text: Text, data: string): void {
    this.#scanned.add(text);
    if (this.#session) this.#session.textNodes++;
    this.#writes.add(text, data, this.#options.findPhones(data));
  }

  #takeOver(link: HTMLAnchorElement): void {
    if (this.#options.registry.lookup(link)) return;
    if (takeOverTelLink(link, this.#options.normalize, this.#options.registry) && this.#session) {
      this.#session.telLinks++;
    }
  }

  #adoptShadowRoot(root: ShadowRoot): void {
    if (this.#shadowRoots.has(root)) return;
    for (const known of this.#shadowRoots) {
      if (!known.host.isConnected) this.#shadowRoots.delete(known);
    }
    this.#shadowRoots.add(root);
    this.#observer.observe(root, OBSERVED);
    this.#queue.add(root);
    this.#request();
  }
}
