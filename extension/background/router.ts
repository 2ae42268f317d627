import * as v from 'valibot';
import { CallView, MAX_QUERIED_CALLS } from '../../shared/protocol';
import type { CallControlRequest, ConnectionState, DialSource } from '../lib/runtime-messages';
import type { DialAudience } from './dial-coordinator';
import type {
  BackgroundRequest,
  BackgroundReplies,
  JournalFilter,
  OkReply,
  OutcomeNote,
} from '../lib/runtime-messages';
import { TOP_FRAME, type SenderKind } from './sender-policy';

/** What the router needs from the rest of the background; each piece is tested on its own. */
export interface RouterDeps {
  connection: () => ConnectionState;
  dial: (
    number: string,
    source: DialSource,
    audience: DialAudience,
  ) => Promise<BackgroundReplies['dial']>;
  journal: (query: JournalFilter) => Promise<BackgroundReplies['journal']>;
  ackMissed: (callIds: string[]) => Promise<OkReply>;
  callControl: (request: CallControlRequest) => Promise<BackgroundReplies['call-control']>;
  pauseQueues: (paused: boolean, reason: string | undefined) => Promise<OkReply>;
  noteOutcome: (note: OutcomeNote) => Promise<BackgroundReplies['call-outcome']>;
  simulate: (
    number: string,
    scenario: 'answer' | 'no-answer' | 'answered-elsewhere',
  ) => Promise<OkReply>;
  pair: (code: string) => Promise<OkReply>;
  dismissCard: (callId: string) => Promise<void>;
  /**
   * Registers a freshly loaded cabinet tab for call updates, with the calls it still shows
   * as not ended; returns the calls to show it now.
   */
  tabReady: (tabId: number, shown: CallView[]) => Promise<CallView[]>;
}

/** Dial sources each kind of sender may claim; the context menu dials from the background itself. */
const DIAL_SOURCES: Record<'extension-page' | 'content-script', ReadonlySet<DialSource>> = {
  'extension-page': new Set(['popup', 'journal']),
  'content-script': new Set(['link', 'card']),
};

/** Kinds a content script may send; everything else is for the extension's own pages. */
const CONTENT_SCRIPT_KINDS: ReadonlySet<BackgroundRequest['kind']> = new Set([
  'dial',
  'tab-ready',
  'get-state',
  'call-control',
  'card-dismiss',
  'missed-ack',
  'call-outcome',
]);

const CONTROL_ACTIONS: ReadonlySet<string> = new Set(['hangup', 'transfer', 'complete', 'cancel']);

/** Shape check of a card's request; the helper validates the values again. */
function isCallControl(request: CallControlRequest): boolean {
  const strings = [request.callId, request.extension];
  if (request.action === 'transfer') strings.push(request.to, request.target, request.mode);
  return CONTROL_ACTIONS.has(request.action) && strings.every((s) => typeof s === 'string');
}

/** The calls a tab says it shows, each checked as the protocol checks the helper's views. */
function shownCalls(shown: unknown): CallView[] {
  if (!Array.isArray(shown)) return [];
  return shown.filter((call) => v.is(CallView, call)).slice(0, MAX_QUERIED_CALLS);
}

/**
 * Answers runtime messages from the extension's pages and content scripts.
 * Returns `undefined` (no answer) for anything from a foreign sender or a
 * request its sender may not make, so nothing outside the extension can dial,
 * pair or read the journal through this channel.
 */
export async function routeRequest(
  request: BackgroundRequest,
  sender: SenderKind,
  deps: RouterDeps,
): Promise<BackgroundReplies[BackgroundRequest['kind']] | undefined> {
  if (sender.kind === 'foreign') return undefined;
  if (sender.kind === 'content-script' && !CONTENT_SCRIPT_KINDS.has(request.kind)) return undefined;
  switch (request.kind) {
    case 'dial': {
      if (typeof request.number !== 'string' || !DIAL_SOURCES[sender.kind].has(request.source)) {
        return undefined;
      }
      const audience: DialAudience =
        sender.kind === 'content-script'
          ? { kind: 'tab', tabId: sender.tabId, frameId: sender.frameId }
          : { kind: 'extension-pages' };
      return deps.dial(request.number, request.source, audience);
    }
    case 'tab-ready':
      // Cards and their updates are the tab's, shown in its top frame; an embedded frame
      // saying it is ready is not registered again for them.
      return {
        connection: deps.connection(),
        calls:
          sender.kind === 'content-script' && sender.frameId === TOP_FRAME
            ? await deps.tabReady(sender.tabId, shownCalls(request.shown))
            : [],
      };
    case 'get-state':
      return deps.connection();
    case 'journal': {
      const { kind: _kind, ...filter } = request;
      return deps.journal(filter);
    }
    case 'missed-ack':
      return Array.isArray(request.callIds) ? deps.ackMissed(request.callIds) : undefined;
    case 'call-control':
      return isCallControl(request) ? deps.callControl(request) : undefined;
    case 'queue-pause':
      if (typeof request.paused !== 'boolean') return undefined;
      return deps.pauseQueues(
        request.paused,
        typeof request.reason === 'string' ? request.reason : undefined,
      );
    case 'card-dismiss':
      await deps.dismissCard(request.callId);
      return { ok: true };
    case 'call-outcome': {
      const { kind: _kind, ...note } = request;
      return deps.noteOutcome(note);
    }
    case 'demo-simulate':
      return deps.simulate(request.number, request.scenario);
    case 'pair':
      return typeof request.code === 'string' ? deps.pair(request.code) : undefined;
  }
}
