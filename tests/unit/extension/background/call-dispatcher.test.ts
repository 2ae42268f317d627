import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CallDispatcher } from '../../../../extension/background/call-dispatcher';
import type { CallNotifier } from '../../../../extension/background/call-notifier';
import type { FrontTab } from '../../../../extension/background/front-tab';
import type { FromBackground } from '../../../../extension/lib/runtime-messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../../extension/lib/settings';
import type { CallView } from '../../../../shared/protocol';
import { call } from '../../../support/extension/samples';

function setup(front: FrontTab | null, settings: Partial<Settings> = {}) {
  const sent: [number, FromBackground][] = [];
  const notifier = {
    showIncoming: vi.fn(async () => {}),
    clearIncoming: vi.fn(async () => {}),
    showDial: vi.fn(async () => {}),
  } satisfies CallNotifier;
  const state = {
    front,
    closedTabs: new Set<number>(),
    /** What the helper answers to `calls.query`; `null`: no connection to ask over. */
    found: [] as CallView[] | null,
    queries: [] as string[][],
    /** Runs while the helper is being asked, e.g. to let an update arrive first. */
    whileAsking: async () => {},
  };
  const dispatcher = new CallDispatcher({
    settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    frontTab: async () => state.front,
    sendToTab: async (tabId, message) => {
      if (state.closedTabs.has(tabId)) return false;
      sent.push([tabId, message]);
      return true;
    },
    notifier,
    findCalls: async (callIds) => {
      state.queries.push(callIds);
      await state.whileAsking();
      return state.found;
    },
    now: () => 1_700_000_099_000,
  });
  return { dispatcher, sent, notifier, state };
}

describe('CallDispatcher', () => {
  let ringing: ReturnType<typeof call>;
  beforeEach(() => {
    ringing = call({ callId: 'c1', state: 'ringing' });
  });

  it('shows the card in the cabinet tab in front, without a notification', async () => {
    const { dispatcher, sent, notifier } = setup({ tabId: 5, windowFocused: true });
    await dispatcher.dispatch(ringing);
    expect(sent).toEqual([[5, { kind: 'call', call: ringing }]]);
    expect(notifier.showIncoming).not.toHaveBeenCalled();
  });

  it('notifies when no cabinet tab is in front, and clears it once the call is answered', async () => {
    const { dispatcher, sent, notifier } = setup(null);
    await dispatcher.dispatch(ringing);
    await dispatcher.dispatch(ringing);
    expect(sent).toEqual([]);
    expect(notifier.showIncoming).toHaveBeenCalledTimes(1);
    expect(notifier.showIncoming).toHaveBeenCalledWith(ringing, false);
    await dispatcher.dispatch({ ...ringing, state: 'answered' });
    expect(notifier.clearIncoming).toHaveBeenCalledWith('c1');
  });

  it('also notifies when the browser window is in the background', async () => {
    const { dispatcher, sent, notifier } = setup(
      { tabId: 5, windowFocused: false },
      { sound: true },
    );
    await dispatcher.dispatch(ringing);
    expect(sent).toHaveLength(1);
    expect(notifier.showIncoming).toHaveBeenCalledWith(ringing, true);
  });

  it('keeps updating the tab that shows the card after another tab comes to the front', async () => {
    const { dispatcher, sent, state } = setup({ tabId: 5, windowFocused: true });
    await dispatcher.dispatch(ringing);
    state.front = { tabId: 6, windowFocused: true };
    const answered = { ...ringing, state: 'answered' as const };
    await dispatcher.dispatch(answered);
    state.front = null;
    const ended = { ...ringing, state: 'ended' as const };
    await dispatcher.dispatch(ended);
    expect(sent).toEqual([
      [5, { kind: 'call', call: ringing }],
      [5, { kind: 'call', call: answered }],
      [6, { kind: 'call', call: answered }],
      [5, { kind: 'call', call: ended }],
      [6, { kind: 'call', call: ended }],
    ]);
    expect(await dispatcher.tabReady(9)).toEqual([]);
    expect(sent).toHaveLength(5);
  });

  it('passes an update that follows the end to the tabs that showed the call', async () => {
    const { dispatcher, sent, state } = setup({ tabId: 5, windowFocused: true });
    await dispatcher.dispatch({ ...ringing, state: 'answered' as const });
    const ended = { ...ringing, state: 'ended' as const };
    await dispatcher.dispatch(ended);
    state.front = { tabId: 6, windowFocused: true };
    const transferred = {
      ...ended,
      transfer: { target: 'number', mode: 'blind', to: '103', ok: true, at: 1 } as const,
    };
    await dispatcher.dispatch(transferred);
    expect(sent.at(-1)).toEqual([5, { kind: 'call', call: transferred }]);
    expect(sent.filter(([tab]) => tab === 6)).toEqual([]);
    expect(await dispatcher.dismiss(ringing.callId)).toEqual([5]);
  });

  it('brings an update that follows the end (an outcome saved) to the tabs that showed the call', async () => {
    const { dispatcher, sent, state } = setup({ tabId: 5, windowFocused: true });
    await dispatcher.dispatch(ringing);
    const ended = { ...ringing, state: 'ended' as const };
    await dispatcher.dispatch(ended);
    state.front = { tabId: 6, windowFocused: true };
    const noted = { ...ended, outcome: { note: 'Перезвонить', at: 1 } };
    await dispatcher.dispatch(noted);
    expect(sent.slice(-1)).toEqual([[5, { kind: 'call', call: noted }]]);
    expect(await dispatcher.tabReady(9)).toEqual([]);
  });

  it('respects the cards and notifications switches', async () => {
    const off = setup({ tabId: 5, windowFocused: true }, { cards: false, notifications: false });
    await off.dispatcher.dispatch(ringing);
    expect(off.sent).toEqual([]);
    expect(off.notifier.showIncoming).not.toHaveBeenCalled();
    const cardsOff = setup({ tabId: 5, windowFocused: true }, { cards: false });
    await cardsOff.dispatcher.dispatch(ringing);
    expect(cardsOff.notifier.showIncoming).toHaveBeenCalledTimes(1);
  });

  it('never notifies for the operator’s own click-to-call', async () => {
    const { dispatcher, notifier } = setup(null);
    await dispatcher.dispatch(call({ direction: 'out', origin: 'click-to-call' }));
    expect(notifier.showIncoming).not.toHaveBeenCalled();
  });

  it('gives a newly loaded cabinet tab the calls in progress, then their updates', async () => {
    const { dispatcher, sent } = setup(null);
    await dispatcher.dispatch(ringing);
    expect(await dispatcher.tabReady(8)).toEqual([ringing]);
    expect(sent).toEqual([]);
    const answered = { ...ringing, state: 'answered' as const };
    await dispatcher.dispatch(answered);
    expect(sent).toEqual([[8, { kind: 'call', call: answered }]]);
  });

  it('gives a loading tab no calls while cards are off', async () => {
    const { dispatcher } = setup(null, { cards: false });
    await dispatcher.dispatch(ringing);
    expect(await dispatcher.tabReady(8)).toEqual([]);
  });

  it('stops showing a dismissed call and tells which tabs had it', async () => {
    const { dispatcher, sent, notifier } = setup({ tabId: 5, windowFocused: false });
    await dispatcher.dispatch(ringing);
    expect(await dispatcher.dismiss('c1')).toEqual([5]);
    expect(notifier.clearIncoming).toHaveBeenCalledWith('c1');
    await dispatcher.dispatch({ ...ringing, lookup: 'done' });
    expect(sent).toHaveLength(1);
  });

  it('closes every card when the helper connection is lost', async () => {
    const { dispatcher, sent } = setup({ tabId: 5, windowFocused: true });
    await dispatcher.dispatch(ringing);
    await dispatcher.forgetAll();
    expect(sent.at(-1)).toEqual([5, { kind: 'card-dismissed', callId: 'c1' }]);
    expect(dispatcher.tabsShowing('c1')).toEqual([]);
  });

  it('forgets tabs that were closed', async () => {
    const { dispatcher, state } = setup({ tabId: 5, windowFocused: true });
    await dispatcher.dispatch(ringing);
    state.closedTabs.add(5);
    state.front = null;
    await dispatcher.dispatch({ ...ringing, state: 'answered' });
    expect(dispatcher.tabsShowing('c1')).toEqual([]);
  });

  describe('cards a tab kept while the browser had stopped the worker', () => {
    it('asks the helper and moves the card of a call that ended meanwhile to missed', async () => {
      const { dispatcher, sent, state } = setup({ tabId: 5, windowFocused: true });
      expect(await dispatcher.tabReady(7, [ringing])).toEqual([]);
      const missed = call({ callId: 'c1', state: 'ended', result: 'no-answer', missed: true });
      state.found = [missed];

      await dispatcher.reconcile();

      expect(state.queries).toEqual([['c1']]);
      expect(sent).toEqual([[7, { kind: 'call', call: missed }]]);
      // Settled: the next connection asks nothing again.
      await dispatcher.reconcile();
      expect(state.queries).toHaveLength(1);
    });

    it('keeps a call still in progress on the tab that shows it, for its later updates', async () => {
      const { dispatcher, sent, state } = setup(null);
      await dispatcher.tabReady(7, [ringing]);
      state.found = [ringing];
      await dispatcher.reconcile();
      const answered = { ...ringing, state: 'answered' as const };
      await dispatcher.dispatch(answered);
      expect(sent).toEqual([
        [7, { kind: 'call', call: ringing }],
        [7, { kind: 'call', call: answered }],
      ]);
    });

    it('ends a card the helper no longer knows, result unknown', async () => {
      const { dispatcher, sent, state } = setup(null);
      await dispatcher.tabReady(7, [ringing]);
      await dispatcher.tabReady(8, [ringing]);
      state.found = [];
      await dispatcher.reconcile();
      const ended = { ...ringing, state: 'ended', endedAt: 1_700_000_099_000 };
      expect(sent).toEqual([
        [7, { kind: 'call', call: ended }],
        [8, { kind: 'call', call: ended }],
      ]);
    });

    it('waits for a connection to ask over', async () => {
      const { dispatcher, sent, state } = setup(null);
      await dispatcher.tabReady(7, [ringing]);
      state.found = null;
      await dispatcher.reconcile();
      expect(sent).toEqual([]);
      const missed = call({ callId: 'c1', state: 'ended', missed: true });
      state.found = [missed];
      await dispatcher.reconcile();
      expect(sent).toEqual([[7, { kind: 'call', call: missed }]]);
    });

    it('lets an update heard while asking win over the answer', async () => {
      const { dispatcher, sent, state } = setup(null);
      await dispatcher.tabReady(7, [ringing]);
      const answered = { ...ringing, state: 'answered' as const };
      state.whileAsking = () => dispatcher.dispatch(answered);
      state.found = [ringing];
      await dispatcher.reconcile();
      expect(sent).toEqual([[7, { kind: 'call', call: answered }]]);
    });

    it('asks nothing of calls it already follows, and gives a tab that missed the end the ended call', async () => {
      const { dispatcher, sent, state } = setup(null);
      const other = call({ callId: 'c2', state: 'ringing' });
      await dispatcher.dispatch(ringing);
      await dispatcher.dispatch(other);
      const ended = { ...other, state: 'ended' as const, result: 'answered-elsewhere' as const };
      await dispatcher.dispatch(ended);
      expect(await dispatcher.tabReady(7, [ringing, other])).toEqual([ringing, ended]);
      await dispatcher.reconcile();
      expect(state.queries).toEqual([]);
      expect(sent).toEqual([]);
    });

    it('forgets a card the operator closed before the answer', async () => {
      const { dispatcher, sent, state } = setup(null);
      await dispatcher.tabReady(7, [ringing]);
      expect(await dispatcher.dismiss('c1')).toEqual([7]);
      state.found = [call({ callId: 'c1', state: 'ended', missed: true })];
      await dispatcher.reconcile();
      expect(state.queries).toEqual([]);
      expect(sent).toEqual([]);
    });
  });
});
