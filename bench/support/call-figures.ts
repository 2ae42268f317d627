import type { CallSteps } from './call-timeline';
import { spreadOf, type Spread } from './percentiles';

/** Latencies of measured calls, each from the AMI message that opened the operator's leg. */
export interface CallFigures {
  /** AMI leg message → WebSocket frame with the finished lookup. */
  readonly identity: Spread;
  /** AMI leg message → first WebSocket frame of the call (ringing). */
  readonly ringing: Spread;
  /** First call frame → identity frame: the lookup as the helper runs it. */
  readonly lookupInHelper: Spread;
  /** Trunk Newchannel → the operator's leg: the PBX's own dialplan time, for context. */
  readonly pbxDialplan: Spread;
  /** Identity latency by who called. */
  readonly byKind: Readonly<Record<string, Spread>>;
  /** Calls with every step seen and the lookup finished as `done`. */
  readonly complete: number;
}

type Complete = CallSteps & {
  legAt: number;
  ringingAt: number;
  identityAt: number;
};

export function isComplete(steps: CallSteps): steps is Complete {
  return (
    steps.legAt !== undefined &&
    steps.ringingAt !== undefined &&
    steps.identityAt !== undefined &&
    steps.lookup === 'done'
  );
}

/** `kindOf` names the caller's kind (recipient, courier, …) for the breakdown. */
export function callFigures(
  calls: readonly CallSteps[],
  kindOf: (caller: string) => string,
): CallFigures {
  const done = calls.filter(isComplete);
  const identity = (s: Complete): number => s.identityAt - s.legAt;
  const byKind: Record<string, Spread> = {};
  for (const kind of new Set(done.map((s) => kindOf(s.caller)))) {
    byKind[kind] = spreadOf(done.filter((s) => kindOf(s.caller) === kind).map(identity));
  }
  return {
    identity: spreadOf(done.map(identity)),
    ringing: spreadOf(done.map((s) => s.ringingAt - s.legAt)),
    lookupInHelper: spreadOf(done.map((s) => s.identityAt - s.ringingAt)),
    pbxDialplan: spreadOf(
      done.flatMap((s) => (s.trunkAt === undefined ? [] : [s.legAt - s.trunkAt])),
    ),
    byKind,
    complete: done.length,
  };
}
