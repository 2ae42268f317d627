/**
 * What the helper's AMI account needs, and nothing more. Read classes carry the
 * events below; write classes allow the actions the helper sends. No `system`:
 * it would let the account shut the PBX down or bypass these filters.
 */
export const READ_CLASSES: readonly string[] = ['call', 'dialplan'];

export const WRITE_CLASSES: readonly { name: string; why: string }[] = [
  { name: 'originate', why: 'Originate: click-to-call' },
  { name: 'call', why: 'Hangup, Redirect, BlindTransfer: transfers from the call card' },
  { name: 'reporting', why: 'CoreShowChannels: catching up on calls after a reconnect' },
];

/** Events the call tracker consumes; every other event is dropped by the PBX. */
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
];

/** `VarSet` is the chattiest event: only the variables naming a call recording pass. */
export const RECORDING_VARIABLES: readonly string[] = ['MIXMONITOR_FILENAME'];
