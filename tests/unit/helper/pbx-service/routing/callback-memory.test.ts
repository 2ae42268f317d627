import { describe, expect, it } from 'vitest';
import { CallbackMemory } from '../../../../../helper/pbx-service/routing/callback-memory';

const CALLBACK = {
  courierMobile: '+79031112233',
  parcel: { orderCode: '1', addressCode: '1', courierCode: '1' },
};

describe('CallbackMemory', () => {
  it('forgets a callback after its time and the oldest beyond its size', async () => {
    let now = 0;
    const memory = new CallbackMemory({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    await memory.remember('79160000001', CALLBACK);
    await memory.remember('79160000002', CALLBACK);
    await memory.remember('79160000003', CALLBACK);
    expect(await memory.recall('79160000001')).toBeUndefined();
    expect(await memory.recall('79160000003')).toEqual(CALLBACK);
    now = 1_001;
    expect(await memory.recall('79160000003')).toBeUndefined();
  });

  it('remembers nothing when turned off', async () => {
    const memory = new CallbackMemory({ ttlMs: 0, maxEntries: 10 });
    await memory.remember('79160000001', CALLBACK);
    expect(await memory.recall('79160000001')).toBeUndefined();
  });
});
