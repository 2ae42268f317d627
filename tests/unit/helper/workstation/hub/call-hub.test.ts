import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EMPTY_IDENTITY,
  type CallView,
  type Identity,
  type TransferState,
} from '../../../../../shared/protocol';
import { CallHub } from '../../../../../helper/workstation/hub/call-hub';
import type { PushMessage } from '../../../../../helper/core/helper-api';
import type { IdentityResolver } from '../../../../../helper/core/identity-resolver';
import type { TrackedCall } from '../../../../../helper/core/tracked-call';

const CALLER = '79161234567';
const IDENTITY: Identity = {
  clients: [{ code: '1001', company: 'ООО Ромашка' }],
  couriers: [],
  deliveries: [],
};
const TRANSFER: TransferState = {
  target: 'manager',
  to: '103',
  ok: true,
  at: 1_700_000_003_000,
  message: 'Transferred to Petrova, 103.',
};

function tracked(state: TrackedCall['state'], extra: Partial<TrackedCall> = {}): TrackedCall {
  return {
    callId: '1700000000.1',
    extension: '101',
    direction: 'in',
    state,
    remote: { raw: CALLER, e164: `+${CALLER}`, dbKey: CALLER },
    origin: 'pbx',
    startedAt: 1_700_000_000_000,
    ...(state === 'answered' || state === 'ended' ? { answeredAt: 1_700_000_001_000 } : {}),
    ...(state === 'ended'
      ? { endedAt: 1_700_000_009_000, talkSeconds: 8, result: 'answered' as const }
      : {}),
    ...extra,
  };
}

/** A resolver whose answer the test releases, so pushes before and after it can be told apart. */
function heldResolver(): IdentityResolver & { release(): Promise<void> } {
  let answer: (() => void) | undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  return {
    lookup: async () => {
      await answered;
      return { state: 'done', identity: IDENTITY };
    },
    release: async () => {
      answer?.();
      await answered;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('CallHub', () => {
  let controller: AbortController;
  let pushes: CallView[];
  let ended: CallView[];
  let urls: Map<string, string>;
  let resolver: ReturnType<typeof heldResolver>;
  let hub: CallHub;

  beforeEach(() => {
    controller = new AbortController();
    pushes = [];
    ended = [];
    urls = new Map();
    resolver = heldResolver();
    hub = new CallHub({
      resolver,
      recordingUrl: (callId) => urls.get(callId),
    });
    hub.subscribeEnded((view) => ended.push(view), controller.signal);
    hub.subscribe((message: PushMessage) => {
      if (message.type === 'call') pushes.push(message.call);
    }, controller.signal);
  });

  afterEach(() => controller.abort());

  describe('findCalls', () => {
    it('answers the call in progress, the ended one with its result, and leaves out the unknown', () => {
      hub.update(tracked('ringing', { callId: 'live' }));
      hub.update(tracked('ringing', { callId: 'gone' }));
      hub.update(
        tracked('ended', {
          callId: 'gone',
          answeredAt: undefined,
          talkSeconds: 0,
          result: 'no-answer',
        }),
      );

      const found = hub.findCalls(['gone', 'live', 'never-heard-of']);

      expect(found.map((c) => [c.callId, c.state, c.result])).toEqual([
        ['live', 'ringing', undefined],
        ['gone', 'ended', 'no-answer'],
      ]);
      expect(found[1]?.missed).toBe(true);
    });

    it('answers one view per call: the newest', () => {
      hub.update(tracked('ended', { callId: 'again', result: 'answered' }));
      hub.update(tracked('ended', { callId: 'again', talkSeconds: 20, result: 'answered' }));

      expect(hub.findCalls(['again'])).toMatchObject([{ callId: 'again', talkSeconds: 20 }]);
    });
  });

  describe('recording links', () => {
    it('puts the recording link on every view once the PBX has named the file', async () => {
      hub.update(tracked('ringing'));
      expect(pushes.at(-1)?.recordingUrl).toBeUndefined();
      expect(pushes.at(-1)).not.toHaveProperty('recordingUrl');
      urls.set('1700000000.1', 'https://pbx.test/recordings/in-1.wav');
      hub.update(tracked('answered'));
      expect(pushes.at(-1)?.recordingUrl).toBe('https://pbx.test/recordings/in-1.wav');
      await resolver.release();
      expect(pushes.at(-1)).toMatchObject({
        lookup: 'done',
        recordingUrl: 'https://pbx.test/recordings/in-1.wav',
      });
      hub.update(tracked('ended'));
      expect(ended[0]?.recordingUrl).toBe('https://pbx.test/recordings/in-1.wav');
      expect(hub.recentCalls()[0]?.recordingUrl).toBe('https://pbx.test/recordings/in-1.wav');
    });

    it('asks only about the call of the view', () => {
      urls.set('other-call', 'https://pbx.test/recordings/other.wav');
      hub.update(tracked('ringing'));
      expect(pushes.at(-1)).not.toHaveProperty('recordingUrl');
    });

    it('works without a recording source', () => {
      const plain = new CallHub({
        resolver: { lookup: async () => ({ state: 'done', identity: EMPTY_IDENTITY }) },
      });
      plain.update(tracked('ringing'));
      expect(plain.activeCalls()[0]).not.toHaveProperty('recordingUrl');
    });
  });

  describe('a call that ends before its lookup answers', () => {
    it('re-sends the ended view with the identity, and journals it only then', async () => {
      hub.update(tracked('ringing'));
      hub.update(tracked('ended', { result: 'busy', answeredAt: undefined, talkSeconds: 0 }));
      expect(pushes.at(-1)).toMatchObject({ state: 'ended', lookup: 'pending' });
      expect(ended).toEqual([]);
      await resolver.release();
      expect(pushes.at(-1)).toMatchObject({ state: 'ended', lookup: 'done', identity: IDENTITY });
      expect(ended).toHaveLength(1);
      expect(ended[0]).toMatchObject({ state: 'ended', lookup: 'done', identity: IDENTITY });
      expect(hub.recentCalls()[0]).toMatchObject({ lookup: 'done', identity: IDENTITY });
    });
  });

  describe('a view that moved to another call (a pickup)', () => {
    it('is pushed and handed to the journal, but neither remembered nor counted as missed', async () => {
      hub.update(
        tracked('dialling', { callId: 'own', direction: 'out', remote: { raw: '**101' } }),
      );
      hub.update(
        tracked('ended', {
          callId: 'own',
          direction: 'out',
          remote: { raw: '**101' },
          answeredAt: undefined,
          talkSeconds: undefined,
          result: undefined,
          movedTo: '1700000000.1',
        }),
      );
      hub.update(tracked('answered'));
      expect(pushes.map((p) => [p.callId, p.state])).toEqual([
        ['own', 'dialling'],
        ['own', 'ended'],
        ['1700000000.1', 'answered'],
      ]);
      expect(ended.map((v) => v.movedTo)).toEqual(['1700000000.1']);
      expect(hub.recentCalls()).toEqual([]);
      expect(hub.missedCount()).toBe(0);
      expect(hub.activeCalls().map((v) => v.callId)).toEqual(['1700000000.1']);
      await resolver.release();
      expect(pushes.at(-1)).toMatchObject({ callId: '1700000000.1', identity: IDENTITY });
    });
  });

  describe('identity at hand', () => {
    it('puts an identity the resolver already holds on the first view, with no pending step', () => {
      const asked: string[] = [];
      const ready = new CallHub({
        resolver: {
          lookup: async (dbKey) => {
            asked.push(dbKey);
            return { state: 'done', identity: EMPTY_IDENTITY };
          },
          cached: (dbKey) => (dbKey === CALLER ? { state: 'done', identity: IDENTITY } : undefined),
        },
      });
      const views: CallView[] = [];
      ready.subscribe((message) => {
        if (message.type === 'call') views.push(message.call);
      }, controller.signal);
      ready.update(tracked('ringing'));
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ lookup: 'done', identity: IDENTITY });
      expect(asked).toEqual([]);
    });
  });

  describe('setTransfer', () => {
    it('pushes the transfer on the card at once and keeps it through later updates', async () => {
      hub.update(tracked('answered'));
      const before = pushes.length;
      hub.setTransfer('1700000000.1', '101', TRANSFER);
      expect(pushes).toHaveLength(before + 1);
      expect(pushes.at(-1)).toMatchObject({ state: 'answered', transfer: TRANSFER });
      expect(hub.activeCalls()[0]?.transfer).toEqual(TRANSFER);

      await resolver.release();
      expect(pushes.at(-1)).toMatchObject({ lookup: 'done', transfer: TRANSFER });
      hub.update(tracked('answered', { answeredBy: '101' }));
      expect(pushes.at(-1)?.transfer).toEqual(TRANSFER);

      hub.update(tracked('ended'));
      expect(pushes.at(-1)).toMatchObject({ state: 'ended', transfer: TRANSFER });
      expect(ended).toHaveLength(1);
      expect(ended[0]?.transfer).toEqual(TRANSFER);
      expect(hub.recentCalls()[0]?.transfer).toEqual(TRANSFER);
    });

    it("leaves the other extension's view of the same call alone", () => {
      hub.update(tracked('answered'));
      hub.update(tracked('answered-elsewhere', { extension: '102' }));
      hub.setTransfer('1700000000.1', '101', TRANSFER);
      const views = hub.activeCalls();
      expect(views.find((v) => v.extension === '101')?.transfer).toEqual(TRANSFER);
      expect(views.find((v) => v.extension === '102')).not.toHaveProperty('transfer');
      hub.update(tracked('ended', { extension: '102', result: 'answered-elsewhere' }));
      expect(pushes.at(-1)).not.toHaveProperty('transfer');
    });

    it('puts a transfer that arrives after the end on the last view, without ending it twice', async () => {
      hub.update(tracked('answered'));
      await resolver.release();
      hub.update(tracked('ended'));
      const before = pushes.length;
      hub.setTransfer('1700000000.1', '101', TRANSFER);
      expect(pushes).toHaveLength(before + 1);
      expect(pushes.at(-1)).toMatchObject({ state: 'ended', transfer: TRANSFER });
      expect(hub.recentCalls()[0]?.transfer).toEqual(TRANSFER);
      expect(hub.activeCalls()).toEqual([]);
      expect(ended).toHaveLength(1);
    });

    it('does not carry a transfer over to a later call with the same key', () => {
      hub.update(tracked('answered'));
      hub.setTransfer('1700000000.1', '101', TRANSFER);
      hub.update(tracked('ended'));
      hub.update(tracked('ringing', { startedAt: 1_700_000_100_000 }));
      expect(pushes.at(-1)).not.toHaveProperty('transfer');
    });

    it('ignores a call it does not know', () => {
      hub.setTransfer('unknown', '101', TRANSFER);
      expect(pushes).toEqual([]);
      expect(hub.recentCalls()).toEqual([]);
    });

    it('replaces an earlier transfer of the same call', async () => {
      hub.update(tracked('answered'));
      await resolver.release();
      hub.setTransfer('1700000000.1', '101', { ...TRANSFER, ok: false, message: 'Busy.' });
      hub.setTransfer('1700000000.1', '101', TRANSFER);
      hub.update(tracked('ended'));
      expect(ended[0]?.transfer).toEqual(TRANSFER);
    });
  });

  describe('setConsult', () => {
    const CONSULT = { target: 'manager', to: '103', state: 'calling', since: 1 } as const;

    it('shows the attended transfer while it goes on, through later updates, until it is over', () => {
      hub.update(tracked('answered'));
      hub.setConsult('1700000000.1', '101', CONSULT);
      expect(pushes.at(-1)?.consult).toEqual(CONSULT);
      hub.update(tracked('answered', { answeredBy: '101' }));
      expect(pushes.at(-1)?.consult).toEqual(CONSULT);
      hub.setConsult('1700000000.1', '101', { ...CONSULT, state: 'talking' });
      expect(hub.activeCalls()[0]?.consult?.state).toBe('talking');
      hub.setConsult('1700000000.1', '101', undefined);
      expect(pushes.at(-1)).not.toHaveProperty('consult');
      hub.update(tracked('answered'));
      expect(pushes.at(-1)).not.toHaveProperty('consult');
    });

    it('drops it with the call and keeps none for a call it does not know', () => {
      hub.update(tracked('answered'));
      hub.setConsult('1700000000.1', '101', CONSULT);
      hub.update(tracked('ended'));
      expect(pushes.at(-1)).not.toHaveProperty('consult');
      const before = pushes.length;
      hub.setConsult('1700000000.1', '101', CONSULT);
      expect(pushes).toHaveLength(before);
      hub.update(tracked('ringing', { startedAt: 1_700_000_100_000 }));
      expect(pushes.at(-1)).not.toHaveProperty('consult');
    });
  });

  describe('missed calls', () => {
    it('counts a call that two extensions missed once, in one missed frame', () => {
      const counts: number[] = [];
      hub.subscribe((message) => {
        if (message.type === 'missed') counts.push(message.count);
      }, controller.signal);
      const missed = (extension: string): TrackedCall => ({
        ...tracked('ringing', { extension }),
        state: 'ended',
        endedAt: 1_700_000_020_000,
        talkSeconds: 0,
        result: 'no-answer',
      });
      hub.update(tracked('ringing', { extension: '101' }));
      hub.update(tracked('ringing', { extension: '102' }));
      hub.update(missed('101'));
      hub.update(missed('102'));
      expect(counts).toEqual([1]);
      expect(hub.missedCount()).toBe(1);
    });
  });
});
