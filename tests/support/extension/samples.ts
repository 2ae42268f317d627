import { PROTOCOL_VERSION, type CallView, type HelperStatus } from '../../../shared/protocol';

export const TOKEN = 'tok-0123456789abcdef0123456789';

export function status(overrides: Partial<HelperStatus> = {}): HelperStatus {
  return {
    helperVersion: '0.1.0',
    pbx: { state: 'connected' },
    database: { state: 'connected' },
    operator: { extensions: ['101', '102'] },
    demo: false,
    missedCount: 0,
    ...overrides,
  };
}

export function call(overrides: Partial<CallView> = {}): CallView {
  return {
    callId: 'call-1',
    extension: '101',
    direction: 'in',
    state: 'ringing',
    remote: { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' },
    origin: 'pbx',
    identity: { clients: [], couriers: [], deliveries: [] },
    lookup: 'done',
    startedAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function welcome(overrides: Partial<HelperStatus> = {}, calls: CallView[] = []) {
  return { type: 'welcome', v: PROTOCOL_VERSION, status: status(overrides), calls };
}
