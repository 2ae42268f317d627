import { EMPTY_IDENTITY, type CallView, type Identity } from '../../../../shared/protocol';
import type { JournalEntry } from '../../../../helper/journal/entry';

export const T0 = Date.UTC(2025, 2, 14, 9, 30, 0);

/** A recipient with two parcels held by two couriers, as the card shows them. */
export const RECIPIENT: Identity = {
  clients: [],
  couriers: [],
  deliveries: [
    {
      addressCode: '5001',
      orderCode: '7001',
      courier: { code: '31', name: 'Иванов Пётр', mobile: '+79031112233' },
    },
    {
      addressCode: '5002',
      orderCode: '7002',
      courier: { code: '32', name: 'Сидоров Олег', mobile: '+79034445566' },
    },
  ],
};

export const CLIENT: Identity = {
  clients: [
    {
      code: '12',
      company: 'ООО «Ромашка»',
      manager: { user: 'manager1', name: 'Анна', extensions: ['103'] },
      contact: { code: '44', name: 'Мария' },
    },
  ],
  couriers: [],
  deliveries: [],
};

export function endedView(overrides: Partial<CallView> = {}): CallView {
  return {
    callId: '1741944600.17',
    extension: '101',
    direction: 'in',
    state: 'ended',
    remote: { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' },
    origin: 'pbx',
    identity: RECIPIENT,
    lookup: 'done',
    startedAt: T0,
    answeredAt: T0 + 4_000,
    endedAt: T0 + 64_000,
    talkSeconds: 60,
    result: 'answered',
    answeredBy: '101',
    missed: false,
    ...overrides,
  };
}

export function activeView(overrides: Partial<CallView> = {}): CallView {
  const {
    endedAt: _endedAt,
    talkSeconds: _talk,
    result: _result,
    missed: _missed,
    ...rest
  } = endedView();
  return { ...rest, state: 'answered', ...overrides };
}

export function entry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    callId: '1741944600.17',
    extension: '101',
    direction: 'in',
    origin: 'pbx',
    remote: { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' },
    orders: [],
    startedAt: T0,
    answeredAt: T0 + 4_000,
    endedAt: T0 + 64_000,
    talkSeconds: 60,
    result: 'answered',
    missed: false,
    recovered: false,
    ...overrides,
  };
}

export const NO_IDENTITY = EMPTY_IDENTITY;
