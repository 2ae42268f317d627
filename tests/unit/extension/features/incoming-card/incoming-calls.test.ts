// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Dialer } from '../../../../../extension/features/dial-on-click/dial-controller';
import { IncomingCalls } from '../../../../../extension/features/incoming-card/incoming-calls';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/page-strings';
import { CardPresenter } from '../../../../../extension/features/incoming-card/card-presenter';
import type { CallCardsView } from '../../../../../extension/features/incoming-card/mount-call-cards';
import { FakeChannel } from '../../../../support/extension/features/fake-channel';
import { FakeSettings } from '../../../../support/extension/features/fake-settings';
import { clientCall, recipientCall } from '../../../../support/extension/sample-calls';
import { status } from '../../../../support/extension/samples';
import { trusted, userClick, userKey } from '../../../../support/extension/trusted-events';

let controller: AbortController;
let channel: FakeChannel;
let settings: FakeSettings;
let container: HTMLElement;
let mounts: number;
let ring: { play: Mock<() => void> };
let dialer: { dial: ReturnType<typeof vi.fn>; busy: boolean };
let calls: IncomingCalls;

beforeEach(() => {
  setLanguage('ru');
  controller = new AbortController();
  channel = new FakeChannel();
  settings = new FakeSettings({ sound: true });
  container = document.createElement('div');
  document.body.replaceChildren(container);
  mounts = 0;
  ring = { play: vi.fn<() => void>() };
  dialer = { dial: vi.fn(), busy: false };
  calls = new IncomingCalls({
    channel,
    settings,
    dialer: dialer as unknown as Dialer,
    signal: controller.signal,
    ring,
    openUrl: vi.fn(),
    endedCloseMs: 1_000,
    missedCloseMs: 5_000,
    mountView: (actions) => {
      mounts++;
      const presenter = new CardPresenter({ container, actions, signal: controller.signal });
      const view: CallCardsView = {
        shadow: container.attachShadow({ mode: 'open' }),
        update: (list, announcement) => presenter.update(list, announcement),
        hasFocusIn: (callId) => presenter.hasFocusIn(callId),
        setOutcomes: (outcomes) => presenter.setOutcomes(outcomes),
      };
      return Promise.resolve(view);
    },
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  setLanguage('en');
});

const cardIds = (): string[] =>
  Array.from(container.querySelectorAll('article')).map(
    (card) => card.getAttribute('data-call-id') ?? '',
  );

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('incoming calls', () => {
  it('mounts the cards on the first call only, announces the caller and rings', async () => {
    expect(mounts).toBe(0);
    channel.push({ kind: 'call', call: clientCall() });
    await flush();
    expect(mounts).toBe(1);
    expect(cardIds()).toEqual(['client-call']);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe(
      'Входящий звонок: +7 916 555-66-77. ООО «Ромашка», Орлова Мария Андреевна',
    );
    expect(ring.play).toHaveBeenCalledTimes(1);

    channel.push({ kind: 'call', call: clientCall({ state: 'answered', answeredAt: Date.now() }) });
    channel.push({ kind: 'call', call: recipientCall() });
    await flush();
    expect(mounts).toBe(1);
    expect(cardIds()).toHaveLength(2);
    expect(ring.play).toHaveBeenCalledTimes(2);
  });

  it('stays silent when sound is off, and shows nothing when cards are off', async () => {
    settings.change({ sound: false });
    channel.push({ kind: 'call', call: clientCall() });
    await flush();
    expect(ring.play).not.toHaveBeenCalled();
    expect(cardIds()).toEqual(['client-call']);

    settings.change({ cards: false });
    await flush();
    expect(cardIds()).toEqual([]);
    channel.push({ kind: 'call', call: recipientCall() });
    await flush();
    expect(cardIds()).toEqual([]);
  });

  it('closes an ended card some seconds later; a missed one stays longer', async () => {
    vi.useFakeTimers();
    channel.push({ kind: 'call', call: clientCall() });
    channel.push({ kind: 'call', call: recipientCall() });
    channel.push({ kind: 'call', call: clientCall({ state: 'ended', result: 'answered' }) });
    channel.push({
      kind: 'call',
      call: recipientCall({ state: 'ended', result: 'no-answer', missed: true }),
    });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(cardIds()).toEqual(['recipient-call']);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(cardIds()).toEqual([]);
  });

  it("keeps a declined card that rings again (a queue's next round) until it ends again", async () => {
    vi.useFakeTimers();
    channel.push({ kind: 'call', call: clientCall() });
    channel.push({ kind: 'call', call: clientCall({ state: 'ended', result: 'declined' }) });
    await vi.advanceTimersByTimeAsync(500);
    channel.push({ kind: 'call', call: clientCall() });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(cardIds()).toEqual(['client-call']);
    channel.push({ kind: 'call', call: clientCall({ state: 'ended', result: 'answered' }) });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(cardIds()).toEqual([]);
  });

  it('replaces the card of a call that moved (a pickup) by the call it became, without ringing', async () => {
    channel.push({ kind: 'call', call: clientCall({ callId: 'own-call', state: 'dialling' }) });
    await flush();
    expect(cardIds()).toEqual(['own-call']);
    channel.push({
      kind: 'call',
      call: clientCall({ callId: 'own-call', state: 'ended', movedTo: 'picked-call' }),
    });
    channel.push({
      kind: 'call',
      call: clientCall({ callId: 'picked-call', state: 'answered', answeredAt: Date.now() }),
    });
    await flush();
    expect(cardIds()).toEqual(['picked-call']);
    expect(ring.play).not.toHaveBeenCalled();
  });

  it('keeps an ended card open while focus is inside it', async () => {
    vi.useFakeTimers();
    channel.push({ kind: 'call', call: clientCall() });
    await flush();
    container.querySelector<HTMLButtonElement>('article button')!.focus();
    channel.push({ kind: 'call', call: clientCall({ state: 'ended', result: 'answered' }) });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(cardIds()).toEqual(['client-call']);
    (document.activeElement as HTMLElement).blur();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(cardIds()).toEqual([]);
  });

  it('keeps the card of a call the operator took until its outcome is noted', async () => {
    vi.useFakeTimers();
    channel.push({
      kind: 'connection',
      connection: {
        state: 'connected',
        status: status({
          outcomes: { choices: [{ code: 'done', label: 'Готово' }], afterCallMs: 60_000 },
        }),
      },
    });
    channel.push({ kind: 'call', call: clientCall({ state: 'answered' }) });
    const ended = clientCall({ state: 'ended', result: 'answered', endedAt: Date.now() });
    channel.push({ kind: 'call', call: ended });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cardIds()).toEqual(['client-call']);
    expect(container.querySelector('form.outcome')).not.toBeNull();
    channel.reply = async () => ({ ok: true });
    container
      .querySelector('form.outcome')!
      .dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect(channel.sentOf('call-outcome')).toEqual([
      { kind: 'call-outcome', callId: 'client-call', extension: '101' },
    ]);
    channel.push({ kind: 'call', call: { ...ended, outcome: { at: Date.now() } } });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(cardIds()).toEqual([]);
  });

  it('lets the card of a call nobody noted go once the time for its outcome has passed', async () => {
    vi.useFakeTimers();
    channel.push({
      kind: 'connection',
      connection: {
        state: 'connected',
        status: status({ outcomes: { choices: [], afterCallMs: 20_000 } }),
      },
    });
    channel.push({ kind: 'call', call: clientCall({ state: 'answered' }) });
    channel.push({
      kind: 'call',
      call: clientCall({ state: 'ended', result: 'answered', endedAt: Date.now() }),
    });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(cardIds()).toEqual(['client-call']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cardIds()).toEqual([]);
  });

  it('a dismissed card tells the background and never comes back', async () => {
    channel.push({ kind: 'call', call: clientCall() });
    await flush();
    userKey(container.querySelector('article')!, 'Escape');
    await flush();
    expect(cardIds()).toEqual([]);
    expect(channel.sentOf('card-dismiss')).toEqual([
      { kind: 'card-dismiss', callId: 'client-call' },
    ]);
    channel.push({ kind: 'call', call: clientCall({ state: 'answered', answeredAt: Date.now() }) });
    await flush();
    expect(cardIds()).toEqual([]);
  });

  it('a card dismissed in another tab goes away here', async () => {
    channel.push({ kind: 'call', call: clientCall() });
    await flush();
    channel.push({ kind: 'card-dismissed', callId: 'client-call' });
    await flush();
    expect(cardIds()).toEqual([]);
  });

  it('a call that ended before this tab saw it is not shown, unless it was missed', async () => {
    channel.push({ kind: 'call', call: clientCall({ state: 'ended', result: 'answered' }) });
    await flush();
    expect(mounts).toBe(0);
    channel.push({ kind: 'call', call: recipientCall({ state: 'ended', missed: true }) });
    await flush();
    expect(cardIds()).toEqual(['recipient-call']);
  });

  /** Shows the recipient's call answered and presses the card's hang-up button. */
  async function hangUpAnsweredCall(): Promise<void> {
    channel.push({
      kind: 'call',
      call: recipientCall({ state: 'answered', answeredAt: Date.now() }),
    });
    await flush();
    const hangUp = Array.from(container.querySelectorAll('button')).find((button) =>
      button.textContent?.includes('Завершить звонок'),
    )!;
    userClick(hangUp);
  }

  it('sends hang-ups and call-backs where they belong, and hands the reply to the card', async () => {
    channel.reply = async () => ({ ok: false, reason: 'not-connected' });
    await hangUpAnsweredCall();
    expect(channel.sentOf('call-control')).toEqual([
      { kind: 'call-control', callId: 'recipient-call', extension: '101', action: 'hangup' },
    ]);
    await vi.waitFor(() =>
      expect(container.querySelector('.control-status')!.textContent).toBe(
        'Не получилось: звонок уже разъединён',
      ),
    );

    channel.push({ kind: 'call', call: recipientCall({ state: 'ended', missed: true }) });
    await flush();
    const callBack = Array.from(container.querySelectorAll('button')).find((button) =>
      button.textContent?.includes('Перезвонить'),
    )!;
    userClick(callBack);
    expect(dialer.dial).toHaveBeenCalledWith('+79161234567', 'card');
  });

  it('tells the card when the background cannot be reached', async () => {
    channel.reply = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await hangUpAnsweredCall();
    await vi.waitFor(() =>
      expect(container.querySelector('.control-status')!.textContent).toContain(
        'Расширение недоступно на этой странице',
      ),
    );
  });

  it('stops listening when the content script goes away', async () => {
    controller.abort();
    channel.push({ kind: 'call', call: clientCall() });
    await flush();
    expect(mounts).toBe(0);
    expect(calls.store.list()).toEqual([]);
  });
});
