import type { CallView, Identity } from '../../../shared/protocol';

const CABINET = 'https://cabinet.courier.example';
const EMPTY: Identity = { clients: [], couriers: [], deliveries: [] };

/** Calls as the helper sends them, built on the database fixtures' well-known rows. */
export function call(overrides: Partial<CallView> = {}): CallView {
  return {
    callId: 'call-1',
    extension: '101',
    direction: 'in',
    state: 'ringing',
    remote: { raw: '79990000000', e164: '+79990000000', dbKey: '79990000000' },
    origin: 'pbx',
    identity: EMPTY,
    lookup: 'done',
    startedAt: Date.now(),
    ...overrides,
  };
}

export const clientCall = (overrides: Partial<CallView> = {}): CallView =>
  call({
    callId: 'client-call',
    remote: { raw: '79165556677', e164: '+79165556677', dbKey: '79165556677' },
    identity: {
      ...EMPTY,
      clients: [
        {
          code: '1',
          company: 'ООО «Ромашка»',
          status: '1',
          manager: { user: 'manager103', name: 'Волкова Елена Сергеевна', extensions: ['103'] },
          contact: { code: '1', name: 'Орлова Мария Андреевна', position: 'Менеджер по логистике' },
          url: `${CABINET}/clients/1`,
        },
      ],
    },
    ...overrides,
  });

export const courierCall = (overrides: Partial<CallView> = {}): CallView =>
  call({
    callId: 'courier-call',
    remote: { raw: '79031112233', e164: '+79031112233', dbKey: '79031112233' },
    identity: {
      ...EMPTY,
      couriers: [
        {
          code: '1',
          name: 'Петров Сергей Иванович',
          mobile: '+79031112233',
          manager: {
            user: 'operator1',
            name: 'Смирнова Анна Петровна',
            extensions: ['101', '102'],
          },
          url: `${CABINET}/couriers/1`,
        },
      ],
    },
    ...overrides,
  });

export const recipientCall = (overrides: Partial<CallView> = {}): CallView =>
  call({
    callId: 'recipient-call',
    remote: { raw: '89161234567', e164: '+79161234567', dbKey: '79161234567' },
    identity: {
      ...EMPTY,
      deliveries: [
        {
          addressCode: '1',
          orderCode: '1',
          orderNumber: 'RM-000101',
          status: '2',
          recipientName: 'Иванов Иван Иванович',
          address: 'г. Москва, ул. Тверская, д. 7, кв. 12',
          date: '2025-11-24',
          interval: '10:00–14:00',
          cod: 1500,
          currency: 'RUB',
          client: { code: '1', company: 'ООО «Ромашка»' },
          courier: { code: '1', name: 'Петров Сергей Иванович', url: `${CABINET}/couriers/1` },
          url: `${CABINET}/orders/1`,
        },
        {
          addressCode: '2',
          orderCode: '2',
          orderNumber: 'RM-000102',
          recipientName: 'Иванов Иван Иванович',
          date: '2025-11-24',
          interval: '14:00–18:00',
          cod: 0,
          courier: { code: '2', name: 'Сидоров Алексей Викторович' },
          url: `${CABINET}/orders/2`,
        },
      ],
    },
    ...overrides,
  });
