import type { CallView } from '../../shared/protocol';
import type { FromBackground } from '../lib/runtime-messages';
import type { Settings } from '../lib/settings';
import type { CallNotifier } from './call-notifier';
import type { FrontTab } from './front-tab';

export interface CallDispatcherDeps {
  settings: () => Settings;
  frontTab: () => Promise<FrontTab | null>;
  sendToTab: (tabId: number, message: FromBackground) => Promise<boolean>;
  notifier: CallNotifier;
  /**
   * Asks the helper how these calls stand: its latest view of each it knows (in progress or
   * ended with its result), or `null` when it could not be asked (no connection).
   */
  findCalls: (callIds: string[]) => Promise<CallView[] | null>;
  now?: () => number;
}

interface TrackedCall {
  call: CallView;
  /** Tabs showing a card for this call; they get every update until it ends. */
  tabs: Set<number>;
  notified: boolean;
  dismissed: boolean;
}

function tracking(call: CallView): TrackedCall {
  return { call, tabs: new Set<number>(), notified: false, dismissed: false };
}

/** Ended calls whose cards may still change (a transfer, an outcome saved, a late lookup), newest last. */
const REMEMBERED_ENDED = 50;

/**
 * Routes the helper's `call` updates: a card in the cabinet tab in front (and
 * every update to the tabs already showing it), or a system notification for
 * a ringing incoming call when no cabinet tab is in front or the browser is in
 * the background. Updates are handled strictly in order.
 */
export class CallDispatcher {
  readonly #calls = new Map<string, TrackedCall>();
  /**
   * Calls that ended, with the tabs that showed them: an update can follow the end (a blind
   * transfer releases the operator's phone before its outcome is known, a lookup answers
   * late), and those cards must still learn it.
   */
  readonly #ended = new Map<string, TrackedCall>();
  /**
   * Cards the tabs still show of calls this worker has heard nothing of: shown before the
   * browser stopped the previous worker, which took the helper's updates with it. Each waits
   * for `reconcile` to learn from the helper how it stands.
   */
  readonly #unconfirmed = new Map<string, TrackedCall>();
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CallDispatcherDeps) {}

  dispatch(call: CallView): Promise<void> {
    return this.#enqueue(() => this.#dispatch(call));
  }

  /**
   * A content script (re)loaded, or made itself known to a new worker: it will get every
   * update of the calls in progress, which are returned for it to show now. `shown` are the
   * calls it still shows as not ended; those this worker does not know wait for `reconcile`.
   */
  tabReady(tabId: number, showing: readonly CallView[] = []): Promise<CallView[]> {
    return this.#enqueue(async () => {
      if (!this.deps.settings().cards) return [];
      const shown: CallView[] = [];
      for (const tracked of this.#calls.values()) {
        if (tracked.dismissed) continue;
        tracked.tabs.add(tabId);
        shown.push(tracked.call);
      }
      for (const call of showing) {
        if (this.#calls.has(call.callId)) continue;
        const ended = this.#ended.get(call.callId);
        if (ended !== undefined) {
          // The tab missed the end: it learns it now.
          if (ended.dismissed) continue;
          ended.tabs.add(tabId);
          shown.push(ended.call);
          continue;
        }
        const claimed = this.#unconfirmed.get(call.callId) ?? tracking(call);
        claimed.tabs.add(tabId);
        this.#unconfirmed.set(call.callId, claimed);
      }
      return shown;
    });
  }

  /**
   * Brings the cards tabs still show of calls this worker has not heard of (see `tabReady`)
   * to how the helper says they stand: in progress, they follow its updates from now on;
   * ended, they show the result (missed, answered elsewhere…). A call the helper no longer
   * knows has ended, result unknown. Call it once connected; without a connection the cards
   * wait for the next one.
   */
  async reconcile(): Promise<void> {
    const callIds = await this.#enqueue(async () => [...this.#unconfirmed.keys()]);
    if (callIds.length === 0) return;
    const found = await this.deps.findCalls(callIds);
    if (found === null) return;
    await this.#enqueue(async () => {
      for (const callId of callIds) {
        const claimed = this.#unconfirmed.get(callId);
        // Gone meanwhile: an update of the call came first, or the operator closed the card.
        if (claimed === undefined) continue;
        const view = found.find((call) => call.callId === callId) ?? {
          ...claimed.call,
          state: 'ended' as const,
          endedAt: this.deps.now?.() ?? Date.now(),
        };
        await this.#dispatch(view);
      }
    });
  }

  /** The operator closed a card: stop showing this call; returns the tabs that showed it. */
  dismiss(callId: string): Promise<number[]> {
    return this.#enqueue(async () => {
      const tracked =
        this.#calls.get(callId) ?? this.#ended.get(callId) ?? this.#unconfirmed.get(callId);
      this.#unconfirmed.delete(callId);
      if (tracked === undefined) return [];
      tracked.dismissed = true;
      await this.#clearNotification(tracked);
      const tabs = [...tracked.tabs];
      tracked.tabs.clear();
      return tabs;
    });
  }

  /** Tabs showing a call, e.g. to bring one to the front from its notification. */
  tabsShowing(callId: string): number[] {
    return [...(this.#calls.get(callId)?.tabs ?? [])];
  }

  /**
   * The helper connection dropped: nothing more will be heard of these calls,
   * so their cards close; the helper re-sends live calls when it reconnects.
   */
  forgetAll(): Promise<void> {
    return this.#enqueue(async () => {
      const calls = [...this.#calls.values()];
      this.#calls.clear();
      this.#ended.clear();
      for (const tracked of calls) {
        await this.#clearNotification(tracked);
        for (const tabId of tracked.tabs) {
          await this.deps.sendToTab(tabId, { kind: 'card-dismissed', callId: tracked.call.callId });
        }
      }
    });
  }

  async #dispatch(call: CallView): Promise<void> {
    const settings = this.deps.settings();
    const tracked =
      this.#calls.get(call.callId) ??
      this.#ended.get(call.callId) ??
      this.#unconfirmed.get(call.callId) ??
      tracking(call);
    this.#unconfirmed.delete(call.callId);
    tracked.call = call;
    const live = call.state !== 'ended';
    if (live) {
      this.#calls.set(call.callId, tracked);
      this.#ended.delete(call.callId);
    } else {
      this.#rememberEnded(tracked);
    }

    const front = await this.deps.frontTab();
    const targets = new Set(tracked.tabs);
    if (settings.cards && live && !tracked.dismissed && front !== null) targets.add(front.tabId);
    for (const tabId of targets) {
      if (await this.deps.sendToTab(tabId, { kind: 'call', call })) tracked.tabs.add(tabId);
      else tracked.tabs.delete(tabId);
    }

    const cardInFront = front !== null && front.windowFocused && tracked.tabs.has(front.tabId);
    const wantsNotice =
      settings.notifications &&
      !tracked.dismissed &&
      !cardInFront &&
      call.state === 'ringing' &&
      call.direction !== 'out' &&
      call.origin === 'pbx';
    if (wantsNotice && !tracked.notified) {
      tracked.notified = true;
      await this.deps.notifier.showIncoming(call, settings.sound).catch(() => {});
    } else if (!wantsNotice) {
      await this.#clearNotification(tracked);
    }
  }

  #rememberEnded(tracked: TrackedCall): void {
    const { callId } = tracked.call;
    this.#calls.delete(callId);
    this.#ended.delete(callId);
    this.#ended.set(callId, tracked);
    if (this.#ended.size > REMEMBERED_ENDED) {
      this.#ended.delete(this.#ended.keys().next().value as string);
    }
  }

  async #clearNotification(tracked: TrackedCall): Promise<void> {
    if (!tracked.notified) return;
    tracked.notified = false;
    await this.deps.notifier.clearIncoming(tracked.call.callId).catch(() => {});
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
