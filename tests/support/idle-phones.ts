import { connectAmi } from './ami';

/**
 * Waits until the PBX holds no channel of the given phones. A queue with
 * `ringinuse = no` skips a phone whose previous call the PBX is still tearing
 * down, so tests that follow each other start from idle phones.
 */
export async function waitForIdlePhones(
  phones: readonly string[],
  timeoutMs = 30_000,
): Promise<void> {
  const ami = await connectAmi('admin');
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { events } = await ami.listAction({ Action: 'CoreShowChannels' });
      const busy = events.filter((e) =>
        phones.some((p) => (e.Channel ?? '').startsWith(`PJSIP/${p}-`)),
      );
      if (busy.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `phones still have channels after ${timeoutMs} ms: ${busy.map((e) => e.Channel).join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await ami.close();
  }
}
