import { describe, expect, it } from 'vitest';
import { AmiConfigError } from '../../../../helper/ami/errors';
import {
  DEFAULT_RECONNECT_POLICY,
  INITIAL_RECONNECT_STATE,
  MAX_RECONNECT_DELAY_MS,
  nextReconnectDelay,
  validateReconnectPolicy,
  type ReconnectPolicy,
  type ReconnectState,
} from '../../../../helper/ami/reconnect';
import { assertTransition, canTransition } from '../../../../helper/ami/state';

function delays(policy: ReconnectPolicy, random: () => number, count: number): number[] {
  let state: ReconnectState = INITIAL_RECONNECT_STATE;
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = nextReconnectDelay(state, policy, random);
    out.push(next.delayMs);
    state = next.state;
  }
  return out;
}

describe('reconnect backoff', () => {
  it('without jitter doubles from the initial delay up to the cap', () => {
    const policy = { initialDelayMs: 250, maxDelayMs: 4_000, jitter: 'none' } as const;
    expect(delays(policy, () => 0.5, 7)).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it.each(['full', 'decorrelated'] as const)(
    '%s jitter: first retry under 1 s, every wait within [0, cap], never above 10 s',
    (jitter) => {
      const policy = { ...DEFAULT_RECONNECT_POLICY, jitter };
      for (const random of [() => 0, () => 0.999_999, () => 1, Math.random]) {
        const series = delays(policy, random, 60);
        expect(series[0]).toBeLessThan(1_000);
        for (const d of series) {
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(MAX_RECONNECT_DELAY_MS);
        }
      }
    },
  );

  it('full jitter reaches the cap region after enough attempts', () => {
    const policy = { ...DEFAULT_RECONNECT_POLICY, maxDelayMs: MAX_RECONNECT_DELAY_MS };
    const series = delays(policy, () => 0.99, 30);
    expect(series.at(-1)).toBeGreaterThan(9_000);
  });

  it('by default never waits 1.5 s or more, so a returning PBX is seen within 2 s', () => {
    const longest = Math.max(...delays(DEFAULT_RECONNECT_POLICY, () => 0.999, 40));
    expect(longest).toBeLessThan(1_500);
    expect(longest).toBeGreaterThan(1_400);
  });

  it('is pure: the same random values give the same delays', () => {
    const seq = [0.1, 0.7, 0.3, 0.9, 0.5];
    const source = () => {
      let i = 0;
      return () => seq[i++ % seq.length] as number;
    };
    expect(delays(DEFAULT_RECONNECT_POLICY, source(), 10)).toEqual(
      delays(DEFAULT_RECONNECT_POLICY, source(), 10),
    );
  });

  it('refuses policies that break the bounds', () => {
    expect(() =>
      validateReconnectPolicy({ ...DEFAULT_RECONNECT_POLICY, maxDelayMs: 30_000 }),
    ).toThrow(AmiConfigError);
    expect(() =>
      validateReconnectPolicy({ ...DEFAULT_RECONNECT_POLICY, initialDelayMs: 1_000 }),
    ).toThrow(AmiConfigError);
  });
});

describe('connection state machine', () => {
  it('allows the documented transitions only', () => {
    expect(canTransition('idle', 'connecting')).toBe(true);
    expect(canTransition('authenticating', 'auth-failed')).toBe(true);
    expect(canTransition('ready', 'reconnecting')).toBe(true);
    expect(canTransition('auth-failed', 'reconnecting')).toBe(false);
    expect(canTransition('closed', 'connecting')).toBe(false);
    expect(() => assertTransition('ready', 'authenticating')).toThrow(/defect/);
  });
});
