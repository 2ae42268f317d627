import { connectAmi } from './ami';
import { PHONES } from '../../harness/pbx-plan';

const PHONE_CHANNEL = new RegExp(`^PJSIP/(${PHONES.join('|')}|farend|trunk)-`);

async function phoneChannels(ami: Awaited<ReturnType<typeof connectAmi>>): Promise<string[]> {
  const { events } = await ami.listAction({ Action: 'CoreShowChannels' });
  return events.map((e) => e.Channel ?? '').filter((name) => PHONE_CHANNEL.test(name));
}

/**
 * Makes the PBX let go of every call a test left behind. A sipp process
 * stopped mid-call sends no BYE, so Asterisk would hold that channel until its
 * timers expire — and a queue with `ringinuse = no` would skip the phone in
 * the next test. Waits briefly for calls to end by themselves, then hangs the
 * rest up with the admin account.
 */
export async function releasePhoneChannels(timeoutMs = 15_000): Promise<void> {
  const ami = await connectAmi('admin');
  try {
    const deadline = Date.now() + timeoutMs;
    let hungUp = false;
    for (;;) {
      const left = await phoneChannels(ami);
      if (left.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(`the PBX still holds ${left.join(', ')} after ${timeoutMs} ms`);
      }
      if (!hungUp && Date.now() > deadline - timeoutMs + 1_000) {
        for (const channel of left) {
          await ami.action({ Action: 'Hangup', Channel: channel }).catch(() => undefined);
        }
        hungUp = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await ami.close();
  }
}
