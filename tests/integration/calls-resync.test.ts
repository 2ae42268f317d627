import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AmiClient } from '../../helper/ami/client';
import { createTcpTransport } from '../../helper/ami/tcp-transport';
import type { AmiConnection, AmiTransport } from '../../helper/ami/transport';
import { CallTracker } from '../../helper/workstation/calls/tracker';
import type { CallUpdate } from '../../helper/workstation/calls/types';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';

const CALLER = FIXTURE_NUMBERS.recipient;
const WAIT = { timeout: 30_000, interval: 100 };

/**
 * The real TCP transport with a switch: drop() cuts the current AMI connection as a
 * network fault would, and while held, reconnect attempts wait until release().
 */
class SwitchableTransport implements AmiTransport {
  readonly #tcp = createTcpTransport();
  #current: AmiConnection | undefined;
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => undefined;
  connects = 0;

  async connect(...args: Parameters<AmiTransport['connect']>): Promise<AmiConnection> {
    this.connects += 1;
    await this.#gate;
    this.#current = await this.#tcp.connect(...args);
    return this.#current;
  }

  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }

  release(): void {
    this.#open();
  }

  drop(): void {
    this.#current?.destroy();
  }
}

let controller: AbortController;
let transport: SwitchableTransport;
const updates: CallUpdate[] = [];
const resyncs: number[] = [];

beforeAll(async () => {
  const { asterisk } = harnessInfo();
  controller = new AbortController();
  transport = new SwitchableTransport();
  const ami = new AmiClient({
    host: asterisk.amiHost,
    port: asterisk.amiPort,
    ...asterisk.accounts.helper,
    transport,
    reconnect: { initialDelayMs: 100, maxDelayMs: 500, jitter: 'none' },
    signal: controller.signal,
  });
  const tracker = new CallTracker({ extensions: ['101'] });
  ami.on('event', (frame) => updates.push(...tracker.handle(frame)), { signal: controller.signal });
  ami.on(
    'ready',
    ({ reconnected }) => {
      if (!reconnected) return;
      void ami.coreShowChannels().then((snapshots) => {
        updates.push(...tracker.resync(snapshots));
        resyncs.push(snapshots.length);
      });
    },
    { signal: controller.signal },
  );
  await ami.start();
});

afterEach(stopSipp);

afterAll(() => controller?.abort());

/** Cuts AMI and keeps it down until the returned function is called. */
async function outage(): Promise<() => Promise<void>> {
  const attempts = transport.connects;
  const done = resyncs.length;
  transport.hold();
  transport.drop();
  await vi.waitFor(() => expect(transport.connects).toBeGreaterThan(attempts), WAIT);
  return async () => {
    transport.release();
    await vi.waitFor(() => expect(resyncs.length).toBeGreaterThan(done), WAIT);
  };
}

function ofCall(mark: number): CallUpdate[] {
  const fresh = updates.slice(mark);
  const first = fresh[0];
  return first === undefined ? [] : fresh.filter((u) => u.view.callId === first.view.callId);
}

describe('calls across an AMI outage', () => {
  it('a call that begins while AMI is down and still rings after reconnect gets its card and its end', async () => {
    const mark = updates.length;
    const phone = await startPhone('101', 'answer', { answerAfterMs: 4_000 });
    const restore = await outage();
    const call = await placeInboundCall({ from: CALLER, did: DIDS.direct, hangupAfterMs: 1_500 });
    await phone.waitForInvite({ since: 0, timeoutMs: 10_000 });
    expect(updates.length).toBe(mark);

    await restore();
    await vi.waitFor(() => expect(ofCall(mark).map((u) => u.change)).toEqual(['ringing']), WAIT);
    expect(ofCall(mark)[0]!.view).toMatchObject({
      extension: '101',
      direction: 'in',
      remote: { e164: `+${CALLER}`, dbKey: CALLER },
    });

    await call.done;
    await vi.waitFor(
      () => expect(ofCall(mark).map((u) => u.change)).toEqual(['ringing', 'answered', 'ended']),
      WAIT,
    );
    expect(ofCall(mark)[2]!.record).toMatchObject({ result: 'answered', missed: false });
  });

  it('a ringing call that ends during the outage is ended by the resync', async () => {
    const mark = updates.length;
    const phone = await startPhone('101', 'ring');
    const call = await placeInboundCall({ from: CALLER, did: DIDS.direct, ringTimeoutMs: 3_000 });
    await phone.waitForInvite({ since: 0, timeoutMs: 10_000 });
    await vi.waitFor(() => expect(ofCall(mark).map((u) => u.change)).toEqual(['ringing']), WAIT);

    const restore = await outage();
    await call.done;
    await restore();
    await vi.waitFor(
      () => expect(ofCall(mark).map((u) => u.change)).toEqual(['ringing', 'ended']),
      WAIT,
    );
    expect(ofCall(mark)[1]!.record).toMatchObject({ result: 'no-answer', missed: true });
  });
});
