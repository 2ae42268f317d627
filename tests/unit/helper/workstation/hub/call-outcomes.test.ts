import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutcome, CallView, Identity } from '../../../../../shared/protocol';
import { CallHub } from '../../../../../helper/workstation/hub/call-hub';
import { CallOutcomes } from '../../../../../helper/workstation/hub/call-outcomes';
import type { OutcomeRequest } from '../../../../../helper/core/helper-api';
import type { TrackedCall } from '../../../../../helper/core/tracked-call';
import { ApiError } from '../../../../../helper/workstation/ws/api-error';

const T0 = 1_700_000_000_000;
const CALLER = '79161234567';
const TWO_ORDERS: Identity = {
  clients: [],
  couriers: [],
  deliveries: [
    { addressCode: '5001', orderCode: '7001', orderNumber: 'RM-7001', recipientName: 'Иванов' },
    { addressCode: '5002', orderCode: '7002', orderNumber: 'RM-7002', recipientName: 'Иванов' },
  ],
};
const SETTINGS = {
  choices: [{ code: 'rescheduled', label: 'Доставка перенесена', en: 'Delivery rescheduled' }],
  afterCallMs: 300_000,
};

function tracked(state: TrackedCall['state'], extra: Partial<TrackedCall> = {}): TrackedCall {
  return {
    callId: '1700000000.1',
    extension: '101',
    direction: 'in',
    state,
    remote: { raw: CALLER, e164: `+${CALLER}`, dbKey: CALLER },
    origin: 'pbx',
    startedAt: T0,
    ...(state === 'ended'
      ? { answeredAt: T0 + 1_000, endedAt: T0 + 9_000, talkSeconds: 8, result: 'answered' as const }
      : {}),
    ...extra,
  };
}

describe('CallOutcomes', () => {
  let controller: AbortController;
  let identity: Identity;
  let hub: CallHub;
  let pushes: CallView[];
  let kept: CallOutcome[];
  let now: number;
  let outcomes: CallOutcomes;

  const request = (extra: Partial<OutcomeRequest> = {}): OutcomeRequest => ({
    id: 'o1',
    callId: '1700000000.1',
    extension: '101',
    ...extra,
  });

  const refusal = async (extra: Partial<OutcomeRequest>): Promise<ApiError> => {
    const error = await outcomes.note(request(extra)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
    return error;
  };

  beforeEach(() => {
    controller = new AbortController();
    identity = TWO_ORDERS;
    pushes = [];
    kept = [];
    now = T0 + 5_000;
    hub = new CallHub({
      resolver: {
        lookup: async () => ({ state: 'done', identity }),
        cached: () => ({ state: 'done', identity }),
      },
      createLinks: (remote) => [
        { label: 'Новый заказ', url: `https://cab.test/new?phone=${remote.dbKey ?? ''}` },
      ],
    });
    hub.subscribe((message) => {
      if (message.type === 'call') pushes.push(message.call);
    }, controller.signal);
    outcomes = new CallOutcomes({
      hub,
      settings: SETTINGS,
      extensions: () => ['101'],
      keeper: {
        noted: async (_call, outcome) => {
          kept.push(outcome);
        },
      },
      now: () => now,
    });
  });

  afterEach(() => controller.abort());

  it('keeps the outcome, then shows it on the call and every later view of it', async () => {
    hub.update(tracked('answered'));
    await outcomes.note(
      request({ outcome: 'rescheduled', note: '  В субботу  ', orderCode: '7002' }),
    );
    const saved = {
      code: 'rescheduled',
      label: 'Доставка перенесена',
      note: 'В субботу',
      order: { code: '7002', number: 'RM-7002' },
      at: T0 + 5_000,
    };
    expect(kept).toEqual([saved]);
    expect(pushes.at(-1)?.outcome).toEqual(saved);
    hub.update(tracked('ended'));
    expect(pushes.at(-1)).toMatchObject({ state: 'ended', outcome: saved });
  });

  it('ties the call to its only order when the operator picks none', async () => {
    identity = { ...TWO_ORDERS, deliveries: TWO_ORDERS.deliveries.slice(0, 1) };
    hub.update(tracked('ringing'));
    await outcomes.note(request({ note: 'Спросил про курьера' }));
    expect(kept[0]).toEqual({
      note: 'Спросил про курьера',
      order: { code: '7001', number: 'RM-7001' },
      at: T0 + 5_000,
    });
  });

  it('leaves several orders all tied when none is picked', async () => {
    hub.update(tracked('answered'));
    await outcomes.note(request({ outcome: 'rescheduled' }));
    expect(kept[0]).not.toHaveProperty('order');
  });

  it('takes an outcome after the end until the configured time has passed', async () => {
    hub.update(tracked('ended'));
    now = T0 + 9_000 + 300_000;
    await outcomes.note(request({ outcome: 'rescheduled' }));
    expect(hub.recentCalls()[0]?.outcome?.code).toBe('rescheduled');
    now += 1;
    expect(await refusal({ outcome: 'rescheduled' })).toMatchObject({
      code: 'expired',
      message: 'The time to note this call has passed.',
    });
  });

  it("refuses what is not the operator's to note", async () => {
    hub.update(tracked('answered'));
    expect((await refusal({ extension: '102' })).code).toBe('not-allowed');
    expect((await refusal({ callId: 'other' })).code).toBe('not-found');
    expect((await refusal({ outcome: 'free-text' })).message).toBe(
      'The outcome "free-text" is not configured.',
    );
    expect((await refusal({ orderCode: '9999' })).message).toBe(
      'This order was not shown for this call.',
    );
    hub.update(tracked('ended', { result: 'answered-elsewhere', answeredBy: '102' }));
    expect((await refusal({ note: 'x' })).message).toBe('This call was answered on another phone.');
    expect(kept).toEqual([]);
  });

  it('shows nothing when the outcome could not be kept', async () => {
    hub.update(tracked('answered'));
    const failing = new CallOutcomes({
      hub,
      settings: SETTINGS,
      extensions: () => ['101'],
      keeper: { noted: () => Promise.reject(new Error('ENOSPC: no space left on device')) },
    });
    const before = pushes.length;
    await expect(failing.note(request({ outcome: 'rescheduled' }))).rejects.toThrow(/ENOSPC/);
    expect(pushes).toHaveLength(before);
  });

  it('gives an outcome noted before a restart to the call when it shows up again', () => {
    hub.setOutcome({ callId: '1700000000.1', extension: '101' }, { note: 'Раньше', at: T0 });
    expect(pushes).toEqual([]);
    hub.update(tracked('answered'));
    expect(pushes.at(-1)?.outcome).toEqual({ note: 'Раньше', at: T0 });
  });
});

describe('create links on the card', () => {
  it('offers them for a caller the database answered for and does not know', async () => {
    const controller = new AbortController();
    const pushes: CallView[] = [];
    let identity: Identity = { clients: [], couriers: [], deliveries: [] };
    const hub = new CallHub({
      resolver: { lookup: async () => ({ state: 'done', identity }) },
      createLinks: (remote) => [
        { label: 'Новый клиент', url: `https://cab.test/new?phone=${remote.dbKey ?? ''}` },
      ],
    });
    hub.subscribe((message) => {
      if (message.type === 'call') pushes.push(message.call);
    }, controller.signal);
    hub.update(tracked('ringing'));
    expect(pushes.at(-1)).toMatchObject({ lookup: 'pending' });
    expect(pushes.at(-1)).not.toHaveProperty('createLinks');
    await new Promise((resolve) => setImmediate(resolve));
    expect(pushes.at(-1)?.createLinks).toEqual([
      { label: 'Новый клиент', url: `https://cab.test/new?phone=${CALLER}` },
    ]);
    hub.update(tracked('ended'));
    expect(pushes.at(-1)?.createLinks).toHaveLength(1);

    identity = TWO_ORDERS;
    hub.update(tracked('ringing', { callId: 'known' }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pushes.at(-1)).toMatchObject({ callId: 'known', lookup: 'done' });
    expect(pushes.at(-1)).not.toHaveProperty('createLinks');
    controller.abort();
  });
});
