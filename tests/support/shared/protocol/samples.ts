import type {
  CallView,
  ClientMessage,
  HelperStatus,
  ServerMessage,
} from '../../../../shared/protocol';
import { PROTOCOL_VERSION } from '../../../../shared/protocol';

export const status: HelperStatus = {
  helperVersion: '0.1.0',
  pbx: { state: 'connected', since: 1_700_000_000_000 },
  database: { state: 'down', reason: 'connect ECONNREFUSED 127.0.0.1:3306' },
  operator: { extensions: ['101', '102'], user: 'operator1' },
  demo: false,
  missedCount: 2,
  outcomes: {
    choices: [
      { code: 'rescheduled', label: 'Доставка перенесена', en: 'Delivery rescheduled' },
      { code: 'callback', label: 'Перезвонить' },
    ],
    afterCallMs: 300_000,
  },
};

export const call: CallView = {
  callId: '1700000000.12',
  extension: '101',
  direction: 'in',
  state: 'ringing',
  remote: { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' },
  origin: 'pbx',
  identity: {
    clients: [
      {
        code: '17',
        company: 'ООО «Ромашка»',
        status: 'VIP',
        manager: { user: 'ivanova', extensions: ['103'] },
        contact: { code: '5', name: 'Петров Пётр', position: 'Логист' },
        url: 'https://cabinet.example/clients/17',
      },
    ],
    couriers: [
      {
        code: '9',
        name: 'Сидоров С.',
        mobile: '+79031112233',
        manager: { user: 'boss', extensions: ['101', '102'] },
      },
    ],
    deliveries: [
      {
        addressCode: '1001',
        orderCode: '501',
        orderNumber: 'ЗК-000501',
        status: 'На доставке',
        recipientName: 'Иванов Иван',
        address: 'Москва, ул. Ленина, 1',
        date: '2026-11-26',
        interval: '10:00–14:00',
        cod: 1500.5,
        client: { code: '17', company: 'ООО «Ромашка»' },
        courier: { code: '9', name: 'Сидоров С.', mobile: '+79031112233' },
        url: 'https://cabinet.example/orders/501',
      },
    ],
  },
  lookup: 'done',
  startedAt: 1_700_000_000_000,
  answeredAt: 1_700_000_005_000,
  endedAt: 1_700_000_065_000,
  talkSeconds: 60,
  result: 'answered',
  answeredBy: '101',
  recordingUrl: 'https://pbx.example/rec/1700000000.12.wav',
  missed: false,
  transfer: {
    target: 'courier',
    mode: 'attended',
    to: '+79031112233',
    ok: true,
    at: 1_700_000_030_000,
  },
  outcome: {
    code: 'rescheduled',
    label: 'Доставка перенесена',
    note: 'Просит привезти в субботу.\nДомофон не работает.',
    order: { code: '501', number: 'ЗК-000501' },
    at: 1_700_000_070_000,
  },
};

/** A caller the database does not know, offered the cabinet's "create" pages. */
export const unknownCall: CallView = {
  ...call,
  callId: '1700000000.14',
  identity: { clients: [], couriers: [], deliveries: [] },
  createLinks: [
    {
      label: 'Новый заказ',
      en: 'New order',
      url: 'https://cabinet.example/orders/new?phone=79161234567',
    },
  ],
};

const client = { name: 'courier-telephony', version: '0.1.0', browser: 'chrome' };

/** One valid sample of every message type, each way. */
export const clientSamples: Record<ClientMessage['type'], ClientMessage> = {
  hello: { type: 'hello', v: PROTOCOL_VERSION, token: 'a'.repeat(43), client },
  pair: { type: 'pair', v: PROTOCOL_VERSION, code: '482913', client },
  'pair.managed': {
    type: 'pair.managed',
    v: PROTOCOL_VERSION,
    issuedAt: 1_700_000_000_000,
    nonce: '0123456789abcdef0123456789abcdef',
    proof: 'ab'.repeat(32),
    client,
  },
  dial: { type: 'dial', id: 'r1', number: '8 (916) 123-45-67', source: 'link' },
  'journal.query': {
    type: 'journal.query',
    id: 'r2',
    limit: 50,
    cursor: { startedAt: 1_700_000_000_000, callId: '1700000000.12', extension: '101' },
    from: 1_699_900_000_000,
    to: 1_700_100_000_000,
    missedOnly: true,
    search: '916 123',
  },
  'missed.ack': { type: 'missed.ack', id: 'r3', callIds: ['1700000000.12'] },
  'calls.query': { type: 'calls.query', id: 'r9', callIds: ['1700000000.12', '1700000000.40'] },
  'call.hangup': { type: 'call.hangup', id: 'r6', callId: '1700000000.12', extension: '101' },
  'call.transfer': {
    type: 'call.transfer',
    id: 'r4',
    callId: '1700000000.12',
    extension: '101',
    to: '+7 903 111-22-33',
    target: 'courier',
    mode: 'blind',
  },
  'call.transfer.complete': {
    type: 'call.transfer.complete',
    id: 'r7',
    callId: '1700000000.12',
    extension: '101',
  },
  'call.transfer.cancel': {
    type: 'call.transfer.cancel',
    id: 'r8',
    callId: '1700000000.12',
    extension: '101',
  },
  'queue.pause': { type: 'queue.pause', id: 'r9', paused: true, reason: 'Обед' },
  'call.outcome': {
    type: 'call.outcome',
    id: 'r10',
    callId: '1700000000.12',
    extension: '101',
    outcome: 'rescheduled',
    note: 'Просит привезти в субботу.\nДомофон не работает.',
    orderCode: '501',
  },
  ping: { type: 'ping', t: 1 },
  'demo.simulate': { type: 'demo.simulate', id: 'r5', number: '+79161234567', scenario: 'answer' },
};

export const serverSamples: Record<ServerMessage['type'], ServerMessage> = {
  welcome: { type: 'welcome', v: PROTOCOL_VERSION, status, calls: [call] },
  paired: { type: 'paired', v: PROTOCOL_VERSION, token: 'b'.repeat(43), status },
  status: { type: 'status', status },
  'dial.progress': {
    type: 'dial.progress',
    id: 'r1',
    stage: 'ringing-you',
    extension: '101',
    remote: { raw: '8 (916) 123-45-67', e164: '+79161234567', dbKey: '79161234567' },
    callId: '1700000000.13',
  },
  'dial.result': { type: 'dial.result', id: 'r1', ok: false, outcome: 'busy', leg: 'you' },
  call: { type: 'call', call: unknownCall },
  'journal.page': { type: 'journal.page', id: 'r2', entries: [call], hasMore: false },
  'calls.found': { type: 'calls.found', id: 'r9', calls: [call] },
  missed: { type: 'missed', count: 3 },
  'call.control.result': {
    type: 'call.control.result',
    id: 'r4',
    ok: false,
    to: '103',
    reason: 'target-busy',
    message: '103 was busy.',
  },
  ack: { type: 'ack', id: 'r3' },
  pong: { type: 'pong', t: 1 },
  error: { type: 'error', id: 'r1', code: 'invalid-number', message: 'Not a dialable number.' },
};
