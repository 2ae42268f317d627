/**
 * What the helper's AMI account needs, and nothing more. Read classes carry the
 * events below; write classes allow the actions the helper sends. No `system`:
 * it would let the account shut the PBX down or bypass these filters.
 */
export const READ_CLASSES: readonly { name: string; why: string }[] = [
  { name: 'call', why: 'channels, dials, bridges, transfers and originate results' },
  { name: 'dialplan', why: 'VarSet, for the recording file name only' },
  { name: 'agent', why: "queue members paused, added or removed: the operator's queue presence" },
];

export const WRITE_CLASSES: readonly { name: string; why: string }[] = [
  { name: 'originate', why: 'Originate: click-to-call' },
  {
    name: 'call',
    why: 'Hangup, BlindTransfer, Redirect, Atxfer, CancelAtxfer: hang-up and transfers from the call card',
  },
  {
    name: 'reporting',
    why: "CoreShowChannels: a call's channels for the card's controls, catching up on calls after a reconnect",
  },
  { name: 'agent', why: 'QueuePause: pausing the operator in their queues from the popup' },
];

/** Events the call tracker and the queue presence consume; every other event is dropped by the PBX. */
export const HELPER_EVENTS: readonly string[] = [
  'Newchannel',
  'Newstate',
  'DialBegin',
  'DialEnd',
  'BridgeEnter',
  'BridgeLeave',
  'Hangup',
  'OriginateResponse',
  'BlindTransfer',
  'AttendedTransfer',
  // Sent after a login and after a PBX restart: the moment to catch up on calls.
  'FullyBooted',
  // A pause made anywhere (the popup, a phone's feature code, the PBX console, another tool)
  // and membership changes; QueueStatus, which needs no class, reads the rest after a login.
  'QueueMemberPause',
  'QueueMemberAdded',
  'QueueMemberRemoved',
];

/** `VarSet` is the chattiest event: only the variables naming a call recording pass. */
export const RECORDING_VARIABLES: readonly string[] = ['MIXMONITOR_FILENAME'];
