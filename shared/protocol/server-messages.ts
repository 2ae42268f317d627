import * as v from 'valibot';
import {
  Extension,
  type MessageOf,
  messageTypes,
  PartyNumber,
  RequestId,
  Timestamp,
} from './common';
import { CallView } from './call';
import { CallControlResultMessage } from './call-control';
import { ErrorCode } from './errors';
import { QueueMembership } from './queue-presence';
import { OutcomeSettings } from './outcome';

/** Helper → extension. Unknown keys are stripped so a newer helper stays readable. */

const ServiceState = v.object({
  state: v.picklist(['connected', 'connecting', 'down', 'auth-failed', 'not-configured']),
  /** Human-readable, never containing a secret. */
  reason: v.optional(v.pipe(v.string(), v.maxLength(512))),
  since: v.optional(Timestamp),
});
export type ServiceState = v.InferOutput<typeof ServiceState>;

/**
 * The call journal, when the helper keeps one: `waiting` while its database cannot be
 * written (the calls are safe in the spool), `disk-full` while the spool cannot be written
 * (the calls are kept on the spool's reserve or in memory until there is room).
 */
const JournalState = v.object({
  state: v.picklist(['ok', 'waiting', 'disk-full']),
  /** Calls not yet in the database. */
  pending: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Human-readable, never containing a secret. */
  reason: v.optional(v.pipe(v.string(), v.maxLength(512))),
  since: v.optional(Timestamp),
});
export type JournalState = v.InferOutput<typeof JournalState>;

export const HelperStatus = v.object({
  helperVersion: v.pipe(v.string(), v.maxLength(32)),
  pbx: ServiceState,
  database: ServiceState,
  /** Absent when the helper keeps no journal of its own. */
  journal: v.optional(JournalState),
  operator: v.object({
    extensions: v.array(Extension),
    user: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  demo: v.boolean(),
  /**
   * The operator's queues as the PBX reports them; absent while unknown (no PBX, not read
   * yet), empty when the operator is in no queue.
   */
  queues: v.optional(v.array(QueueMembership)),
  missedCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** What the card offers to note on a call; absent from helpers that take no outcomes. */
  outcomes: v.optional(OutcomeSettings),
});
export type HelperStatus = v.InferOutput<typeof HelperStatus>;

export const WelcomeMessage = v.object({
  type: v.literal('welcome'),
  v: v.number(),
  status: HelperStatus,
  /** Calls in progress right now, so a reconnecting extension shows their cards. */
  calls: v.array(CallView),
});

export const PairedMessage = v.object({
  type: v.literal('paired'),
  v: v.number(),
  /** Long-lived token the extension stores and sends in every `hello`. */
  token: v.pipe(v.string(), v.minLength(16), v.maxLength(256)),
  status: HelperStatus,
});

export const StatusMessage = v.object({
  type: v.literal('status'),
  status: HelperStatus,
});

export const DialStage = v.picklist(['accepted', 'ringing-you', 'dialling', 'connected', 'ended']);
export type DialStage = v.InferOutput<typeof DialStage>;

export const DialProgressMessage = v.object({
  type: v.literal('dial.progress'),
  id: RequestId,
  stage: DialStage,
  extension: Extension,
  remote: PartyNumber,
  callId: v.optional(v.pipe(v.string(), v.maxLength(128))),
});

export const DialOutcome = v.picklist([
  'connected',
  'busy',
  'no-answer',
  'failed',
  'pbx-refused',
  'pbx-unavailable',
  'invalid-number',
]);
export type DialOutcome = v.InferOutput<typeof DialOutcome>;

export const DialResultMessage = v.object({
  type: v.literal('dial.result'),
  id: RequestId,
  ok: v.boolean(),
  outcome: DialOutcome,
  /** `you`: the operator's own phone did not pick up; `remote`: the far end. */
  leg: v.optional(v.picklist(['you', 'remote'])),
  message: v.optional(v.pipe(v.string(), v.maxLength(512))),
});

export const CallMessage = v.object({
  type: v.literal('call'),
  call: CallView,
});

export const JournalPageMessage = v.object({
  type: v.literal('journal.page'),
  id: RequestId,
  entries: v.array(CallView),
  hasMore: v.boolean(),
});

/**
 * The answer to `calls.query`: the helper's latest view of each asked call it still knows,
 * in progress or ended (with its result). A call it does not know (it ended before the
 * helper's memory of recent calls reaches, or before a helper restart) is left out.
 */
export const CallsFoundMessage = v.object({
  type: v.literal('calls.found'),
  id: RequestId,
  calls: v.array(CallView),
});

export const MissedMessage = v.object({
  type: v.literal('missed'),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const AckMessage = v.object({
  type: v.literal('ack'),
  id: RequestId,
});

export const PongMessage = v.object({
  type: v.literal('pong'),
  t: v.number(),
});

export const ErrorMessage = v.object({
  type: v.literal('error'),
  id: v.optional(RequestId),
  code: ErrorCode,
  message: v.pipe(v.string(), v.maxLength(1024)),
});

export const ServerMessage = v.variant('type', [
  WelcomeMessage,
  PairedMessage,
  StatusMessage,
  DialProgressMessage,
  DialResultMessage,
  CallMessage,
  JournalPageMessage,
  CallsFoundMessage,
  MissedMessage,
  CallControlResultMessage,
  AckMessage,
  PongMessage,
  ErrorMessage,
]);
export type ServerMessage = v.InferOutput<typeof ServerMessage>;
export type ServerMessageType = ServerMessage['type'];
export type ServerMessageOf<T extends ServerMessageType> = MessageOf<ServerMessage, T>;
export const SERVER_MESSAGE_TYPES = messageTypes(ServerMessage);
