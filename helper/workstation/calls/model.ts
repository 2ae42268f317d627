import type { CallState, PartyNumber } from '../../../shared/protocol';
import type { ChannelName } from './channel-name';
import type { AttemptOutcome } from './outcome';

/** One live channel of a tracked call. */
export interface ChannelRecord {
  readonly uniqueid: string;
  /**
   * The call the channel belongs to now. Asterisk changes a channel's Linkedid when it joins
   * another call (a pickup, an attended transfer), and so does the tracker (see join.ts).
   */
  linkedid: string;
  readonly name: ChannelName;
  /** The operator's extension this channel belongs to (directly or via Local), if any. */
  readonly extension: string | undefined;
  /** Asterisk channel state: 0 Down, 4 Ring, 5 Ringing, 6 Up. */
  state: number | undefined;
  callerIdNum: string | undefined;
  connectedLineNum: string | undefined;
  exten: string | undefined;
  bridged: boolean;
  /**
   * The call was taken elsewhere while this channel rang for its extension: a late answer on
   * it (a phone that picked up in the same instant, a Local chain another phone picked up
   * through) is no answer by that extension.
   */
  superseded: boolean;
}

/**
 * How an extension takes part in a call:
 * - `callee`: its phone is rung by someone (trunk, another phone, a queue);
 * - `caller`: the operator dialled from that phone;
 * - `originated`: the PBX rang that phone first on request (click-to-call) and dials the
 *   remote party once it answers.
 */
export type LegRole = 'callee' | 'caller' | 'originated';

/** One extension's view of a call, until it ends. */
export interface Leg {
  readonly extension: string;
  role: LegRole;
  /** Never `ended`: an ended leg is removed from its call. */
  state: Exclude<CallState, 'ended'>;
  readonly startedAt: number;
  answeredAt: number | undefined;
  /** How ringing this extension's phone went, when it did not simply get answered. */
  ownOutcome: AttemptOutcome | undefined;
  /** The extension (or phone) that took the call, for `answered-elsewhere` and internal calls. */
  answeredBy: string | undefined;
  /** The caller's number as this extension's phone channel reports it (ConnectedLineNum). */
  peerHint: string | undefined;
  /** Live channels of this extension in the call (device and Local). */
  readonly channels: Set<string>;
}

/** A click-to-call announced before its Originate is sent. */
export interface ExpectedOriginate {
  readonly channelId: string;
  readonly extension: string;
  /** The number the outbound context dials, as sent in `Exten`. */
  readonly remote: string;
  readonly at: number;
}

/** The channel that started the call (its Uniqueid is the call's Linkedid). */
export interface Originator {
  readonly name: ChannelName;
  readonly extension: string | undefined;
  readonly callerIdNum: string | undefined;
  /** A phone or Local channel whose number is an internal extension. */
  readonly internal: boolean;
}

/** One logical call: every channel sharing a Linkedid. */
export interface TrackedCall {
  readonly linkedid: string;
  readonly startedAt: number;
  origin: 'pbx' | 'click-to-call';
  originator: Originator | undefined;
  /** What the calling side dialled (for calls made by an operator's phone or originated). */
  dialled: string | undefined;
  /** The remote party of an originated call, when announced by expectOriginate(). */
  expectedRemote: string | undefined;
  /** How the far end of an outgoing call went, when it did not answer. */
  farOutcome: AttemptOutcome | undefined;
  farAnsweredBy: string | undefined;
  /**
   * The phone that took the call, as the calling channel's connected line named it when the
   * PBX stopped ringing one of the operator's phones (its DialEnd `CANCEL`): the one word a
   * stream filtered to the operator's own channels has on who won a ring group or queue.
   */
  takerHint: string | undefined;
  /** Whether one of the operator's channels ever took part (see CallTracker.unobserved). */
  seenOperator: boolean;
  readonly channels: Map<string, ChannelRecord>;
  readonly legs: Map<string, Leg>;
  /**
   * When the legs that ended while the call went on (declined, transferred away) had started:
   * an extension rung again for the same call (a queue's next round) keeps its first start.
   */
  readonly earlierStarts: Map<string, number>;
}

export type PartyNumberOf = (raw: string) => PartyNumber;
