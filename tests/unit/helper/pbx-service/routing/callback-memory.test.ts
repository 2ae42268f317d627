import { describe, expect, it } from 'vitest';
import { CallbackMemory } from '../../../../../helper/pbx-service/routing/callback-memory';

const CALLBACK = {
  courierMobile: '+79031112233',
  parcel: { orderCode: '1', addressCode: '1', courierCode: '1' },
};

describe('CallbackMemory', () => {
  it('forgets a callback after its time and the oldest beyond its size', () => {
    let now = 0;
    const memory = new CallbackMemory({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    memory.remember('79160000001', CALLBACK);
    memory.remember('79160000002', CALLBACK);
    memory.remember('79160000003', CALLBACK);
    expect(memory.recall('79160000001')).toBeUndefined();
    expect(memory.recall('79160000003')).toMatchObject({ courierMobile: '+79031112233', at: 0 });
    now = 1_001;
    expect(memory.recall('79160000003')).toBeUndefined();
  });

  it('remembers nothing when turned off', () => {
    const memory = new CallbackMemory({ ttlMs: 0, maxEntries: 10 });
    memory.remember('79160000001', CALLBACK);
    expect(memory.recall('79160000001')).toBeUndefined();
  });
});
