import { describe, expect, it, vi } from 'vitest';
import { ScreenPop, screenPopUrl } from '../../../../extension/background/screen-pop';
import type { ScreenPopMode } from '../../../../extension/lib/settings';
import { call } from '../../../support/extension/samples';
import { clientCall, recipientCall } from '../../../support/extension/sample-calls';

function screenPop(mode: ScreenPopMode) {
  const show = vi.fn(async (_url: string) => undefined);
  return { pop: new ScreenPop({ mode: () => mode, show }), show };
}

const ORDER = 'https://cabinet.courier.example/orders/1';

describe('screenPopUrl', () => {
  it("opens the caller's order first, then the client, then the courier", () => {
    expect(screenPopUrl(recipientCall().identity)).toBe(ORDER);
    expect(screenPopUrl(clientCall().identity)).toBe('https://cabinet.courier.example/clients/1');
    expect(screenPopUrl(call().identity)).toBeUndefined();
  });

  it('never opens a link that is not a web address', () => {
    const hostile = clientCall();
    hostile.identity.clients[0]!.url = 'javascript:alert(1)';
    expect(screenPopUrl(hostile.identity)).toBeUndefined();
  });
});

describe('ScreenPop', () => {
  it('opens the page once when the phone rings and the caller is known', () => {
    const { pop, show } = screenPop('ring');
    pop.observe(recipientCall({ lookup: 'pending' }));
    expect(show).not.toHaveBeenCalled();
    pop.observe(recipientCall());
    pop.observe(recipientCall({ state: 'answered', answeredAt: Date.now() }));
    expect(show.mock.calls).toEqual([[ORDER]]);
  });

  it('waits for the operator to answer with "answer", and never pops a call answered elsewhere', () => {
    const { pop, show } = screenPop('answer');
    pop.observe(recipientCall());
    pop.observe(recipientCall({ state: 'answered-elsewhere', answeredBy: '102' }));
    pop.observe(recipientCall({ state: 'ended', result: 'answered-elsewhere' }));
    expect(show).not.toHaveBeenCalled();
    pop.observe(recipientCall({ callId: 'other', state: 'answered', answeredAt: Date.now() }));
    expect(show.mock.calls).toEqual([[ORDER]]);
  });

  it('does not pop a ringing call that was answered elsewhere before the lookup finished', () => {
    const { pop, show } = screenPop('ring');
    pop.observe(recipientCall({ lookup: 'pending' }));
    pop.observe(recipientCall({ state: 'answered-elsewhere' }));
    expect(show).not.toHaveBeenCalled();
  });

  it('pops nothing when off, for outgoing calls or for click-to-call', () => {
    const off = screenPop('off');
    off.pop.observe(recipientCall());
    const ring = screenPop('ring');
    ring.pop.observe(recipientCall({ direction: 'out' }));
    ring.pop.observe(recipientCall({ origin: 'click-to-call' }));
    expect(off.show).not.toHaveBeenCalled();
    expect(ring.show).not.toHaveBeenCalled();
  });
});
