import { DIDS } from '../../harness/pbx-plan';
import type { RawAmiClient } from '../../harness/raw-ami';
import { FIXTURE_NUMBERS } from './fixtures';
import { placeInboundCall, startPhone } from './sip-peers';

/** Operator 101's member interface in both test queues (queues.conf). */
export const MEMBER_101 = 'Local/101@from-queue/n';

/** 101's pause in each queue as the PBX lists it (in no fixed order): queue → "0" or "1". */
export async function pbxPaused(admin: RawAmiClient): Promise<Record<string, string>> {
  const { events } = await admin.listAction({ Action: 'QueueStatus', Member: MEMBER_101 });
  return Object.fromEntries(
    events.filter((e) => e.Event === 'QueueMember').map((e) => [e.Queue, e.Paused]),
  );
}

/** Rings the queue once and says which phones were offered the call, then ends it. */
export async function queueCallRings(): Promise<{ rang101: boolean; rang102: boolean }> {
  const phone101 = await startPhone('101', 'ring');
  const phone102 = await startPhone('102', 'ring');
  const call = await placeInboundCall({
    from: FIXTURE_NUMBERS.recipient,
    did: DIDS.queue,
    ringTimeoutMs: 30_000,
  });
  // ringall offers the call to every member that takes calls at once; 102 always does.
  await phone102.waitForInvite({ since: 0 });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const rang101 = phone101.invites().length > 0;
  await call.hangup();
  return { rang101, rang102: phone102.invites().length > 0 };
}
