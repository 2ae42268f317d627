/**
 * What the helper's AMI account needs, and nothing more. Read classes carry the
 * events below; write classes allow the actions the helper sends. No `system`:
 * it would let the account shut the PBX down or bypass these filters.
 */
export const READ_CLASSES: readonly { name: string; why: string }[] = [
  { name: 'call', why: 'channels, dials, bridges, transfers, pickups and originate results' },
  { name: 'dialplan', why: "VarSet: the recording's file name, doctor's probe" },
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
    why: "CoreShowChannels, Status: calls after a reconnect, whether a call goes on, a call's channels for the card's controls",
  },
  { name: 'agent', why: 'QueuePause: pausing the operator in their queues from the popup' },
];

/** Events of calls the call tracker consumes; each names its channels in `…Channel:` headers. */
export const CALL_EVENTS: readonly string[] = [
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
  // A phone picked up a call ringing another (directed pickup, FreePBX **<ext>, pickup groups).
  'Pickup',
  // Not FullyBooted: it needs the `system` read class; a successful login is the sign that
  // the PBX is up, and CoreShowChannels then tells which calls are in progress.
];

/**
 * Queue presence's events: a pause made anywhere (the popup, a phone's feature code, the PBX
 * console, another tool) and membership changes; QueueStatus, which needs no class, reads the
 * rest after a login. They name the member by `Interface` and `StateInterface`, not a channel.
 */
export const QUEUE_MEMBER_EVENTS: readonly string[] = [
  'QueueMemberPause',
  'QueueMemberAdded',
  'QueueMemberRemoved',
];

/** Every event the helper consumes; every other event is dropped by the PBX. */
export const HELPER_EVENTS: readonly string[] = [...CALL_EVENTS, ...QUEUE_MEMBER_EVENTS];

/** `VarSet` is the chattiest event: only the variables naming a call recording pass. */
export const RECORDING_VARIABLES: readonly string[] = ['MIXMONITOR_FILENAME'];

/**
 * A variable no dialplan sets, whose `VarSet` the printed filters also let through: the
 * doctor originates a probe channel carrying it and so tells this revision of the filters
 * from an older one that would drop events the helper now needs. The number goes up with
 * every change of what the filters pass (2: Pickup added, FullyBooted — never delivered
 * without the `system` class — dropped; 3: per-seat filters, the doctor's probe channels
 * named after a seat tell them from office-wide ones; 4: the queue member events of queue
 * presence added).
 */
export const FILTER_REVISION_VARIABLE = 'COURIER_EVENT_FILTER_4';

/**
 * Events Asterisk emits at every step of a call that no part of the helper reads (dialplan
 * steps, connected-line and caller-id updates, dial and hangup requests, device states,
 * Local channel optimisation, music on hold, DTMF, RTCP reports, recording start/stop;
 * TestEvent only in builds with the test framework). Asterisk 22 wakes every AMI session
 * for every event it emits, whatever the session's filters then pass, so on a PBX with many
 * seats `[general] disabledevents` with these is what cuts its AMI work per call. It is
 * PBX-wide: only where no other AMI application uses them. VarSet stays: the recording's
 * file name comes with it. Queue member events stay for the operator's queue state.
 */
export const UNUSED_CALL_EVENTS: readonly string[] = [
  'Newexten',
  'NewConnectedLine',
  'NewCallerid',
  'DialState',
  'HangupRequest',
  'SoftHangupRequest',
  'DeviceStateChange',
  'LocalBridge',
  'LocalOptimizationBegin',
  'LocalOptimizationEnd',
  'MusicOnHoldStart',
  'MusicOnHoldStop',
  'DTMFBegin',
  'DTMFEnd',
  'RTCPSent',
  'RTCPReceived',
  'MixMonitorStart',
  'MixMonitorStop',
  'TestEvent',
];
