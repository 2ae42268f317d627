import type { CallView } from '../../../shared/protocol';
import { isConnectionState, type ConnectionState } from '../../lib/runtime-messages';

export interface TabReadyReply {
  calls: CallView[];
  connection?: ConnectionState;
}

function isCallLike(value: unknown): value is CallView {
  if (typeof value !== 'object' || value === null) return false;
  const call = value as Partial<CallView>;
  return (
    typeof call.callId === 'string' &&
    typeof call.state === 'string' &&
    typeof call.remote === 'object' &&
    typeof call.identity === 'object' &&
    call.identity !== null &&
    Array.isArray(call.identity.clients)
  );
}

/**
 * The background answers `tab-ready` with the calls in progress: either the
 * array itself or `{ calls, connection }`. Anything else means "none".
 */
export function readTabReadyReply(reply: unknown): TabReadyReply {
  if (Array.isArray(reply)) return { calls: reply.filter(isCallLike) };
  if (typeof reply !== 'object' || reply === null) return { calls: [] };
  const { calls, connection } = reply as { calls?: unknown; connection?: unknown };
  const result: TabReadyReply = { calls: Array.isArray(calls) ? calls.filter(isCallLike) : [] };
  if (isConnectionState(connection)) result.connection = connection;
  return result;
}
