import { afterEach, describe, expect, it } from 'vitest';
import {
  startFixture,
  type ServerFixture,
} from '../../../../support/helper/workstation/ws/server-fixture';

let fixture: ServerFixture;

afterEach(async () => {
  await fixture.dispose();
});

describe('heartbeat', () => {
  it('terminates a peer that stops answering pings and keeps one that answers', async () => {
    fixture = await startFixture({ heartbeatIntervalMs: 50 });
    const healthy = await fixture.pairedClient();
    const silent = await fixture.pairedClient({ autoPong: false });
    let pings = 0;
    healthy.socket.on('ping', () => pings++);

    const { code } = await silent.closed;
    expect(code).toBe(1006);
    await expect.poll(() => fixture.api.subscriberCount()).toBe(1);
    expect(fixture.logger.has('peer stopped answering pings; terminating its connection')).toBe(
      true,
    );

    await expect.poll(() => pings, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    expect(healthy.socket.readyState).toBe(healthy.socket.OPEN);
    expect(fixture.server.connections()).toBe(1);
  });
});
