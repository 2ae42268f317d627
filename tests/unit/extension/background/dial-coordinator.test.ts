import { describe, expect, it, vi } from 'vitest';
import {
  DialCoordinator,
  type DialAudience,
} from '../../../../extension/background/dial-coordinator';
import {
  HelperNotConnectedError,
  HelperRequestError,
} from '../../../../extension/lib/helper-client/errors';
import type {
  DialProgress,
  DialResult,
} from '../../../../extension/lib/helper-client/request-types';
import type { ConnectionState, DialUpdate } from '../../../../extension/lib/runtime-messages';
import { status } from '../../../support/extension/samples';

function fakeHelper(connection: ConnectionState = { state: 'connected', status: status() }) {
  const dials: {
    request: unknown;
    onUpdate: (update: DialProgress | DialResult) => void;
    resolve: (result: DialResult) => void;
    reject: (error: Error) => void;
  }[] = [];
  let next = 0;
  return {
    dials,
    helper: {
      connection,
      dial: vi.fn((request: unknown, onUpdate: (update: DialProgress | DialResult) => void) => {
        const id = `d${++next}`;
        let resolve!: (result: DialResult) => void;
        let reject!: (error: Error) => void;
        const result = new Promise<DialResult>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        dials.push({ request, onUpdate, resolve, reject });
        return { id, result };
      }),
    },
  };
}

const TAB: DialAudience = { kind: 'tab', tabId: 4, frameId: 0 };

describe('DialCoordinator', () => {
  it('sends a normalized number and forwards every update to the asking tab', async () => {
    const { helper, dials } = fakeHelper();
    const delivered: [DialAudience, string, DialUpdate][] = [];
    const coordinator = new DialCoordinator(helper, (...args) => delivered.push(args));
    expect(coordinator.start('8 (916) 123-45-67', 'link', TAB)).toEqual({
      accepted: true,
      requestId: 'd1',
    });
    expect(dials[0]?.request).toEqual({ number: '+79161234567', source: 'link' });
    const progress: DialProgress = {
      type: 'dial.progress',
      id: 'd1',
      stage: 'ringing-you',
      extension: '101',
      remote: { raw: '+79161234567' },
    };
    dials[0]?.onUpdate(progress);
    expect(delivered).toEqual([[TAB, 'd1', progress]]);
  });

  it('allows one dial at a time for the whole extension', async () => {
    const { helper, dials } = fakeHelper();
    const coordinator = new DialCoordinator(helper, () => {});
    coordinator.start('101', 'popup', { kind: 'extension-pages' });
    expect(coordinator.start('102', 'link', TAB)).toEqual({ accepted: false, reason: 'busy' });
    dials[0]?.resolve({ type: 'dial.result', id: 'd1', ok: true, outcome: 'connected' });
    await Promise.resolve();
    await Promise.resolve();
    expect(coordinator.start('102', 'link', TAB)).toMatchObject({ accepted: true });
  });

  it('refuses text that holds no number, and says why when the helper is away', () => {
    const connected = new DialCoordinator(fakeHelper().helper, () => {});
    expect(connected.start('Заказ №', 'popup', TAB)).toEqual({
      accepted: false,
      reason: 'invalid-number',
    });
    expect(connected.start('1', 'popup', TAB)).toEqual({
      accepted: false,
      reason: 'invalid-number',
    });
    const down = new DialCoordinator(fakeHelper({ state: 'helper-down' }).helper, () => {});
    expect(down.start('101', 'popup', TAB)).toEqual({ accepted: false, reason: 'not-connected' });
    const unpaired = new DialCoordinator(fakeHelper({ state: 'not-paired' }).helper, () => {});
    expect(unpaired.start('101', 'popup', TAB)).toEqual({ accepted: false, reason: 'not-paired' });
    const { helper } = fakeHelper();
    helper.dial.mockImplementationOnce(() => {
      throw new HelperNotConnectedError();
    });
    expect(new DialCoordinator(helper, () => {}).start('101', 'popup', TAB)).toEqual({
      accepted: false,
      reason: 'not-connected',
    });
  });

  it("turns a failed request into an error update with the helper's code, and frees the line", async () => {
    const { helper, dials } = fakeHelper();
    const delivered: DialUpdate[] = [];
    const coordinator = new DialCoordinator(helper, (_a, _id, update) => delivered.push(update));
    coordinator.start('101', 'popup', TAB);
    dials[0]?.reject(new HelperRequestError('dial-in-progress', 'Another call is being set up.'));
    await vi.waitFor(() => expect(delivered).toHaveLength(1));
    expect(delivered[0]).toEqual({
      type: 'error',
      id: 'd1',
      code: 'dial-in-progress',
      message: 'Another call is being set up.',
    });
    expect(coordinator.busy).toBe(false);
  });
});
