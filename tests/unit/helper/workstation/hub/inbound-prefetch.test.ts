import { describe, expect, it } from 'vitest';
import { createInboundPrefetch } from '../../../../../helper/workstation/hub/inbound-prefetch';
import { ev, type Chan } from '../../../../support/helper/workstation/calls/frames';

function prefetched(frames: Parameters<ReturnType<typeof createInboundPrefetch>>[0][]): string[] {
  const keys: string[] = [];
  const observe = createInboundPrefetch({
    extensions: ['101', '102'],
    defaultCountry: 'RU',
    prefetch: (dbKey) => keys.push(dbKey),
  });
  for (const frame of frames) observe(frame);
  return keys;
}

const trunk = (cid: string, uid = '1700000000.1'): Chan => ({
  name: 'PJSIP/trunk-00000001',
  uid,
  lid: '1700000000.1',
  state: 4,
  cid,
});

describe('createInboundPrefetch', () => {
  it('looks up the caller of a call that comes in from outside, in the database form', () => {
    expect(prefetched([ev.newchannel(trunk('89161234567'))])).toEqual(['79161234567']);
    expect(prefetched([ev.newchannel(trunk('+7 (916) 123-45-67'))])).toEqual(['79161234567']);
  });

  it("leaves calls the operator's own phones start alone", () => {
    const phone: Chan = {
      name: 'PJSIP/101-00000002',
      uid: 'a.1',
      lid: 'a.1',
      state: 4,
      cid: '101',
    };
    const withExternalId: Chan = { ...phone, cid: '74951234500' };
    expect(prefetched([ev.newchannel(phone), ev.newchannel(withExternalId)])).toEqual([]);
  });

  it("looks only at a call's first channel, and only at device channels", () => {
    const secondLeg = trunk('79161234567', '1700000000.2');
    const local: Chan = { ...trunk('79161234567'), name: 'Local/101@from-queue-00000001;1' };
    expect(prefetched([ev.newchannel(secondLeg), ev.newchannel(local)])).toEqual([]);
  });

  it('skips internal numbers, hidden caller IDs and other events', () => {
    const colleague: Chan = { ...trunk('103'), name: 'PJSIP/103-00000003' };
    const hidden: Chan = { ...trunk(''), name: 'PJSIP/trunk-00000004' };
    expect(
      prefetched([
        ev.newchannel(colleague),
        ev.newchannel(hidden),
        ev.newstate(trunk('79161234567'), 5),
        ev.dialBegin(trunk('79161234567'), {
          name: 'PJSIP/101-00000005',
          uid: '1700000000.5',
          lid: '1700000000.1',
        }),
      ]),
    ).toEqual([]);
  });
});
