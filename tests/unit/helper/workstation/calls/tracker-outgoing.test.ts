import { describe, expect, it } from 'vitest';
import {
  changes,
  endedOf,
  replay,
  replayTracker,
  loadSequence,
} from '../../../../support/helper/workstation/calls/replay';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';

const FAR = { raw: '+79161234567', e164: '+79161234567', dbKey: '79161234567' };

describe('calls made by the operator, recorded from Asterisk 22', () => {
  it('phone 101 dials 89161234567: dialling → answered → ended, direction out', () => {
    const updates = replay('outgoing-answered', ['101']);
    expect(changes(updates)).toEqual(['101:dialling', '101:answered', '101:ended']);
    expect(updates[0]!.view).toMatchObject({
      direction: 'out',
      origin: 'pbx',
      remote: { raw: '89161234567', e164: '+79161234567', dbKey: '79161234567' },
    });
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'answered', missed: false });
  });

  it('internal call 102 → 101 is internal on both sides', () => {
    const callee = replay('internal-102-to-101', ['101']);
    expect(changes(callee)).toEqual(['101:ringing', '101:answered', '101:ended']);
    expect(callee[0]!.view).toMatchObject({ direction: 'internal', remote: { raw: '102' } });
    expect(callee[0]!.view.remote.dbKey).toBeUndefined();

    const both = replay('internal-102-to-101', ['101', '102']);
    expect(changes(both)).toEqual([
      '102:dialling',
      '101:ringing',
      '101:answered',
      '102:answered',
      '101:ended',
      '102:ended',
    ]);
    expect(both[0]!.view).toMatchObject({ direction: 'internal', remote: { raw: '101' } });
    expect(endedOf(both, '102').record).toMatchObject({ result: 'answered', answeredBy: '101' });
  });
});

describe('click-to-call recorded from Asterisk 22', () => {
  function replayExpecting(name: string, channelId: string): CallUpdate[] {
    const { tracker, setTime } = replayTracker({ extensions: ['101'] });
    tracker.expectOriginate(channelId, '101', '+79161234567');
    const updates: CallUpdate[] = [];
    for (const { at, frame } of loadSequence(name).events) {
      setTime(at);
      updates.push(...tracker.handle(frame));
    }
    return updates;
  }

  it('answered: ringing you → dialling → answered → ended', () => {
    const updates = replayExpecting('c2c-answered', 'ctc-fixture-1');
    expect(changes(updates)).toEqual(['101:ringing', '101:dialling', '101:answered', '101:ended']);
    for (const update of updates) {
      expect(update.view).toMatchObject({
        callId: 'ctc-fixture-1',
        origin: 'click-to-call',
        direction: 'out',
        remote: FAR,
      });
    }
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'answered', missed: false });
    expect(endedOf(updates, '101').record!.talkSeconds).toBeGreaterThanOrEqual(1);
  });

  it('is recognized without an announcement, the number learnt from the outbound dial', () => {
    const updates = replay('c2c-answered', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:dialling', '101:answered', '101:ended']);
    expect(updates[0]!.view.origin).toBe('click-to-call');
    expect(updates[2]!.view.remote).toEqual(FAR);
  });

  it("operator's phone busy", () => {
    const updates = replayExpecting('c2c-operator-busy', 'ctc-fixture-2');
    expect(changes(updates)).toEqual(['101:ringing', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'busy', missed: false });
  });

  it("operator's phone not answering", () => {
    const updates = replayExpecting('c2c-operator-noanswer', 'ctc-fixture-3');
    expect(changes(updates)).toEqual(['101:ringing', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'no-answer', missed: false });
  });

  it('far end busy after the operator answered', () => {
    const updates = replayExpecting('c2c-far-busy', 'ctc-fixture-4');
    expect(changes(updates)).toEqual(['101:ringing', '101:dialling', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'busy', talkSeconds: 0 });
  });
});
