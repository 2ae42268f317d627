import { describe, expect, it } from 'vitest';
import {
  dialStatusOutcome,
  hangupCauseOutcome,
  parseCause,
} from '../../../../../helper/workstation/calls/outcome';

describe('dial status and hangup cause', () => {
  it.each([
    ['ANSWER', 'answered'],
    ['BUSY', 'busy'],
    ['NOANSWER', 'no-answer'],
    ['CANCEL', 'cancelled'],
    ['CONGESTION', 'failed'],
    ['CHANUNAVAIL', 'failed'],
    ['busy', 'busy'],
    ['PROGRESS', undefined],
    [undefined, undefined],
  ])('DialStatus %s → %s', (status, outcome) => {
    expect(dialStatusOutcome(status)).toBe(outcome);
  });

  it.each([
    [16, 'normal'],
    [17, 'busy'],
    [18, 'no-answer'],
    [19, 'no-answer'],
    [21, 'busy'],
    [26, 'answered-elsewhere'],
    [34, 'failed'],
    [38, 'failed'],
    [127, 'normal'],
    [0, undefined],
    [undefined, undefined],
  ])('cause %s → %s', (cause, outcome) => {
    expect(hangupCauseOutcome(cause)).toBe(outcome);
  });

  it('parses causes', () => {
    expect(parseCause('17')).toBe(17);
    expect(parseCause('')).toBeUndefined();
    expect(parseCause('x')).toBeUndefined();
    expect(parseCause(undefined)).toBeUndefined();
  });
});
