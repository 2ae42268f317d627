import { describe, expect, it } from 'vitest';
import { decideRoute } from '../../../../../helper/pbx-service/routing/decide-route';
import type {
  HeldParcel,
  RoutingFacts,
} from '../../../../../helper/pbx-service/routing/routing-facts';

const NOTHING: RoutingFacts = {
  courier: undefined,
  contactPerson: undefined,
  client: undefined,
  parcels: [],
};

const parcel = (overrides: Partial<HeldParcel>): HeldParcel => ({
  addressCode: '1',
  orderCode: '1',
  courierCode: '1',
  courierMobile: '+79031112233',
  handedAt: '2025-11-24 08:10:00',
  ...overrides,
});

describe('decideRoute', () => {
  it('sends a recipient to the latest holder, the other holders as the fallback', () => {
    const decision = decideRoute({
      ...NOTHING,
      parcels: [
        parcel({
          addressCode: '2',
          orderCode: '2',
          courierCode: '2',
          courierMobile: '+79032223344',
        }),
        parcel({}),
        parcel({
          addressCode: '5',
          orderCode: '5',
          courierCode: '2',
          courierMobile: '+79032223344',
        }),
      ],
    });
    expect(decision).toEqual({
      kind: 'courier',
      reason: 'parcel-holder',
      target: '+79032223344',
      fallback: ['+79031112233'],
      parcel: { orderCode: '2', addressCode: '2', courierCode: '2' },
    });
  });

  it('skips holders without a mobile', () => {
    const decision = decideRoute({
      ...NOTHING,
      parcels: [parcel({ courierCode: '7', courierMobile: undefined }), parcel({})],
    });
    expect(decision).toMatchObject({ kind: 'courier', target: '+79031112233', fallback: [] });
    expect(decideRoute({ ...NOTHING, parcels: [parcel({ courierMobile: undefined })] })).toEqual({
      kind: 'operators',
      reason: 'nothing-in-work',
    });
  });

  it('sends a courier to his manager, a contact person and a client to the account manager', () => {
    expect(
      decideRoute({ ...NOTHING, courier: { code: '1', managerExtensions: ['101', '102'] } }),
    ).toEqual({
      kind: 'manager',
      reason: 'courier-manager',
      extensions: ['101', '102'],
    });
    expect(
      decideRoute({ ...NOTHING, contactPerson: { code: '1', managerExtensions: ['103'] } }),
    ).toEqual({
      kind: 'account-manager',
      reason: 'contact-manager',
      extensions: ['103'],
    });
    expect(decideRoute({ ...NOTHING, client: { code: '1', managerExtensions: ['103'] } })).toEqual({
      kind: 'account-manager',
      reason: 'client-manager',
      extensions: ['103'],
    });
  });

  it('puts staff and clients before parcels', () => {
    const decision = decideRoute({
      ...NOTHING,
      courier: { code: '1', managerExtensions: ['101'] },
      parcels: [parcel({})],
    });
    expect(decision.kind).toBe('manager');
  });

  it('sends unknown callers, and known ones with nobody to ring, to the operators', () => {
    expect(decideRoute(NOTHING)).toEqual({ kind: 'operators', reason: 'unknown-caller' });
    expect(decideRoute({ ...NOTHING, client: { code: '2', managerExtensions: [] } })).toEqual({
      kind: 'operators',
      reason: 'nothing-in-work',
    });
  });
});
