import type { CallView, TransferFailure } from '../../shared/protocol';
import type { ConnectionState, DialReply, ToBackground } from '../lib/runtime-messages';

/** Requests only the extension's own pages send (the options page pairs). */
export type ShellRequest = { kind: 'pair'; code: string };

export type BackgroundRequest = ToBackground | ShellRequest;

export type OkReply = { ok: true } | { ok: false; message: string };

export type JournalReply =
  { ok: true; entries: CallView[]; hasMore: boolean } | { ok: false; message: string };

export type TransferReply = {
  ok: boolean;
  to?: string;
  reason?: TransferFailure;
  message?: string;
};

/** What the background answers to each request kind. */
export interface BackgroundReplies {
  dial: DialReply;
  /** The connection and the calls in progress, for a content script that just started. */
  'tab-ready': { connection: ConnectionState; calls: CallView[] };
  'get-state': ConnectionState;
  journal: JournalReply;
  'missed-ack': OkReply;
  transfer: TransferReply;
  'card-dismiss': OkReply;
  'demo-simulate': OkReply;
  pair: OkReply;
}

export type ReplyFor<K extends BackgroundRequest['kind']> = BackgroundReplies[K];

const KINDS: ReadonlySet<string> = new Set<keyof BackgroundReplies>([
  'dial',
  'tab-ready',
  'get-state',
  'journal',
  'missed-ack',
  'transfer',
  'card-dismiss',
  'demo-simulate',
  'pair',
]);

/** Shape check only; each handler validates its own fields. */
export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    KINDS.has((value as { kind: string }).kind)
  );
}
