import { describe, expect, it } from 'vitest';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';
import type { RecordedEvent } from '../../../../support/ami-sequences/sequence-format';
import { ev, type Chan } from '../../../../support/helper/workstation/calls/frames';
import {
  BASE_TIME,
  changes,
  endedOf,
  loadSequence,
  replay,
  replayTracker,
} from '../../../../support/helper/workstation/calls/replay';
import { seatStream } from '../../../../support/helper/workstation/calls/seat-stream';

const CALLER = { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' };

function of(updates: readonly CallUpdate[], extension: string): CallUpdate[] {
  return updates.filter((u) => u.view.extension === extension);
}

/** Each update as `change callId`, with the call ids renamed A, B… in order of appearance. */
function story(updates: readonly CallUpdate[]): string[] {
  const names = new Map<string, string>();
  const name = (id: string): string => {
    if (!names.has(id)) names.set(id, String.fromCharCode(65 + names.size));
    return names.get(id)!;
  };
  return updates.map((u) => {
    const moved = u.view.movedTo === undefined ? '' : ` → ${name(u.view.movedTo)}`;
    return `${u.change} ${name(u.view.callId)}${moved}`;
  });
}

function replayEvents(
  events: readonly RecordedEvent[],
  extensions: readonly string[],
): CallUpdate[] {
  const { tracker, setTime } = replayTracker({ extensions });
  const updates: CallUpdate[] = [];
  for (const { at, frame } of events) {
    setTime(at);
    updates.push(...tracker.handle(frame));
  }
  return updates;
}

/** What the per-seat account of `phone` (manager-conf --seats) lets through. */
function seatOnly(name: string, phone: string): RecordedEvent[] {
  return seatStream(loadSequence(name).events, phone);
}

describe('directed pickup', () => {
  it.each(['pickup-freepbx', 'pickup-local'])(
    '%s: the picker’s call to the pickup code becomes the caller’s call; the ringing phone ends answered elsewhere by the picker',
    (name) => {
      const updates = replay(name, ['101', '102']);
      const picker = of(updates, '102');
      expect(story(picker)).toEqual(['dialling A', 'ended A → B', 'answered B', 'ended B']);
      const ringing = of(updates, '101');
      expect(changes(ringing)).toEqual(['101:ringing', '101:answered-elsewhere', '101:ended']);
      const callId = ringing[0]!.view.callId;
      expect(picker[2]!.view).toMatchObject({
        callId,
        state: 'answered',
        direction: 'in',
        remote: CALLER,
        answeredBy: '102',
        startedAt: picker[0]!.view.startedAt,
      });
      expect(picker[1]!.record).toBeUndefined();
      const talk = picker[3]!.record!;
      expect(talk).toMatchObject({ callId, result: 'answered', answeredBy: '102', missed: false });
      expect(talk.answeredAt).toBeGreaterThan(talk.startedAt);
      expect(talk.talkSeconds).toBeGreaterThanOrEqual(1);
      expect(talk.talkSeconds).toBeLessThanOrEqual(3);
      expect(ringing[1]!.view.answeredBy).toBe('102');
      expect(endedOf(updates, '101').record).toMatchObject({
        callId,
        result: 'answered-elsewhere',
        answeredBy: '102',
        missed: false,
        talkSeconds: 0,
      });
    },
  );

  it('each operator sees only their own part', () => {
    expect(story(replay('pickup-freepbx', ['102']))).toEqual([
      'dialling A',
      'ended A → B',
      'answered B',
      'ended B',
    ]);
    const ringing = replay('pickup-freepbx', ['101']);
    expect(changes(ringing)).toEqual(['101:ringing', '101:answered-elsewhere', '101:ended']);
    expect(ringing[1]!.view.answeredBy).toBe('102');
  });

  it("works from a stream that carries only the picker's own channels", () => {
    const picker = replayEvents(seatOnly('pickup-freepbx', '102'), ['102']);
    expect(story(picker)).toEqual(['dialling A', 'ended A → B', 'answered B', 'ended B']);
    expect(picker[2]!.view).toMatchObject({ direction: 'in', remote: CALLER });
    const ringing = replayEvents(seatOnly('pickup-freepbx', '101'), ['101']);
    expect(ringing[1]!.view).toMatchObject({ state: 'answered-elsewhere', answeredBy: '102' });
  });
});

describe('transfers made on the phone', () => {
  it('blind (REFER): the receiving operator rings with the caller, talk counted from their answer', () => {
    const updates = replay('refer-blind', ['101', '102']);
    const first = of(updates, '101');
    const second = of(updates, '102');
    expect(changes(first)).toEqual(['101:ringing', '101:answered', '101:ended']);
    expect(changes(second)).toEqual(['102:ringing', '102:answered', '102:ended']);
    expect(second[0]!.view).toMatchObject({
      callId: first[0]!.view.callId,
      direction: 'in',
      remote: CALLER,
    });
    expect(second[0]!.view.startedAt).toBeGreaterThanOrEqual(first[2]!.view.endedAt!);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'answered', answeredBy: '101' });
    const received = endedOf(updates, '102').record!;
    expect(received).toMatchObject({ result: 'answered', answeredBy: '102' });
    expect(received.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(received.talkSeconds).toBeLessThanOrEqual(2);
  });

  it('attended (REFER with Replaces): the consultation ends, the caller’s call starts answered at the transfer', () => {
    const updates = replay('refer-attended', ['101', '102']);
    const target = of(updates, '102');
    expect(story(target)).toEqual(['ringing A', 'answered A', 'ended A', 'answered B', 'ended B']);
    const consultation = target[2]!;
    expect(consultation.view).toMatchObject({ direction: 'internal', remote: { raw: '101' } });
    expect(consultation.record).toMatchObject({ result: 'answered', answeredBy: '102' });
    const transferred = target[3]!.view;
    const callerCall = of(updates, '101')[0]!.view.callId;
    expect(transferred).toMatchObject({
      callId: callerCall,
      state: 'answered',
      direction: 'in',
      remote: CALLER,
      answeredBy: '102',
    });
    expect(transferred.answeredAt).toBe(transferred.startedAt);
    expect(transferred.startedAt).toBe(consultation.view.endedAt);
    const talk = target[4]!.record!;
    expect(talk.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(talk.talkSeconds).toBeLessThanOrEqual(2);
    // 101: its talk with the caller and its consultation, each with its own time.
    expect(story(of(updates, '101'))).toEqual([
      'ringing A',
      'answered A',
      'dialling B',
      'answered B',
      'ended A',
      'ended B',
    ]);
    expect(endedOf(updates, '101').record).toMatchObject({
      callId: callerCall,
      result: 'answered',
    });
  });

  it('attended to a phone the ring group had rung for the same call: its view of that call is answered now', () => {
    const trunk: Chan = { name: 'PJSIP/trunk-1', uid: 'Y', lid: 'Y', state: 4, cid: CALLER.raw };
    const on101: Chan = { name: 'PJSIP/101-2', uid: 'Y.1', lid: 'Y', cid: '101' };
    const rung102: Chan = { name: 'PJSIP/102-3', uid: 'Y.2', lid: 'Y', cid: '102' };
    const consult101: Chan = { name: 'PJSIP/101-4', uid: 'Z', lid: 'Z', state: 4, exten: '102' };
    const consult102: Chan = { name: 'PJSIP/102-5', uid: 'Z.1', lid: 'Z', cid: '102' };
    const leave = (c: Chan, bridge: string): AmiFrame => ({
      ...ev.bridgeEnter(c, bridge),
      Event: 'BridgeLeave',
    });
    const frames: AmiFrame[] = [
      ev.newchannel(trunk),
      ev.dialBegin(trunk, on101),
      ev.dialBegin(trunk, rung102),
      ev.newstate(rung102, 5),
      ev.dialEnd(trunk, on101, 'ANSWER'),
      ev.hangup({ ...rung102, state: 5 }, 26),
      ev.bridgeEnter(trunk, 'B1'),
      ev.bridgeEnter(on101, 'B1'),
      ev.newchannel(consult101),
      ev.dialBegin(consult101, consult102),
      ev.dialEnd(consult101, consult102, 'ANSWER'),
      ev.bridgeEnter(consult102, 'B2'),
      ev.bridgeEnter(consult101, 'B2'),
      leave(trunk, 'B1'),
      leave(consult101, 'B2'),
      ev.bridgeEnter(trunk, 'B2'),
      ev.hangup(consult101, 16),
      ev.hangup(on101, 16),
      ev.hangup(trunk, 16),
      ev.hangup(consult102, 16),
    ];
    const updates = replayEvents(
      frames.map((frame, i) => ({ at: i * 1_000, frame })),
      ['102'],
    );
    expect(story(updates)).toEqual([
      'ringing A',
      'answered-elsewhere A',
      'ringing B',
      'answered B',
      'ended B',
      'answered A',
      'ended A',
    ]);
    const transferred = updates[5]!.view;
    expect(transferred).toMatchObject({ callId: 'Y', remote: CALLER, answeredBy: '102' });
    expect(transferred.answeredAt! - transferred.startedAt).toBe(13_000);
    expect(updates[6]!.record).toMatchObject({ result: 'answered', talkSeconds: 4 });
  });

  it("attended: the target's card follows from a stream that carries only its own channels", () => {
    const target = replayEvents(seatOnly('refer-attended', '102'), ['102']);
    expect(story(target)).toEqual(['ringing A', 'answered A', 'ended A', 'answered B', 'ended B']);
    expect(target[3]!.view).toMatchObject({ direction: 'in', remote: CALLER });
  });
});

describe('two phones answering at once', () => {
  function expectOneWinner(updates: readonly CallUpdate[]): void {
    const answered = updates.filter((u) => u.change === 'answered');
    expect(answered).toHaveLength(1);
    const winner = answered[0]!.view.extension;
    const loser = winner === '101' ? '102' : '101';
    const lost = of(updates, loser);
    expect(changes(lost)).toEqual([
      `${loser}:ringing`,
      `${loser}:answered-elsewhere`,
      `${loser}:ended`,
    ]);
    expect(lost.slice(1).every((u) => u.view.answeredBy === winner)).toBe(true);
    expect(endedOf(updates, loser).record).toMatchObject({
      result: 'answered-elsewhere',
      answeredBy: winner,
      talkSeconds: 0,
    });
    expect(endedOf(updates, winner).record).toMatchObject({
      result: 'answered',
      answeredBy: winner,
    });
  }

  it.each(['race-queue', 'race-ringgroup'])(
    '%s: one winner, the other answered elsewhere by it',
    (name) => {
      expectOneWinner(replay(name, ['101', '102']));
    },
  );

  it.each(['race-queue', 'race-ringgroup'])(
    '%s: the same for each operator following only their own phone',
    (name) => {
      const both = replay(name, ['101', '102']);
      for (const extension of ['101', '102']) {
        expect(story(replay(name, [extension]))).toEqual(story(of(both, extension)));
      }
    },
  );

  it('ring group: the loser hung up (cause 26) before Dial reports the answer still names the winner at once', () => {
    const { events } = loadSequence('race-ringgroup');
    const hangup = events.find(
      ({ frame }) => frame['Event'] === 'Hangup' && frame['Cause'] === '26',
    )!;
    const answer = events.findIndex(
      ({ frame }) => frame['Event'] === 'DialEnd' && frame['DialStatus'] === 'ANSWER',
    );
    const rest = events.filter((e) => e !== hangup);
    const reordered = [...rest.slice(0, answer), hangup, ...rest.slice(answer)];
    const updates = replayEvents(reordered, ['101', '102']);
    const loser = String(hangup.frame['Channel']).startsWith('PJSIP/101-') ? '101' : '102';
    const elsewhere = of(updates, loser).filter((u) => u.change === 'answered-elsewhere');
    expect(elsewhere.map((u) => u.view.answeredBy)).toEqual([loser === '101' ? '102' : '101']);
    expectOneWinner(updates);
  });

  it("queue: the loser's own answer arriving before the queue chose the winner changes nothing", () => {
    // The recording with the losing phone's answer (its Local member's DialEnd ANSWER)
    // moved before the winner's: the order the PBX also sends when the loser is a little faster.
    const { events } = loadSequence('race-queue');
    const winnerUpstream = events.findIndex(
      ({ frame }) =>
        frame['Event'] === 'DialEnd' &&
        frame['DialStatus'] === 'ANSWER' &&
        String(frame['DestChannel']).startsWith('Local/'),
    );
    const winner = /^Local\/(\d+)@/.exec(String(events[winnerUpstream]!.frame['DestChannel']))![1];
    const loser = winner === '101' ? '102' : '101';
    const losersAnswer = (frame: AmiFrame): boolean =>
      (frame['Event'] === 'DialEnd' || frame['Event'] === 'Newstate') &&
      (String(frame['DestChannel'] ?? '').startsWith(`PJSIP/${loser}-`) ||
        (frame['Event'] === 'Newstate' &&
          String(frame['Channel']).startsWith(`PJSIP/${loser}-`) &&
          frame['ChannelStateDesc'] === 'Up'));
    const early = events.filter(({ frame }) => losersAnswer(frame));
    const rest = events.filter(({ frame }) => !losersAnswer(frame));
    const at = rest.indexOf(events[winnerUpstream]!);
    const reordered = [...rest.slice(0, at), ...early, ...rest.slice(at)];
    const updates = replayEvents(reordered, ['101', '102']);
    expect(updates.filter((u) => u.change === 'answered').map((u) => u.view.extension)).toEqual([
      winner,
    ]);
    expectOneWinner(updates);
    // An operator who follows only the losing phone sees the other phone's answer to its own
    // queue member first: that is not yet the call taken elsewhere.
    const lost = replayEvents(reordered, [loser]);
    expect(changes(lost)).toEqual([
      `${loser}:ringing`,
      `${loser}:answered-elsewhere`,
      `${loser}:ended`,
    ]);
    expect(lost.slice(1).map((u) => u.view.answeredBy)).toEqual([winner, winner]);
    const won = replayEvents(reordered, [winner!]);
    expect(changes(won)).toEqual([`${winner}:ringing`, `${winner}:answered`, `${winner}:ended`]);
  });
});

describe('a phone that declines', () => {
  it.each(['decline-ringgroup', 'decline-queue'])(
    '%s: its card ends declined at once while the other phone still rings',
    (name) => {
      const updates = replay(name, ['101', '102']);
      expect(changes(of(updates, '101'))).toEqual(['101:ringing', '101:ended']);
      const declined = endedOf(updates, '101');
      expect(declined.record).toMatchObject({
        result: 'declined',
        missed: false,
        talkSeconds: 0,
        answeredAt: undefined,
        answeredBy: undefined,
      });
      expect(declined.view).toMatchObject({ result: 'declined', missed: false });
      const answeredAt = of(updates, '102').find((u) => u.change === 'answered')!.view.answeredAt!;
      expect(declined.view.endedAt!).toBeLessThan(answeredAt);
      expect(declined.view.endedAt! - BASE_TIME).toBeLessThan(1_000);
      expect(endedOf(updates, '102').record).toMatchObject({ result: 'answered' });
    },
  );

  it('a queue that rings it again keeps one view of the call: declined, then rung anew and answered', () => {
    const updates = of(replay('decline-queue-retry', ['101', '102']), '101');
    expect(changes(updates)).toEqual([
      '101:ringing',
      '101:ended',
      '101:ringing',
      '101:answered',
      '101:ended',
    ]);
    expect(new Set(updates.map((u) => u.view.callId)).size).toBe(1);
    expect(new Set(updates.map((u) => u.view.startedAt)).size).toBe(1);
    expect(updates[1]!.record).toMatchObject({ result: 'declined' });
    expect(updates[4]!.record).toMatchObject({ result: 'answered', answeredBy: '101' });
  });

  it('a phone that refuses without ringing is still busy, and missed', () => {
    expect(endedOf(replay('direct-busy', ['101']), '101').record).toMatchObject({
      result: 'busy',
      missed: true,
    });
  });
});
