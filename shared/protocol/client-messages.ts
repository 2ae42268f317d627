import * as v from 'valibot';
import {
  CallHangupMessage,
  CallTransferCancelMessage,
  CallTransferCompleteMessage,
  CallTransferMessage,
} from './call-control';
import {
  hasNoControlCharacters,
  type MessageOf,
  messageTypes,
  RawNumber,
  RequestId,
} from './common';
import { JournalQueryMessage } from './journal';
import { OutcomeMessage } from './outcome';
import { QueuePauseMessage } from './queue-presence';

/**
 * Extension → helper. Objects are strict: an unexpected key is a malformed
 * message, because these frames reach the PBX.
 */

const ClientInfo = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(64)),
  version: v.pipe(v.string(), v.maxLength(32)),
  browser: v.pipe(v.string(), v.maxLength(32)),
});

/** First frame of a paired extension: proves it holds the pairing token. */
export const HelloMessage = v.strictObject({
  type: v.literal('hello'),
  v: v.number(),
  token: v.pipe(v.string(), v.minLength(16), v.maxLength(256)),
  client: ClientInfo,
});

/** First frame of an unpaired extension: the short code `helper pair` shows. */
export const PairMessage = v.strictObject({
  type: v.literal('pair'),
  v: v.number(),
  code: v.pipe(v.string(), v.regex(/^[0-9A-Za-z-]{4,16}$/)),
  client: ClientInfo,
});

/**
 * First frame of an extension the office's browser policy gave the managed-pairing secret:
 * proves it holds the secret without sending it. See `managedPairingText`.
 */
export const PairManagedMessage = v.strictObject({
  type: v.literal('pair.managed'),
  v: v.number(),
  /** The extension's clock when it signed, ms since the epoch. */
  issuedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  nonce: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
  /** HMAC-SHA-256 of `managedPairingText(...)` under the secret, lower-case hex. */
  proof: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  client: ClientInfo,
});

/**
 * What a managed-pairing proof signs. The origin is the one the browser puts in the
 * WebSocket's Origin header, so a proof made for one extension is useless to another, and
 * the time and nonce make a seen proof useless again.
 */
export function managedPairingText(origin: string, issuedAt: number, nonce: string): string {
  return `courier-telephony managed pairing\n${origin}\n${issuedAt}\n${nonce}`;
}

export const DialMessage = v.strictObject({
  type: v.literal('dial'),
  id: RequestId,
  /** Control characters are refused outright: this text is on its way to the PBX. */
  number: v.pipe(RawNumber, v.check(hasNoControlCharacters, 'must not contain control characters')),
  /** Which of the operator's extensions rings first; the first one by default. */
  extension: v.optional(v.pipe(v.string(), v.regex(/^\d{2,6}$/))),
  source: v.picklist(['link', 'popup', 'context-menu', 'journal', 'card']),
});

/** Marks missed calls as seen (called back or dismissed). */
export const MissedAckMessage = v.strictObject({
  type: v.literal('missed.ack'),
  id: RequestId,
  callIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(128))), v.maxLength(500)),
});

/** Largest number of calls one `calls.query` asks about: more cards than any tab shows. */
export const MAX_QUERIED_CALLS = 50;

/**
 * Asks how calls stand now: a reconnecting extension still shows cards of calls it heard
 * nothing of while it was away (its worker was stopped), and learns from the answer
 * (`calls.found`) which are still going on and how the others ended.
 */
export const CallsQueryMessage = v.strictObject({
  type: v.literal('calls.query'),
  id: RequestId,
  callIds: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(128))),
    v.minLength(1),
    v.maxLength(MAX_QUERIED_CALLS),
  ),
});

export const PingMessage = v.strictObject({
  type: v.literal('ping'),
  t: v.number(),
});

/** Demo mode only: the helper refuses it when connected to a real PBX. */
export const SimulateCallMessage = v.strictObject({
  type: v.literal('demo.simulate'),
  id: RequestId,
  number: RawNumber,
  scenario: v.picklist(['answer', 'no-answer', 'answered-elsewhere']),
});

export const ClientMessage = v.variant('type', [
  HelloMessage,
  PairMessage,
  PairManagedMessage,
  DialMessage,
  JournalQueryMessage,
  MissedAckMessage,
  CallsQueryMessage,
  CallHangupMessage,
  CallTransferMessage,
  CallTransferCompleteMessage,
  CallTransferCancelMessage,
  QueuePauseMessage,
  OutcomeMessage,
  PingMessage,
  SimulateCallMessage,
]);
export type ClientMessage = v.InferOutput<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];
export type ClientMessageOf<T extends ClientMessageType> = MessageOf<ClientMessage, T>;
export const CLIENT_MESSAGE_TYPES = messageTypes(ClientMessage);
