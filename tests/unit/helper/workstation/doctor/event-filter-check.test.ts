import { describe, expect, it } from 'vitest';
import { AmiPermissionError, AmiTimeoutError } from '../../../../../helper/ami/errors';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import type { DoctorAmiSession } from '../../../../../helper/workstation/doctor/ami-session';
import {
  eventFilterCheck,
  PROBE_CONTEXT,
} from '../../../../../helper/workstation/doctor/event-filter-check';
import { FILTER_REVISION_VARIABLE } from '../../../../../helper/workstation/manager-conf/account-privileges';

/**
 * A logged-in session on a PBX that answers the probe Originate as Asterisk 22 does and
 * delivers the events `filter` lets through (every event when it returns true).
 */
function session(
  filter: (frame: AmiFrame) => boolean,
  refuse?: Error,
): DoctorAmiSession & { originated: Record<string, string>[] } {
  const listeners: ((frame: AmiFrame) => void)[] = [];
  const originated: Record<string, string>[] = [];
  const deliver = (frame: AmiFrame): void => {
    if (filter(frame)) for (const listener of listeners) listener(frame);
  };
  return {
    originated,
    start: async () => undefined,
    action: async (_name, fields = {}) => {
      if (refuse) throw refuse;
      originated.push(fields);
      const HALF = `${fields.Channel ?? ''}-00000003;1`;
      setTimeout(() => {
        deliver({ Event: 'Newchannel', Channel: HALF, Context: PROBE_CONTEXT });
        const [variable, value] = (fields.Variable ?? '').split('=');
        deliver({ Event: 'VarSet', Channel: HALF, Variable: variable ?? '', Value: value ?? '' });
        deliver({ Event: 'VarSet', Channel: HALF, Variable: 'OTHER', Value: '1' });
        deliver({ Event: 'Hangup', Channel: HALF, Cause: '0' });
      }, 5);
      return { response: 'Success', message: 'Originate successfully queued' };
    },
    actionList: async () => ({
      response: { response: 'Success' },
      events: [],
      complete: undefined,
    }),
    on: (_event, listener, { signal }) => {
      listeners.push(listener);
      signal.addEventListener('abort', () => listeners.splice(listeners.indexOf(listener), 1));
      return () => undefined;
    },
    close: async () => undefined,
  };
}

const names = (allowed: string[]) => (frame: AmiFrame) =>
  allowed.includes(String(frame['Event'])) &&
  (frame['Event'] !== 'VarSet' || frame['Variable'] === FILTER_REVISION_VARIABLE);

/** What a per-seat account of `extension` passes: its channels' events and the variable. */
const seatOf = (extension: string) => (frame: AmiFrame) =>
  frame['Event'] === 'VarSet'
    ? frame['Variable'] === FILTER_REVISION_VARIABLE
    : String(frame['Channel']).startsWith(`Local/${extension}@`);

async function check(probe: DoctorAmiSession, seat?: string) {
  const [result] = await eventFilterCheck(seat).run(probe);
  return result!;
}

describe('eventFilterCheck', () => {
  it('originates a probe into a context no dialplan has, carrying the revision variable', async () => {
    const probe = session(() => true);
    await check(probe);
    expect(probe.originated).toEqual([
      {
        Channel: `Local/probe@${PROBE_CONTEXT}`,
        Application: 'Wait',
        Data: '1',
        Async: 'true',
        Variable: `${FILTER_REVISION_VARIABLE}=1`,
      },
    ]);
  });

  it('passes the current office-wide filter, and an account with no filter at all', async () => {
    for (const probe of [session(names(['Newchannel', 'VarSet', 'Hangup'])), session(() => true)]) {
      expect(await check(probe, '101')).toMatchObject({
        status: 'ok',
        name: 'AMI event filter',
        detail: expect.stringContaining('office-wide filter'),
      });
    }
  });

  it("tells a per-seat filter for this seat from one for another seat's extensions", async () => {
    const probe = session(seatOf('101'));
    expect(await check(probe, '101')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('per-seat filter for 101'),
    });
    expect(probe.originated.map((o) => o['Channel'])).toEqual([
      `Local/probe@${PROBE_CONTEXT}`,
      `Local/101@${PROBE_CONTEXT}`,
    ]);
    const wrong = await check(session(seatOf('102')), '101');
    expect(wrong).toMatchObject({ status: 'fail', fix: expect.stringContaining('--seats 101') });
    expect(await check(session(seatOf('102')))).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('per-seat filter'),
    });
  });

  it('fails an older filter that passes channel events but not the revision', async () => {
    const result = await check(session(names(['Newchannel', 'Hangup'])));
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('older event filter');
    expect(result.detail).toContain('Pickup');
    expect(result.fix).toContain('courier-helper manager-conf');
  });

  it('fails when no event reaches the account, naming the read classes', async () => {
    const result = await check(session(() => false));
    expect(result.status).toBe('fail');
    expect(result.fix).toContain('read = call,dialplan');
  });

  it('is skipped without the originate class and says why it could not check otherwise', async () => {
    const denied = await check(
      session(() => true, new AmiPermissionError('Originate', 'Permission denied', 'originate')),
    );
    expect(denied.status).toBe('skip');
    const timeout = await check(session(() => true, new AmiTimeoutError('Originate', 5_000)));
    expect(timeout).toMatchObject({ status: 'fail', fix: 'run doctor again once the PBX answers' });
  });
});
