import type { HelperStatus } from '../../../shared/protocol';
import type { ConnectionState } from '../../lib/runtime-messages';
import type { WebSocketLike } from './socket';

/** How the first frame of a connection authenticates. */
export type Greeting =
  | { kind: 'hello'; token: string }
  | { kind: 'pair'; code: string }
  | { kind: 'managed'; secret: string };

/** One WebSocket and the listeners tied to it; aborting detaches them all. */
export interface Link {
  socket: WebSocketLike;
  greeting: Greeting;
  listeners: AbortController;
}

/**
 * The client's state machine:
 * idle → opening → greeting → connected; any loss → waiting → opening;
 * a refused token or protocol version → halted until the settings change.
 */
export type Phase =
  | { name: 'idle' }
  | { name: 'opening'; link: Link }
  | { name: 'greeting'; link: Link; timer: ReturnType<typeof setTimeout> }
  | { name: 'connected'; link: Link; status: HelperStatus }
  | { name: 'waiting'; timer: ReturnType<typeof setTimeout> }
  | { name: 'halted'; state: Extract<ConnectionState, { state: 'not-paired' | 'incompatible' }> };

/** Why the last attempt failed; set until a connection succeeds. */
export interface Failure {
  reason?: string;
}

export function connectionStateOf(phase: Phase, failure: Failure | undefined): ConnectionState {
  switch (phase.name) {
    case 'connected':
      return { state: 'connected', status: phase.status };
    case 'halted':
      return phase.state;
    case 'waiting':
      return helperDown(failure);
    case 'idle':
    case 'opening':
    case 'greeting':
      return failure === undefined ? { state: 'connecting' } : helperDown(failure);
  }
}

function helperDown(failure: Failure | undefined): ConnectionState {
  return failure?.reason === undefined
    ? { state: 'helper-down' }
    : { state: 'helper-down', reason: failure.reason };
}

export function linkOf(phase: Phase): Link | undefined {
  return 'link' in phase ? phase.link : undefined;
}
