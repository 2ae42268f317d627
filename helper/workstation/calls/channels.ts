import { channelOf, type ChannelInfo, type ChannelPrefix } from '../../ami/events';
import type { AmiFrame } from '../../ami/frame';
import { extensionOfChannel, isDeviceChannel, parseChannelName } from './channel-name';
import { joinLeg, startLeg } from './legs';
import type { ChannelRecord, TrackedCall } from './model';
import { dialledNumber, isInternalNumber } from './number-kind';
import type { TrackerState } from './tracker-state';

const STATE_DOWN = 0;
const STATE_RINGING = 5;

/**
 * Records what an event says about a channel and returns the channel, creating it (and
 * its call) the first time it is seen — whichever event that is, so events that arrive
 * out of order still build the same picture. Channels and calls that already ended are
 * not brought back by late events: undefined is returned for them.
 */
export function observeChannel(
  s: TrackerState,
  info: ChannelInfo,
  at: number,
  createdAt: number = at,
): ChannelRecord | undefined {
  const { uniqueid, linkedid } = info;
  if (uniqueid === undefined || linkedid === undefined) return undefined;
  const known = s.channels.get(uniqueid);
  if (known !== undefined) {
    refresh(s, known, info);
    return known;
  }
  if (s.endedChannels.has(uniqueid)) return undefined;
  const name = parseChannelName(info.channel);
  if (name === undefined) return undefined;
  let call = s.calls.get(linkedid);
  if (call === undefined) {
    if (s.endedCalls.has(linkedid)) return undefined;
    call = openCall(s, linkedid, createdAt);
  }
  const record: ChannelRecord = {
    uniqueid,
    linkedid,
    name,
    extension: s.config.matcher.match(name),
    state: info.state,
    callerIdNum: info.callerIdNum,
    connectedLineNum: info.connectedLineNum,
    exten: info.exten,
    bridged: false,
    superseded: false,
  };
  call.channels.set(uniqueid, record);
  s.channels.set(uniqueid, record);
  if (record.extension !== undefined) call.seenOperator = true;
  if (uniqueid === linkedid) setOriginator(s, call, record, createdAt);
  else if (record.extension !== undefined) joinOperatorChannel(s, call, record, createdAt);
  return record;
}

/** Observes the two channels an event names (e.g. the picker and the phone it picked up). */
export function observeBoth(
  s: TrackerState,
  frame: AmiFrame,
  prefixes: readonly [ChannelPrefix, ChannelPrefix],
  at: number,
): [ChannelRecord, ChannelRecord] | undefined {
  const [first, second] = prefixes.map((prefix) => {
    const info = channelOf(frame, prefix);
    return info === undefined ? undefined : observeChannel(s, info, at);
  });
  return first === undefined || second === undefined ? undefined : [first, second];
}

export function callOf(s: TrackerState, channel: ChannelRecord): TrackedCall | undefined {
  return s.calls.get(channel.linkedid);
}

export function openCall(s: TrackerState, linkedid: string, at: number): TrackedCall {
  const expected = s.expected.get(linkedid);
  const call: TrackedCall = {
    linkedid,
    startedAt: at,
    origin:
      expected !== undefined || linkedid.startsWith(s.config.clickToCallPrefix)
        ? 'click-to-call'
        : 'pbx',
    originator: undefined,
    dialled: undefined,
    expectedRemote: expected?.remote,
    farOutcome: undefined,
    farAnsweredBy: undefined,
    takerHint: undefined,
    seenOperator: false,
    channels: new Map(),
    legs: new Map(),
    earlierStarts: new Map(),
  };
  s.calls.set(linkedid, call);
  if (expected !== undefined) {
    s.expected.delete(linkedid);
    startLeg(s, call, expected.extension, 'originated', at);
  }
  return call;
}

function refresh(s: TrackerState, record: ChannelRecord, info: ChannelInfo): void {
  if (info.state !== undefined) record.state = info.state;
  if (info.callerIdNum !== undefined) record.callerIdNum = info.callerIdNum;
  if (info.exten !== undefined) record.exten = info.exten;
  if (info.connectedLineNum !== undefined) {
    record.connectedLineNum = info.connectedLineNum;
    if (record.extension !== undefined) {
      const leg = s.calls.get(record.linkedid)?.legs.get(record.extension);
      if (leg !== undefined) joinLeg(leg, record);
    }
  }
}

/**
 * The first channel decides who called. An operator's phone that starts a call in state
 * Ring dialled it itself; one that starts Down (or is found Ringing) was rung by an
 * Originate, i.e. a click-to-call, and dials the remote party once picked up.
 */
function setOriginator(
  s: TrackerState,
  call: TrackedCall,
  record: ChannelRecord,
  at: number,
): void {
  call.originator = {
    name: record.name,
    extension: record.extension,
    callerIdNum: record.callerIdNum,
    internal: isInternalNumber(extensionOfChannel(record.name)),
  };
  const extension = record.extension;
  if (extension === undefined) return;
  const existing = call.legs.get(extension);
  if (existing !== undefined) {
    joinLeg(existing, record);
    return;
  }
  const originated =
    call.origin === 'click-to-call' ||
    record.state === STATE_DOWN ||
    record.state === STATE_RINGING;
  if (originated) {
    call.origin = 'click-to-call';
    startLeg(s, call, extension, 'originated', at);
  } else {
    call.dialled ??= dialledNumber(record.exten);
    startLeg(s, call, extension, 'caller', at);
  }
}

/**
 * A later channel of one of the operator's extensions: a device channel means its phone
 * is being rung; a Local channel only joins an existing leg, since the device channel it
 * leads to (or a DialBegin towards it) is what shows the phone ringing.
 */
function joinOperatorChannel(
  s: TrackerState,
  call: TrackedCall,
  record: ChannelRecord,
  at: number,
): void {
  const extension = record.extension;
  if (extension === undefined) return;
  const leg = call.legs.get(extension);
  if (leg !== undefined) {
    joinLeg(leg, record);
    return;
  }
  if (!isDeviceChannel(record.name)) return;
  // A stream filtered to the operator's channels shows the phone's channel before anything
  // of the caller: the DialBegin towards it, a moment later, brings the calling channel and
  // opens the leg with the caller known.
  if (call.originator === undefined && record.state === STATE_DOWN) return;
  startLeg(s, call, extension, 'callee', at);
}
