import { describe, expect, it, vi } from 'vitest';
import { AmiPermissionError } from '../../../../../helper/ami/errors';
import type { CallControl, QueuePausing } from '../../../../../helper/core/helper-api';
import type { CallHub } from '../../../../../helper/workstation/hub/call-hub';
import { HelperService } from '../../../../../helper/workstation/hub/helper-service';
import { NotAQueueMemberError } from '../../../../../helper/workstation/queues/queue-presence';
import { activeView } from '../../../../support/helper/journal/samples';

const CALL = activeView();

function service(parts: { callControl?: CallControl; queues?: QueuePausing } = {}) {
  const hub = { activeCalls: () => [CALL] } as unknown as CallHub;
  return new HelperService({
    hub,
    status: {} as never,
    dialer: {} as never,
    journal: {} as never,
    ...parts,
  });
}

const hangup = (extension = CALL.extension, callId = CALL.callId) =>
  ({ type: 'call.hangup', id: 'r', callId, extension }) as const;

describe('call control through the helper service', () => {
  it("hands only the operator's own call in progress to the call control", async () => {
    const control = vi.fn(async () => ({ ok: true }));
    const helper = service({ callControl: { control } });
    expect(await helper.control(hangup())).toEqual({ ok: true });
    expect(control).toHaveBeenCalledWith(CALL, hangup());
    await expect(helper.control(hangup('102'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(helper.control(hangup(CALL.extension, 'other'))).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(control).toHaveBeenCalledTimes(1);
  });

  it('is not allowed without a PBX', async () => {
    await expect(service().control(hangup())).rejects.toMatchObject({ code: 'not-allowed' });
  });
});

describe('queue pause through the helper service', () => {
  const failing = (error: Error): QueuePausing => ({ pause: async () => Promise.reject(error) });

  it.each([
    [
      new AmiPermissionError('QueuePause', 'Permission denied', 'agent'),
      'pbx-refused',
      /needs the "agent" write class/,
    ],
    [
      new NotAQueueMemberError('Extension(s) 101 are members of no queue.'),
      'not-found',
      /no queue/,
    ],
    [new Error('socket closed'), 'pbx-unavailable', /did not answer/],
  ])('tells the popup %s as %s', async (error, code, message) => {
    const refused = await service({ queues: failing(error) })
      .pauseQueues({ paused: true })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code });
    expect((refused as Error).message).toMatch(message);
  });

  it('is not allowed without a PBX', async () => {
    await expect(service().pauseQueues({ paused: true })).rejects.toMatchObject({
      code: 'not-allowed',
    });
  });
});
