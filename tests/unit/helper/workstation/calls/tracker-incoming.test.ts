import { describe, expect, it } from 'vitest';
import { changes, endedOf, replay } from '../../../../support/helper/workstation/calls/replay';

const CALLER = { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' };

describe('incoming calls recorded from Asterisk 22', () => {
  it('direct Dial answered: ringing → answered → ended with talk time', () => {
    const updates = replay('direct-answered', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered', '101:ended']);
    const [ringing] = updates;
    expect(ringing!.view).toMatchObject({
      direction: 'in',
      origin: 'pbx',
      state: 'ringing',
      remote: CALLER,
    });
    const ended = endedOf(updates, '101');
    expect(ended.record).toMatchObject({
      result: 'answered',
      answeredBy: '101',
      missed: false,
      direction: 'in',
      remote: CALLER,
    });
    expect(ended.record!.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(ended.record!.talkSeconds).toBeLessThanOrEqual(4);
    expect(ended.record!.answeredAt).toBeGreaterThan(ended.record!.startedAt);
    expect(ended.view).toMatchObject({ state: 'ended', result: 'answered' });
  });

  it('direct Dial not answered: missed with result no-answer', () => {
    const updates = replay('direct-noanswer', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({
      result: 'no-answer',
      missed: true,
      talkSeconds: 0,
      answeredAt: undefined,
    });
  });

  it('phone busy: result busy', () => {
    const updates = replay('direct-busy', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'busy', missed: true });
  });

  it('caller gives up while it rings: a missed call, not a failure', () => {
    const updates = replay('direct-cancelled', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'no-answer', missed: true });
  });

  it('ring group answered by 102: 101 gets answered-elsewhere', () => {
    const updates = replay('ringgroup-answered-by-102', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered-elsewhere', '101:ended']);
    expect(updates[1]!.view.answeredBy).toBe('102');
    expect(endedOf(updates, '101').record).toMatchObject({
      result: 'answered-elsewhere',
      answeredBy: '102',
      missed: false,
      talkSeconds: 0,
    });
  });

  it('ring group seen by an operator with 101 and 102: one ringing each', () => {
    const updates = replay('ringgroup-answered-by-102', ['101', '102']);
    expect(
      changes(updates)
        .filter((c) => c.endsWith(':ringing'))
        .sort(),
    ).toEqual(['101:ringing', '102:ringing']);
    expect(endedOf(updates, '102').record).toMatchObject({ result: 'answered', answeredBy: '102' });
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'answered-elsewhere' });
  });

  it('queue over Local members answered by 102: one ringing for 101, then answered elsewhere', () => {
    const updates = replay('queue-answered-by-102', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered-elsewhere', '101:ended']);
    expect(updates[0]!.view.remote).toEqual(CALLER);
    expect(endedOf(updates, '101').record).toMatchObject({
      result: 'answered-elsewhere',
      answeredBy: '102',
    });
  });

  it('queue answered by 101 through its Local member', () => {
    const updates = replay('queue-answered-by-101', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'answered', answeredBy: '101' });
  });

  it('queue ringing 101 twice (retry) still gives exactly one ringing', () => {
    const updates = replay('queue-retry-cancelled', ['101', '102']);
    expect(changes(updates).filter((c) => c === '101:ringing')).toHaveLength(1);
    expect(changes(updates).filter((c) => c === '102:ringing')).toHaveLength(1);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'no-answer', missed: true });
  });

  it('Local chain (Dial(Local/101@operators)) answered', () => {
    const updates = replay('local-answered', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered', '101:ended']);
    expect(updates[0]!.view.remote).toEqual(CALLER);
    expect(endedOf(updates, '101').record!.talkSeconds).toBeGreaterThanOrEqual(1);
  });

  it('calls of other extensions are not reported', () => {
    expect(replay('direct-answered', ['103'])).toEqual([]);
    expect(replay('queue-answered-by-102', ['103'])).toEqual([]);
  });
});
