import type { ChannelSnapshot } from '../../ami/channel-snapshot';
import { eventName } from '../../ami/events';
import type { AmiFrame } from '../../ami/frame';
import { legView } from './call-view';
import { CallsConfigError } from './errors';
import { onAttendedTransfer, onBridgeEnter, onBridgeLeave } from './handlers/bridge-events';
import { onHangup, onNewchannel, onNewstate } from './handlers/channel-events';
import { onDialBegin, onDialEnd, onPickup } from './handlers/dial-events';
import { resyncState } from './resync';
import { sweepState } from './sweep';
import { channelGone, unobservedChannels, type UnobservedChannel } from './unobserved';
import { createTrackerState, type TrackerState } from './tracker-state';
import type { CallTrackerOptions, CallUpdate, TrackedCallView } from './types';

type Handler = (s: TrackerState, frame: AmiFrame, at: number) => void;

const HANDLERS: Readonly<Record<string, Handler>> = {
  Newchannel: onNewchannel,
  Newstate: onNewstate,
  DialBegin: onDialBegin,
  DialEnd: onDialEnd,
  BridgeEnter: onBridgeEnter,
  BridgeLeave: onBridgeLeave,
  Hangup: onHangup,
  Pickup: onPickup,
  AttendedTransfer: onAttendedTransfer,
};

/** Events the tracker reads; everything else is ignored cheaply. */
export const TRACKED_EVENTS: readonly string[] = Object.keys(HANDLERS);

/**
 * Follows every call on the PBX (one logical call per Linkedid) and reports what the
 * operator's extensions go through: for each extension a state machine
 * ringing → answered | answered-elsewhere → ended (a rung phone), dialling → answered →
 * ended (a call the operator made) or ringing → dialling → answered → ended (a
 * click-to-call: the operator's phone first, then the far end). A phone that takes a call
 * it was not rung for (a pickup, an attended transfer) enters it answered; one that
 * declines a call ringing it leaves it at once.
 *
 * Pure: it is fed AMI event frames and returns the updates each one causes; it does no
 * I/O and reads time only from the `now` option.
 */
export class CallTracker {
  readonly #state: TrackerState;
  readonly #now: () => number;

  constructor(options: CallTrackerOptions) {
    this.#state = createTrackerState(options);
    this.#now = options.now ?? Date.now;
  }

  get extensions(): readonly string[] {
    return this.#state.config.matcher.list;
  }

  /** Feeds one AMI event; returns the updates it caused, in order. */
  handle(frame: AmiFrame): CallUpdate[] {
    const name = eventName(frame);
    const handler = name === undefined ? undefined : HANDLERS[name];
    if (handler === undefined) return [];
    handler(this.#state, frame, this.#now());
    return this.#state.out.splice(0);
  }

  /** Reconciles with a `CoreShowChannels` listing taken after a reconnect. */
  resync(snapshots: readonly ChannelSnapshot[]): CallUpdate[] {
    return resyncState(this.#state, snapshots, this.#now());
  }

  /** Ends calls past the maximum age and trims memory; call it periodically. */
  sweep(): CallUpdate[] {
    return sweepState(this.#state, this.#now());
  }

  /** Channels of calls the operator took part in whose end the PBX must be asked about. */
  unobserved(): UnobservedChannel[] {
    return unobservedChannels(this.#state);
  }

  /** The PBX says this channel no longer exists (see `unobserved`). */
  channelGone(uniqueid: string): CallUpdate[] {
    return channelGone(this.#state, uniqueid, this.#now());
  }

  /**
   * Announces a click-to-call before its Originate is sent, so the call is tied to the
   * operator's extension and the number being called from its very first event.
   */
  expectOriginate(channelId: string, extension: string, remote: string): void {
    if (!this.#state.config.matcher.has(extension)) {
      throw new CallsConfigError(
        'extension',
        `${extension} is not one of the operator's extensions (${this.extensions.join(', ')})`,
      );
    }
    this.#state.expected.set(channelId, { channelId, extension, remote, at: this.#now() });
  }

  /** The calls in progress, one view per extension taking part. */
  active(): TrackedCallView[] {
    const views: TrackedCallView[] = [];
    for (const call of this.#state.calls.values()) {
      for (const leg of call.legs.values()) views.push(legView(this.#state.config, call, leg));
    }
    return views;
  }

  /** How much the tracker holds, for diagnostics and memory tests. */
  size(): { calls: number; channels: number; bridges: number } {
    const s = this.#state;
    return { calls: s.calls.size, channels: s.channels.size, bridges: s.bridges.size };
  }
}
