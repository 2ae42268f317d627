import { describe, expect, it } from 'vitest';
import type { OriginateRequest, OriginateResult } from '../../../../../helper/ami/originate';
import { silentLogger } from '../../../../../helper/pbx-service/agi/logger';
import type { CallbackDirectory } from '../../../../../helper/pbx-service/callback/callback-directory';
import { CallbackMemory } from '../../../../../helper/pbx-service/routing/callback-memory';
import {
  CallbackService,
  type CallbackSettings,
} from '../../../../../helper/pbx-service/callback/callback-service';
import {
  CallbackRefusedError,
  CallbackRequestError,
  CallbackUnavailableError,
} from '../../../../../helper/pbx-service/callback/errors';
import type { JournalRecord } from '../../../../../helper/journal/entry';

const SETTINGS: CallbackSettings = {
  companyNumber: '74951234567',
  context: 'courier-callback',
  courierContext: 'courier-callback-courier',
  ringTimeoutMs: 30_000,
  record: true,
  lookupTimeoutMs: 1_000,
  defaultCountry: 'RU',
};

const DIRECTORY: CallbackDirectory = {
  courierMobile: async (code) => (code === '1' ? '+79031112233' : code === '7' ? null : undefined),
  recipientDelivery: async (recipient, order) =>
    recipient === '79161234567' && order === '1' ? '1' : undefined,
};

function service(
  outcome: OriginateResult | Error,
  options: { ready?: boolean; directory?: CallbackDirectory } = {},
) {
  const originated: OriginateRequest[] = [];
  const journaled: JournalRecord[] = [];
  const memory = new CallbackMemory({ ttlMs: 60_000, maxEntries: 10 });
  const callbacks = new CallbackService({
    settings: SETTINGS,
    originator: {
      ready: options.ready ?? true,
      originate: async (request) => {
        originated.push(request);
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
    },
    directory: options.directory ?? DIRECTORY,
    memory,
    journal: { record: async (record) => void journaled.push(record) },
    logger: silentLogger,
  });
  return { callbacks, originated, journaled, memory };
}

const ANSWERED: OriginateResult = {
  ok: true,
  reasonCode: 4,
  uniqueid: '1.1',
  channel: 'Local/x;1',
};
const signal = new AbortController().signal;
const REQUEST = { courier: 1, recipient: '8 (916) 123-45-67', order: '1' };

describe('CallbackService', () => {
  it('rings the courier first with the company number and the parcel on the call', async () => {
    const { callbacks, originated, memory } = service(ANSWERED);
    const status = await callbacks.start(REQUEST, signal);
    expect(status).toMatchObject({ state: 'calling-courier', orderCode: '1' });
    await callbacks.settled();
    expect(originated).toEqual([
      {
        channel: 'Local/+79031112233@courier-callback-courier/n',
        context: 'courier-callback',
        exten: '+79161234567',
        callerId: { number: '74951234567' },
        timeoutMs: 30_000,
        variables: {
          __CT_ORDER: '1',
          __CT_DELIVERY: '1',
          __CT_COURIER: '1',
          __CT_COURIER_MOBILE: '+79031112233',
          CT_COMPANY_NUMBER: '74951234567',
          CT_RECORD: 'yes',
          CT_CALLBACK: status.id,
        },
      },
    ]);
    expect(callbacks.status(status.id)?.state).toBe('courier-answered');
    expect(await memory.recall('79161234567')).toMatchObject({
      courierMobile: '+79031112233',
    });
  });

  it.each([
    [{ courier: 1, recipient: '79161234567' }, CallbackRequestError],
    [{ ...REQUEST, recipient: 'call me' }, CallbackRequestError],
    [{ ...REQUEST, courier: '1; DROP' }, CallbackRequestError],
    [{ ...REQUEST, courier: 5 }, CallbackRefusedError],
    [{ ...REQUEST, courier: 7 }, CallbackRefusedError],
    [{ ...REQUEST, order: 2 }, CallbackRefusedError],
  ])('refuses %j and dials nothing', async (body, error) => {
    const { callbacks, originated } = service(ANSWERED);
    await expect(callbacks.start(body, signal)).rejects.toThrow(error);
    expect(originated).toEqual([]);
  });

  it('refuses while the PBX or the database cannot take it', async () => {
    await expect(
      service(ANSWERED, { ready: false }).callbacks.start(REQUEST, signal),
    ).rejects.toThrow(CallbackUnavailableError);
    const down: CallbackDirectory = {
      courierMobile: () => Promise.reject(new Error('ECONNREFUSED')),
      recipientDelivery: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    await expect(
      service(ANSWERED, { directory: down }).callbacks.start(REQUEST, signal),
    ).rejects.toThrow(/database did not answer/);
  });

  it('journals a callback whose courier did not answer, and remembers nothing', async () => {
    const { callbacks, journaled, memory } = service({
      ok: false,
      reason: 'no-answer',
      reasonCode: 3,
      uniqueid: '1.7',
      channel: undefined,
    });
    const status = await callbacks.start(REQUEST, signal);
    await callbacks.settled();
    expect(callbacks.status(status.id)).toMatchObject({
      state: 'courier-unreachable',
      courierFailure: 'no-answer',
    });
    expect(journaled).toHaveLength(1);
    expect(journaled[0]).toMatchObject({
      kind: 'entry',
      entry: {
        callId: '1.7',
        direction: 'out',
        result: 'no-answer',
        orders: [{ orderCode: '1', addressCode: '1' }],
      },
    });
    expect(await memory.recall('79161234567')).toBeUndefined();
  });
});
