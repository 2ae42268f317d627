import type { LoggedSipMessage } from './sip-message-log';

/** What a far end or phone saw in an INVITE: the dialled number and the caller ID. */
export interface SipInvite {
  /** Request URI, e.g. `sip:+79161234567@127.0.0.1:5070`. */
  readonly requestUri: string;
  /** User part of the request URI: the dialled number. */
  readonly dialled: string;
  /** User part of From: the caller ID number. */
  readonly fromUser: string;
  /** Display name of From, without quotes; null when absent. */
  readonly fromName: string | null;
  /** User part of P-Asserted-Identity; null when the header is absent. */
  readonly assertedUser: string | null;
  readonly assertedName: string | null;
  readonly callId: string;
  readonly headers: Readonly<Record<string, string>>;
}

interface NameAddr {
  readonly user: string;
  readonly name: string | null;
}

function nameAddr(value: string): NameAddr {
  const display = /^\s*"([^"]*)"/.exec(value)?.[1] ?? /^\s*([^<"]+?)\s*</.exec(value)?.[1] ?? null;
  const user = /sips?:([^@;>]+)@/.exec(value)?.[1] ?? '';
  return { user: decodeURIComponent(user), name: display };
}

/** The calls a peer was offered: initial INVITEs, without retransmissions or re-INVITEs. */
export function receivedInvites(messages: readonly LoggedSipMessage[]): SipInvite[] {
  const seen = new Set<string>();
  const invites: SipInvite[] = [];
  for (const message of messages) {
    if (message.direction !== 'received' || !message.startLine.startsWith('INVITE ')) continue;
    if (/;\s*tag=/i.test(message.headers.to ?? '')) continue;
    const callId = message.headers['call-id'] ?? '';
    if (seen.has(callId)) continue;
    seen.add(callId);
    const requestUri = message.startLine.split(' ')[1] ?? '';
    const from = nameAddr(message.headers.from ?? '');
    const pai = message.headers['p-asserted-identity'];
    const asserted = pai === undefined ? null : nameAddr(pai);
    invites.push({
      requestUri,
      dialled: decodeURIComponent(/sips?:([^@;>]+)@/.exec(requestUri)?.[1] ?? ''),
      fromUser: from.user,
      fromName: from.name,
      assertedUser: asserted?.user ?? null,
      assertedName: asserted?.name ?? null,
      callId,
      headers: message.headers,
    });
  }
  return invites;
}
