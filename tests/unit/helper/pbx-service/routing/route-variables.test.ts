import { describe, expect, it } from 'vitest';
import { encodeSetVariable } from '../../../../../helper/pbx-service/agi/encode-command';
import { AgiValueError } from '../../../../../helper/pbx-service/agi/errors';
import type { RouteDecision } from '../../../../../helper/pbx-service/routing/route-decision';
import { routeVariables } from '../../../../../helper/pbx-service/routing/route-variables';

const DECISIONS: RouteDecision[] = [
  {
    kind: 'courier',
    reason: 'parcel-holder',
    target: '+79032223344',
    fallback: ['+79031112233', '+77011234567'],
    parcel: { orderCode: '2', addressCode: '2', courierCode: '2' },
  },
  { kind: 'manager', reason: 'courier-manager', extensions: ['101', '102'] },
  { kind: 'account-manager', reason: 'client-manager', extensions: ['103'] },
  { kind: 'operators', reason: 'timeout' },
];

const WIRE = /^SET VARIABLE CT_[A-Z_]+ "[0-9a-z+&-]*"\n$/;

describe('routeVariables', () => {
  it('sends the kind, the reason and what is not empty: numbers, codes and kinds only', () => {
    const sent = DECISIONS.map((decision) =>
      routeVariables(decision).map(([name, value]) => encodeSetVariable(name, value)),
    );
    expect(sent.map((lines) => lines.map((line) => line.split(' ')[2]))).toEqual([
      [
        'CT_ROUTE_KIND',
        'CT_ROUTE_REASON',
        'CT_ROUTE_TARGETS',
        'CT_ROUTE_FALLBACK',
        'CT_ORDER',
        'CT_DELIVERY',
        'CT_COURIER',
      ],
      ['CT_ROUTE_KIND', 'CT_ROUTE_REASON', 'CT_ROUTE_TARGETS'],
      ['CT_ROUTE_KIND', 'CT_ROUTE_REASON', 'CT_ROUTE_TARGETS'],
      ['CT_ROUTE_KIND', 'CT_ROUTE_REASON'],
    ]);
    for (const line of sent.flat()) expect(line).toMatch(WIRE);
  });

  it('writes the courier route as the dialplan reads it', () => {
    expect(Object.fromEntries(routeVariables(DECISIONS[0] as RouteDecision))).toEqual({
      CT_ROUTE_KIND: 'courier',
      CT_ROUTE_REASON: 'parcel-holder',
      CT_ROUTE_TARGETS: '+79032223344',
      CT_ROUTE_FALLBACK: '+79031112233&+77011234567',
      CT_ORDER: '2',
      CT_DELIVERY: '2',
      CT_COURIER: '2',
    });
    expect(Object.fromEntries(routeVariables(DECISIONS[3] as RouteDecision))).toEqual({
      CT_ROUTE_KIND: 'operators',
      CT_ROUTE_REASON: 'timeout',
    });
  });

  it('refuses a decision carrying anything but numbers', () => {
    expect(() =>
      routeVariables({ kind: 'manager', reason: 'courier-manager', extensions: ['Петров'] }),
    ).toThrow(AgiValueError);
    expect(() =>
      routeVariables({
        kind: 'courier',
        reason: 'parcel-holder',
        target: '+79032223344',
        fallback: [],
        parcel: { orderCode: 'RM-000102', addressCode: '2', courierCode: '2' },
      }),
    ).toThrow(AgiValueError);
  });
});
