import type { AmiFields } from './ami-frame-reader';

/** When each step of one inbound call was seen, in `performance.now()` milliseconds. */
export interface CallSteps {
  readonly linkedid: string;
  readonly caller: string;
  /** The trunk channel's Newchannel: the call's first AMI message. */
  trunkAt?: number;
  /** Newchannel of the operator's phone channel: the helper opens the operator's leg here. */
  legAt?: number;
  /** DialBegin towards the operator's phone. */
  dialAt?: number;
  /** First WebSocket `call` frame for the operator's extension (state `ringing`). */
  ringingAt?: number;
  /** First `call` frame whose lookup is over; `lookup` says how it ended. */
  identityAt?: number;
  lookup?: string;
}

interface CallFrame {
  type?: string;
  call?: { callId?: string; extension?: string; state?: string; lookup?: string };
}

/**
 * Joins what the relay saw on the AMI link with what the extension-like client received,
 * by the PBX's Linkedid (the helper's callId), for calls from the trunk to one extension.
 */
export class CallTimeline {
  private readonly calls = new Map<string, CallSteps>();
  private readonly legPrefix: string;

  constructor(
    private readonly trunkPrefix: string,
    private readonly extension: string,
  ) {
    this.legPrefix = `PJSIP/${extension}-`;
  }

  onAmiFrames(frames: readonly AmiFields[], at: number): void {
    for (const frame of frames) {
      const event = frame['Event'];
      const linkedid = frame['Linkedid'];
      if (event === undefined || linkedid === undefined) continue;
      if (event === 'Newchannel' && frame['Channel']?.startsWith(this.trunkPrefix)) {
        this.calls.set(linkedid, { linkedid, caller: frame['CallerIDNum'] ?? '', trunkAt: at });
        continue;
      }
      // A stream filtered to the operator's own channels has no trunk Newchannel: the call
      // starts with the first message naming the operator's phone, which carries the caller.
      const steps = this.calls.get(linkedid) ?? this.openFromLeg(frame, linkedid);
      if (steps === undefined) continue;
      if (event === 'Newchannel' && frame['Channel']?.startsWith(this.legPrefix)) {
        steps.legAt ??= at;
      } else if (event === 'DialBegin' && frame['DestChannel']?.startsWith(this.legPrefix)) {
        steps.dialAt ??= at;
      }
    }
  }

  private openFromLeg(frame: AmiFields, linkedid: string): CallSteps | undefined {
    const leg =
      (frame['Event'] === 'Newchannel' && frame['Channel']?.startsWith(this.legPrefix)) ||
      (frame['Event'] === 'DialBegin' && frame['DestChannel']?.startsWith(this.legPrefix));
    if (!leg) return undefined;
    const caller =
      frame['Event'] === 'DialBegin' ? frame['CallerIDNum'] : frame['ConnectedLineNum'];
    const steps: CallSteps = { linkedid, caller: caller ?? '' };
    this.calls.set(linkedid, steps);
    return steps;
  }

  onWebSocketFrame(text: string, at: number): void {
    if (!text.includes('"type":"call"')) return;
    const frame = JSON.parse(text) as CallFrame;
    const call = frame.call;
    if (frame.type !== 'call' || call?.callId === undefined) return;
    if (call.extension !== this.extension) return;
    const steps = this.calls.get(call.callId);
    if (steps === undefined) return;
    steps.ringingAt ??= at;
    if (steps.identityAt === undefined && call.lookup !== 'pending') {
      steps.identityAt = at;
      steps.lookup = call.lookup;
    }
  }

  /** Every trunk call seen so far, in the order the PBX created them. */
  all(): CallSteps[] {
    return [...this.calls.values()];
  }
}
