import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QueueMembership, ServerMessageOf } from '../../shared/protocol';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import type { RawAmiClient } from '../../harness/raw-ami';
import { connectAmi } from '../support/ami';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { MEMBER_101, pbxPaused, queueCallRings } from '../support/queue-member';
import { stopSipp } from '../support/sip-peers';

let admin: RawAmiClient;
let helper: RealHelper | undefined;

beforeAll(async () => {
  admin = await connectAmi('admin');
});

afterEach(stopSipp);

afterAll(async () => {
  await helper?.stop();
  await admin.action({ Action: 'QueuePause', Interface: MEMBER_101, Paused: 'false' });
  await admin.close();
});

function queuesOf(client: ExtensionClient): QueueMembership[] | undefined {
  return client.latestStatus()?.queues;
}

function allPaused(queues: QueueMembership[] | undefined): boolean {
  return queues !== undefined && queues.length > 0 && queues.every((q) => q.paused);
}

async function connected(
  amiAccount: 'helper' | 'seat' = 'helper',
): Promise<{ helper: RealHelper; client: ExtensionClient }> {
  const started = await startRealHelper({ extensions: ['101'], amiAccount });
  const client = await started.connect();
  await client.waitForStatus((status) => status.queues !== undefined);
  return { helper: started, client };
}

describe('queue presence', () => {
  it("shows the operator's queues as the PBX has them, all taking calls", async () => {
    const { helper: started, client } = await connected();
    helper = started;
    expect(queuesOf(client)).toEqual([
      { queue: 'operators', extension: '101', paused: false },
      { queue: 'operators-retry', extension: '101', paused: false },
    ]);
  });

  it('pauses in every queue with one request: the PBX stops ringing 101 until it resumes', async () => {
    const client = await helper!.connect();
    const id = client.nextId();
    const acked = client.waitForNext(
      (m): m is ServerMessageOf<'ack'> => m.type === 'ack' && m.id === id,
    );
    client.send({ type: 'queue.pause', id, paused: true, reason: 'Обед' });
    await acked;
    await client.waitForStatus((status) => allPaused(status.queues), 5_000);
    expect(queuesOf(client)?.map((q) => [q.queue, q.reason])).toEqual([
      ['operators', 'Обед'],
      ['operators-retry', 'Обед'],
    ]);
    expect(await pbxPaused(admin)).toEqual({ operators: '1', 'operators-retry': '1' });
    expect(await queueCallRings()).toEqual({ rang101: false, rang102: true });

    const resumeId = client.nextId();
    client.send({ type: 'queue.pause', id: resumeId, paused: false });
    await client.waitForStatus((status) => status.queues?.every((q) => !q.paused) === true, 5_000);
    expect(await pbxPaused(admin)).toEqual({ operators: '0', 'operators-retry': '0' });
    expect(await queueCallRings()).toEqual({ rang101: true, rang102: true });
  });

  it('shows a pause made over AMI by another account within a second', async () => {
    const client = await helper!.connect();
    const shown = client.waitForNext(
      (m): m is ServerMessageOf<'status'> =>
        m.type === 'status' && (m.status.queues ?? []).some((q) => q.reason === 'Совещание'),
      10_000,
    );
    const asked = Date.now();
    await admin.action({
      Action: 'QueuePause',
      Interface: MEMBER_101,
      Queue: 'operators',
      Paused: 'true',
      Reason: 'Совещание',
    });
    const status = (await shown).status;
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(status.queues).toEqual([
      expect.objectContaining({ queue: 'operators', paused: true, reason: 'Совещание' }),
      expect.objectContaining({ queue: 'operators-retry', paused: false }),
    ]);
  });

  it('reads the pause back from the PBX after a restart, remembering nothing itself', async () => {
    await helper!.stop();
    helper = undefined;
    const { helper: restarted, client } = await connected();
    helper = restarted;
    expect(queuesOf(client)).toEqual([
      expect.objectContaining({ queue: 'operators', paused: true, reason: 'Совещание' }),
      { queue: 'operators-retry', extension: '101', paused: false },
    ]);
  });

  it("works on the seat's own filtered account: the member events of its phone pass", async () => {
    await helper?.stop();
    helper = undefined;
    const { helper: seat, client } = await connected('seat');
    helper = seat;
    expect(queuesOf(client)?.map((q) => [q.queue, q.paused])).toEqual([
      ['operators', true],
      ['operators-retry', false],
    ]);
    const shown = client.waitForNext(
      (m): m is ServerMessageOf<'status'> =>
        m.type === 'status' && (m.status.queues ?? []).some((q) => q.reason === 'Планёрка'),
      10_000,
    );
    await admin.action({
      Action: 'QueuePause',
      Interface: MEMBER_101,
      Queue: 'operators-retry',
      Paused: 'true',
      Reason: 'Планёрка',
    });
    expect((await shown).status.queues?.map((q) => [q.queue, q.paused])).toEqual([
      ['operators', true],
      ['operators-retry', true],
    ]);
  });
});
