import type { CallView, HelperStatus, ServerMessageOf } from '../../shared/protocol';

/**
 * Messages between the extension's own pages/content scripts and its
 * background worker (browser.runtime messaging). Web pages cannot reach this
 * channel: the manifest declares no `externally_connectable`.
 */

export type DialSource = 'link' | 'popup' | 'context-menu' | 'journal' | 'card';

/** Content script / popup → background. */
export type ToBackground =
  | { kind: 'dial'; number: string; source: DialSource }
  | { kind: 'tab-ready' }
  | { kind: 'get-state' }
  | { kind: 'journal'; missedOnly?: boolean; search?: string; before?: number }
  | { kind: 'missed-ack'; callIds: string[] }
  | { kind: 'transfer'; callId: string; target: 'courier' | 'manager'; courierCode?: string }
  | { kind: 'card-dismiss'; callId: string }
  | {
      kind: 'demo-simulate';
      number: string;
      scenario: 'answer' | 'no-answer' | 'answered-elsewhere';
    };

export type DialUpdate =
  ServerMessageOf<'dial.progress'> | ServerMessageOf<'dial.result'> | ServerMessageOf<'error'>;

export type ConnectionState =
  | { state: 'connected'; status: HelperStatus }
  | { state: 'connecting' }
  | { state: 'helper-down'; reason?: string }
  | { state: 'not-paired' }
  | { state: 'incompatible'; reason: string };

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
