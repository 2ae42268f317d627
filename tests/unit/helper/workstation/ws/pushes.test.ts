import { afterEach, describe, expect, it } from 'vitest';
import {
  SAMPLE_CALL,
  SAMPLE_STATUS,
} from '../../../../support/helper/workstation/ws/fake-helper-api';
import {
  startFixture,
  type ServerFixture,
} from '../../../../support/helper/workstation/ws/server-fixture';
import { connect } from '../../../../support/helper/workstation/ws/ws-test-client';

let fixture: ServerFixture;

afterEach(async () => {
  await fixture.dispose();
});

describe('pushes', () => {
  it('reach every paired connection, not unpaired ones, and stop after close', async () => {
    fixture = await startFixture();
    const first = await fixture.pairedClient();
    const second = await fixture.pairedClient();
    const unpaired = await connect(fixture.server.port);
    expect(fixture.api.subscriberCount()).toBe(2);

    fixture.api.push({ type: 'call', call: SAMPLE_CALL });
    fixture.api.push({ type: 'missed', count: 3 });
    fixture.api.push({ type: 'status', status: { ...SAMPLE_STATUS, missedCount: 3 } });
    for (const client of [first, second]) {
      expect(await client.next('call')).toEqual({ type: 'call', call: SAMPLE_CALL });
      expect(await client.next('missed')).toEqual({ type: 'missed', count: 3 });
      expect((await client.next('status')).status.missedCount).toBe(3);
    }
    expect(unpaired.received).toEqual([]);

    await first.close();
    await expect.poll(() => fixture.api.subscriberCount()).toBe(1);
    fixture.api.push({ type: 'missed', count: 4 });
    expect((await second.next('missed')).count).toBe(4);
    expect(first.received).toEqual([]);
    await unpaired.close();
  });
});
