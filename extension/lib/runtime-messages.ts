import type {
  CallControlFailure,
  CallView,
  ClientMessageOf,
  HelperStatus,
  JournalCursor,
  ServerMessageOf,
  TransferMode,
  TransferTarget,
} from '../../shared/protocol';

/**
 * Messages between the extension's own pages/content scripts and its
 * background worker (browser.runtime messaging). Web pages cannot reach this
 * channel: the manifest declares no `externally_connectable`.
 */

export type DialSource = 'link' | 'popup' | 'context-menu' | 'journal' | 'card';

/** Content script / popup → background. */
export type ToBackground =
  | { kind: 'dial'; number: string; source: DialSource }
  /** `shown`: the calls the tab still shows as not ended, for a worker that has not heard of them. */
  | { kind: 'tab-ready'; shown?: CallView[] }
  | { kind: 'get-state' }
  | ({ kind: 'journal' } & JournalFilter)
  | { kind: 'missed-ack'; callIds: string[] }
  | CallControlRequest
  | { kind: 'queue-pause'; paused: boolean; reason?: string }
  | { kind: 'card-dismiss'; callId: string }
  | ({ kind: 'call-outcome' } & OutcomeNote)
  | {
      kind: 'demo-simulate';
      number: string;
      scenario: 'answer' | 'no-answer' | 'answered-elsewhere';
    };

/** A card's hang-up or transfer of the operator's call on `extension`. */
export type CallControlAction = { callId: string; extension: string } & (
  | { action: 'hangup' | 'complete' | 'cancel' }
  | { action: 'transfer'; to: string; target: TransferTarget; mode: TransferMode }
);
export type CallControlRequest = { kind: 'call-control' } & CallControlAction;
/** What the popup's journal asks for: one page of calls. */
export interface JournalFilter {
  missedOnly?: boolean;
  search?: string;
  from?: number;
  to?: number;
  /** The last call of the page before. */
  cursor?: JournalCursor;
}

/** What the operator noted on a call from its card (the helper's `call.outcome`). */
export type OutcomeNote = Omit<ClientMessageOf<'call.outcome'>, 'type' | 'id'>;

/** Why an outcome was not saved, for the card to say in the operator's language. */
export type OutcomeFailure = 'not-connected' | 'too-late' | 'not-found' | 'refused';

export type OutcomeReply = { ok: true } | { ok: false; reason: OutcomeFailure; message: string };

export type DialUpdate =
  ServerMessageOf<'dial.progress'> | ServerMessageOf<'dial.result'> | ServerMessageOf<'error'>;

export type ConnectionState =
  | { state: 'connected'; status: HelperStatus }
  | { state: 'connecting' }
  | { state: 'helper-down'; reason?: string }
  | { state: 'not-paired'; reason?: string }
  | { state: 'incompatible'; reason: string };

/** Whether an answer from the background has the shape of a `ConnectionState`. */
export function isConnectionState(value: unknown): value is ConnectionState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { state?: unknown }).state === 'string'
  );
}

/** Background → content scripts / popup. */
export type FromBackground =
  | { kind: 'dial-update'; requestId: string; update: DialUpdate }
  | { kind: 'call'; call: CallView }
  | { kind: 'connection'; connection: ConnectionState }
  | { kind: 'card-dismissed'; callId: string }
  /** The keyboard shortcut was pressed: the focused frame dials the number at its selection or caret. */
  | { kind: 'dial-at-caret' };

export type DialReply =
  | { accepted: true; requestId: string }
  | { accepted: false; reason: 'busy' | 'invalid-number' | 'not-connected' | 'not-paired' };

/** Requests only the extension's own pages send (the options page pairs). */
export type ShellRequest = { kind: 'pair'; code: string };

export type BackgroundRequest = ToBackground | ShellRequest;

export type OkReply = { ok: true } | { ok: false; message: string };

export type JournalReply =
  { ok: true; entries: CallView[]; hasMore: boolean } | { ok: false; message: string };

/** How a card's hang-up or transfer went; `message` is set when the helper could not be asked. */
export type CallControlReply = {
  ok: boolean;
  to?: string;
  reason?: CallControlFailure;
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
  'call-control': CallControlReply;
  'queue-pause': OkReply;
  'card-dismiss': OkReply;
  'call-outcome': OutcomeReply;
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
  'call-control',
  'queue-pause',
  'card-dismiss',
  'call-outcome',
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

/**
 * The port each cabinet tab's content script keeps open to the background worker. When
 * the browser stops the worker the port disconnects, and connecting again starts it.
 */
export const WORKER_LINK_PORT = 'cabinet-tab';
