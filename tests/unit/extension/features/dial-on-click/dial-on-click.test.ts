// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DialController } from '../../../../../extension/features/dial-on-click/dial-controller';
import { listenForLinkClicks } from '../../../../../extension/features/dial-on-click/link-clicks';
import type { DialReply, DialUpdate } from '../../../../../extension/lib/runtime-messages';
import type { DialToastState } from '../../../../../extension/features/dial-on-click/dial-toast-state';
import { FakeChannel } from '../../../../support/extension/features/fake-channel';
import {
  startLinker,
  type LinkerHarness,
} from '../../../../support/extension/features/linkify-phones/linker-harness';
import { scriptClick, userClick } from '../../../../support/extension/trusted-events';

let controller: AbortController;
let channel: FakeChannel;
let shown: DialToastState[];
let dialer: DialController;
let linker: LinkerHarness;

const progress = (
  requestId: string,
  stage: 'ringing-you' | 'dialling' | 'connected' | 'ended',
): DialUpdate => ({
  type: 'dial.progress',
  id: requestId,
  stage,
  extension: '101',
  remote: { raw: '+79161234567', e164: '+79161234567', dbKey: '79161234567' },
});

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(async () => {
  document.body.innerHTML =
    '<p id="p">Получатель: 8 (916) 123-45-67</p><a id="tel" href="tel:+74951234567">Диспетчер</a>';
  controller = new AbortController();
  channel = new FakeChannel();
  channel.reply = () => Promise.resolve({ accepted: true, requestId: 'r1' } satisfies DialReply);
  shown = [];
  dialer = new DialController({
    channel,
    view: () => Promise.resolve({ show: (state) => shown.push(state) }),
    signal: controller.signal,
  });
  channel.listen((message) => dialer.handle(message), controller.signal);
  linker = startLinker(document);
  await linker.sessionsDone(1);
  listenForLinkClicks({
    window,
    registry: linker.registry,
    onDial: (e164) => dialer.dial(e164, 'link'),
    signal: controller.signal,
  });
});

afterEach(() => {
  controller.abort();
  linker.controller.abort();
  vi.useRealTimers();
});

function phoneLink(): HTMLAnchorElement {
  return document.querySelector<HTMLAnchorElement>('a.ct-phone')!;
}

describe('click to dial', () => {
  it('a trusted click dials the number the linker read, and keeps the browser off the tel: URL', async () => {
    const event = userClick(phoneLink());
    await flush();
    expect(event.defaultPrevented).toBe(true);
    expect(channel.sentOf('dial')).toEqual([
      { kind: 'dial', number: '+79161234567', source: 'link' },
    ]);
    await flush();
    expect(shown[0]).toEqual({ phase: 'working', step: 'requesting', number: '+79161234567' });
  });

  it('a script-dispatched click does not dial', async () => {
    scriptClick(phoneLink());
    phoneLink().click();
    await flush();
    expect(channel.sentOf('dial')).toHaveLength(0);
  });

  it('a page cannot redirect a link to another number by editing data-phone', async () => {
    phoneLink().dataset.phone = '+79990000000';
    userClick(phoneLink());
    await flush();
    expect(channel.sentOf('dial')[0]!.number).toBe('+79161234567');
  });

  it('a look-alike link the page made itself does not dial', async () => {
    const fake = document.createElement('a');
    fake.className = 'ct-phone';
    fake.dataset.phone = '+79990000000';
    fake.href = 'tel:+79990000000';
    document.body.append(fake);
    await linker.sessionsDone(2);
    userClick(fake);
    await flush();
    expect(channel.sentOf('dial').map((message) => message.number)).toEqual(['+79990000000']);
    expect(linker.registry.lookup(fake)).toEqual({ e164: '+79990000000', created: true });
  });

  it('modifier and non-primary clicks keep the browser default', async () => {
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }]) {
      const event = userClick(phoneLink(), init);
      expect(event.defaultPrevented).toBe(false);
    }
    await flush();
    expect(channel.sentOf('dial')).toHaveLength(0);
  });

  it('taken-over tel: links dial through the helper too', async () => {
    userClick(document.querySelector('#tel')!);
    await flush();
    expect(channel.sentOf('dial')[0]!.number).toBe('+74951234567');
  });

  it('a second click while a dial is in progress starts nothing and says so', async () => {
    userClick(phoneLink());
    await flush();
    userClick(phoneLink());
    userClick(document.querySelector('#tel')!);
    await flush();
    expect(channel.sentOf('dial')).toHaveLength(1);
    await flush();
    expect(shown.at(-1)).toEqual({ phase: 'already-dialling', number: '+79161234567' });
  });
});

describe('dial progress', () => {
  it('follows ringing you → dialling → connected, then accepts a new dial', async () => {
    userClick(phoneLink());
    await flush();
    channel.push({ kind: 'dial-update', requestId: 'r1', update: progress('r1', 'ringing-you') });
    channel.push({
      kind: 'dial-update',
      requestId: 'other',
      update: progress('other', 'dialling'),
    });
    channel.push({ kind: 'dial-update', requestId: 'r1', update: progress('r1', 'dialling') });
    channel.push({
      kind: 'dial-update',
      requestId: 'r1',
      update: { type: 'dial.result', id: 'r1', ok: true, outcome: 'connected' },
    });
    await flush();
    expect(shown.map((state) => ('step' in state ? state.step : state.phase))).toEqual([
      'requesting',
      'ringing-you',
      'dialling',
      'connected',
    ]);
    expect(dialer.busy).toBe(false);
    userClick(phoneLink());
    await flush();
    expect(channel.sentOf('dial')).toHaveLength(2);
  });

  it('applies updates that arrive before the background replies', async () => {
    let answer: (reply: DialReply) => void = () => undefined;
    channel.reply = () => new Promise((resolve) => (answer = resolve));
    userClick(phoneLink());
    await flush();
    channel.push({ kind: 'dial-update', requestId: 'r9', update: progress('r9', 'ringing-you') });
    answer({ accepted: true, requestId: 'r9' });
    await flush();
    expect(shown.at(-1)).toMatchObject({ phase: 'working', step: 'ringing-you' });
  });

  it.each([
    [{ outcome: 'busy', leg: 'you' }, 'busy-you'],
    [{ outcome: 'busy', leg: 'remote' }, 'busy-remote'],
    [{ outcome: 'no-answer', leg: 'you' }, 'no-answer-you'],
    [{ outcome: 'no-answer', leg: 'remote' }, 'no-answer-remote'],
    [{ outcome: 'no-answer' }, 'no-answer-remote'],
    [{ outcome: 'pbx-refused' }, 'pbx-refused'],
    [{ outcome: 'pbx-unavailable' }, 'pbx-unavailable'],
    [{ outcome: 'invalid-number' }, 'invalid-number'],
    [{ outcome: 'failed', message: 'Channel unavailable' }, 'failed'],
  ] as const)('maps result %o to failure %s', async (result, failure) => {
    userClick(phoneLink());
    await flush();
    channel.push({
      kind: 'dial-update',
      requestId: 'r1',
      update: { type: 'dial.result', id: 'r1', ok: false, ...result },
    });
    await flush();
    expect(shown.at(-1)).toMatchObject({ phase: 'failed', failure });
    expect(dialer.busy).toBe(false);
  });

  it.each([
    [{ accepted: false, reason: 'not-paired' }, null, 'not-paired'],
    [{ accepted: false, reason: 'invalid-number' }, null, 'invalid-number'],
    [{ accepted: false, reason: 'busy' }, null, 'dial-in-progress'],
    [{ accepted: false, reason: 'not-connected' }, { state: 'helper-down' }, 'helper-down'],
    [{ accepted: false, reason: 'not-connected' }, { state: 'connecting' }, 'helper-connecting'],
    [
      { accepted: false, reason: 'not-connected' },
      { state: 'incompatible', reason: 'v2' },
      'helper-incompatible',
    ],
  ] as const)('maps rejection %o (connection %o) to %s', async (reply, connection, failure) => {
    if (connection) channel.push({ kind: 'connection', connection });
    channel.reply = () => Promise.resolve(reply);
    userClick(phoneLink());
    await flush();
    expect(shown.at(-1)).toMatchObject({ phase: 'failed', failure });
    expect(dialer.busy).toBe(false);
  });

  it('a call that rang you and ended shows why (busy), in the toast language alone', async () => {
    userClick(phoneLink());
    await flush();
    channel.push({ kind: 'dial-update', requestId: 'r1', update: progress('r1', 'ringing-you') });
    channel.push({ kind: 'dial-update', requestId: 'r1', update: progress('r1', 'ended') });
    await flush();
    expect(dialer.busy).toBe(true);
    expect(shown.at(-1)).toMatchObject({ phase: 'working', step: 'ringing-you' });
    channel.push({
      kind: 'dial-update',
      requestId: 'r1',
      update: {
        type: 'dial.result',
        id: 'r1',
        ok: false,
        outcome: 'busy',
        leg: 'you',
        message: 'Your phone is busy.',
      },
    });
    await flush();
    expect(shown.at(-1)).toEqual({ phase: 'failed', failure: 'busy-you', number: '+79161234567' });
    expect(dialer.busy).toBe(false);
  });

  it('reports an unreachable background worker', async () => {
    channel.reply = () => Promise.reject(new Error('Could not establish connection'));
    userClick(phoneLink());
    await flush();
    expect(shown.at(-1)).toMatchObject({ phase: 'failed', failure: 'extension-unavailable' });
  });

  it('maps helper errors and keeps their message', async () => {
    userClick(phoneLink());
    await flush();
    channel.push({
      kind: 'dial-update',
      requestId: 'r1',
      update: { type: 'error', id: 'r1', code: 'rate-limited', message: 'Wait 5 s' },
    });
    await flush();
    expect(shown.at(-1)).toEqual({
      phase: 'failed',
      failure: 'rate-limited',
      number: '+79161234567',
      detail: 'Wait 5 s',
    });
  });

  it('ends the dial when the helper goes away mid-call', async () => {
    userClick(phoneLink());
    await flush();
    channel.push({ kind: 'connection', connection: { state: 'helper-down' } });
    await flush();
    expect(shown.at(-1)).toMatchObject({ phase: 'failed', failure: 'helper-down' });
    expect(dialer.busy).toBe(false);
  });

  it('gives up when the helper falls silent', async () => {
    vi.useFakeTimers();
    userClick(phoneLink());
    await flush();
    channel.push({ kind: 'dial-update', requestId: 'r1', update: progress('r1', 'ringing-you') });
    await vi.advanceTimersByTimeAsync(121_000);
    await flush();
    expect(shown.at(-1)).toMatchObject({ phase: 'failed', failure: 'no-response' });
    expect(dialer.busy).toBe(false);
  });
});
