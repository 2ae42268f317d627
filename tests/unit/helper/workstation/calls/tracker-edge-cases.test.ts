import { describe, expect, it } from 'vitest';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import { CallsConfigError } from '../../../../../helper/workstation/calls/errors';
import { CallTracker } from '../../../../../helper/workstation/calls/tracker';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';
import { ev, inbound } from '../../../../support/helper/workstation/calls/frames';
import { changes } from '../../../../support/helper/workstation/calls/replay';

function tracker(extensions = ['101'], extra = {}): { t: CallTracker; clock: { now: number } } {
  const clock = { now: 1_760_000_000_000 };
  return { t: new CallTracker({ extensions, now: () => clock.now, ...extra }), clock };
}

function feed(t: CallTracker, frames: readonly AmiFrame[]): CallUpdate[] {
  return frames.flatMap((frame) => t.handle(frame));
}

describe('CallTracker edge cases', () => {
  it('a duplicated Newchannel rings once', () => {
    const { t } = tracker();
    const { trunk, dest } = inbound('1', '101');
    const updates = feed(t, [
      ev.newchannel(trunk),
      ev.newchannel(dest),
      ev.newchannel(dest),
      ev.dialBegin(trunk, dest),
      ev.newstate(dest, 5),
      ev.newstate(dest, 5),
    ]);
    expect(changes(updates)).toEqual(['101:ringing']);
  });

  it('events out of order (DialBegin before the Newchannels) build the same call', () => {
    const { t } = tracker();
    const { trunk, dest } = inbound('2', '101');
    const updates = feed(t, [
      ev.dialBegin(trunk, dest),
      ev.newchannel(dest),
      ev.newchannel(trunk),
      ev.dialEnd(trunk, dest, 'ANSWER'),
      ev.hangup(dest, 16),
      ev.hangup(trunk, 16),
    ]);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered', '101:ended']);
    expect(updates[0]!.view).toMatchObject({
      direction: 'in',
      remote: { raw: '79161234567', e164: '+79161234567' },
    });
  });

  it('answered elsewhere when the answer comes before the cancel', () => {
    const { t } = tracker();
    const { trunk, dest } = inbound('3', '101');
    const other = { name: 'PJSIP/102-3', uid: '3.2', lid: '3.0', cid: '201' };
    const updates = feed(t, [
      ev.newchannel(trunk),
      ev.newchannel(dest),
      ev.newchannel(other),
      ev.dialBegin(trunk, dest),
      ev.dialBegin(trunk, other),
      ev.dialEnd(trunk, other, 'ANSWER'),
      ev.dialEnd(trunk, dest, 'CANCEL'),
      ev.hangup(dest, 26),
      ev.hangup(other, 16),
      ev.hangup(trunk, 16),
    ]);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered-elsewhere', '101:ended']);
    expect(updates[2]!.record).toMatchObject({ result: 'answered-elsewhere', answeredBy: '102' });
  });

  it('a hangup cause 26 alone marks the call as answered elsewhere', () => {
    const { t } = tracker();
    const { trunk, dest } = inbound('4', '101');
    const updates = feed(t, [
      ev.newchannel(trunk),
      ev.newchannel(dest),
      ev.hangup(dest, 26),
      ev.hangup(trunk, 16),
    ]);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered-elsewhere', '101:ended']);
    expect(updates[2]!.record!.result).toBe('answered-elsewhere');
  });

  it.each(['SIP', 'IAX2'])('recognizes the operator on %s channels', (tech) => {
    const { t } = tracker();
    const { trunk, dest } = inbound('5', '101', tech);
    const updates = feed(t, [ev.newchannel(trunk), ev.newchannel(dest), ev.hangup(dest, 17)]);
    expect(changes(updates)).toEqual(['101:ringing']);
    expect(changes(feed(t, [ev.hangup(trunk, 17)]))).toEqual(['101:ended']);
  });

  it('ignores unknown channels, events and frames without ids', () => {
    const { t } = tracker();
    const stranger = { name: 'PJSIP/103-9', uid: '9.1', lid: '9.0' };
    expect(t.handle(ev.hangup(stranger, 16))).toEqual([]);
    expect(t.handle({ Event: 'Newexten', Channel: 'PJSIP/101-1', Uniqueid: '1' })).toEqual([]);
    expect(t.handle({ Event: 'Newchannel', Channel: 'PJSIP/101-1' })).toEqual([]);
    expect(t.handle({ Response: 'Success' })).toEqual([]);
    expect(t.handle({ Event: 'Newchannel', Channel: '', Uniqueid: '1', Linkedid: '1' })).toEqual(
      [],
    );
    expect(t.size()).toEqual({ calls: 0, channels: 0, bridges: 0 });
  });

  it('late events about an ended call do not bring it back', () => {
    const { t } = tracker();
    const { trunk, dest } = inbound('6', '101');
    feed(t, [ev.newchannel(trunk), ev.newchannel(dest), ev.hangup(dest, 0), ev.hangup(trunk, 16)]);
    expect(t.size().calls).toBe(0);
    expect(feed(t, [ev.newstate(dest, 5), ev.dialEnd(trunk, dest, 'NOANSWER')])).toEqual([]);
    expect(t.size()).toEqual({ calls: 0, channels: 0, bridges: 0 });
  });

  it('lists calls in progress, one view per extension', () => {
    const { t } = tracker(['101', '102']);
    const { trunk, dest } = inbound('7', '101');
    const other = { name: 'PJSIP/102-7', uid: '7.2', lid: '7.0' };
    feed(t, [ev.newchannel(trunk), ev.newchannel(dest), ev.newchannel(other)]);
    expect(
      t
        .active()
        .map((v) => `${v.callId}/${v.extension}/${v.state}`)
        .sort(),
    ).toEqual(['7.0/101/ringing', '7.0/102/ringing']);
  });

  it('bridged channels answer the call when no DialEnd was seen', () => {
    const { t } = tracker();
    const { trunk, dest } = inbound('8', '101');
    const updates = feed(t, [
      ev.newchannel(trunk),
      ev.newchannel(dest),
      ev.bridgeEnter(dest, 'b8'),
      ev.bridgeEnter(trunk, 'b8'),
    ]);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered']);
  });
});

describe('memory bounds', () => {
  it('sweep ends calls older than the maximum age', () => {
    const { t, clock } = tracker(['101'], { maxCallAgeMs: 60_000 });
    const { trunk, dest } = inbound('10', '101');
    feed(t, [ev.newchannel(trunk), ev.newchannel(dest)]);
    clock.now += 30_000;
    expect(t.sweep()).toEqual([]);
    clock.now += 31_000;
    const swept = t.sweep();
    expect(changes(swept)).toEqual(['101:ended']);
    expect(swept[0]!.record).toMatchObject({ result: 'no-answer', missed: true });
    expect(t.size()).toEqual({ calls: 0, channels: 0, bridges: 0 });
  });

  it('drops the oldest calls beyond the limit, other people’s calls first', () => {
    const { t } = tracker(['101'], { maxCalls: 3 });
    const mine = inbound('20', '101');
    feed(t, [ev.newchannel(mine.trunk), ev.newchannel(mine.dest)]);
    for (let i = 21; i < 26; i += 1) {
      const other = inbound(String(i), '103');
      feed(t, [ev.newchannel(other.trunk), ev.newchannel(other.dest)]);
    }
    expect(t.size().calls).toBe(6);
    expect(t.sweep()).toEqual([]);
    expect(t.size().calls).toBe(3);
    expect(t.active()).toHaveLength(1);
  });

  it('holds nothing after many finished calls', () => {
    const { t } = tracker();
    for (let i = 0; i < 500; i += 1) {
      const { trunk, dest } = inbound(`m${i}`, i % 2 === 0 ? '101' : '103');
      feed(t, [
        ev.newchannel(trunk),
        ev.newchannel(dest),
        ev.dialBegin(trunk, dest),
        ev.dialEnd(trunk, dest, 'ANSWER'),
        ev.bridgeEnter(dest, `b${i}`),
        ev.bridgeEnter(trunk, `b${i}`),
        ev.hangup(trunk, 16),
        ev.hangup(dest, 16),
      ]);
    }
    expect(t.size()).toEqual({ calls: 0, channels: 0, bridges: 0 });
  });
});

describe('configuration', () => {
  it('refuses an empty or malformed extension list', () => {
    expect(() => new CallTracker({ extensions: [] })).toThrow(CallsConfigError);
    expect(() => new CallTracker({ extensions: ['1a'] })).toThrow(/not an extension/);
    expect(() => new CallTracker({ extensions: ['101'], clickToCallPrefix: 'a b' })).toThrow(
      CallsConfigError,
    );
  });

  it("refuses to expect an originate for someone else's extension", () => {
    const { t } = tracker();
    expect(() => t.expectOriginate('ctc-x', '103', '+79161234567')).toThrow(/not one of/);
  });
});
