import type { ClientMessageOf, ServerMessageOf } from '../../../shared/protocol';

/** Requests answered by exactly one reply frame, and that frame's type. */
export interface ReplyTypes {
  'journal.query': 'journal.page';
  'calls.query': 'calls.found';
  'missed.ack': 'ack';
  'call.hangup': 'call.control.result';
  'call.transfer': 'call.control.result';
  'call.transfer.complete': 'call.control.result';
  'call.transfer.cancel': 'call.control.result';
  'queue.pause': 'ack';
  'call.outcome': 'ack';
  'demo.simulate': 'ack';
}

export type RequestType = keyof ReplyTypes;

/** A request as callers write it; the client adds the correlation id. */
export type RequestOf<T extends RequestType> = Omit<ClientMessageOf<T>, 'id'> & { type: T };

export type ReplyOf<T extends RequestType> = ServerMessageOf<ReplyTypes[T]>;

export const REPLY_TYPES: { readonly [T in RequestType]: ReplyTypes[T] } = {
  'journal.query': 'journal.page',
  'calls.query': 'calls.found',
  'missed.ack': 'ack',
  'call.hangup': 'call.control.result',
  'call.transfer': 'call.control.result',
  'call.transfer.complete': 'call.control.result',
  'call.transfer.cancel': 'call.control.result',
  'queue.pause': 'ack',
  'call.outcome': 'ack',
  'demo.simulate': 'ack',
};

export type DialRequest = Omit<ClientMessageOf<'dial'>, 'type' | 'id'>;
export type DialProgress = ServerMessageOf<'dial.progress'>;
export type DialResult = ServerMessageOf<'dial.result'>;

/** What the helper pushes without being asked. */
export type HelperPush = ServerMessageOf<'status' | 'call' | 'missed'>;
