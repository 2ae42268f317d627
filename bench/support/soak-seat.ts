import { ExtensionClient } from '../../harness/extension/extension-client';
import {
  pairWithWorkstation,
  type WorkstationProcess,
} from '../../harness/processes/workstation-process';
import type { CallView, HelperStatus, ServerMessageOf } from '../../shared/protocol';
import { SOAK_TRANSFER } from './soak-ledger';
import { setTimeout as delay } from 'node:timers/promises';

export const SERVICE_PARTS = ['pbx', 'database', 'journal'] as const;
export type ServicePart = (typeof SERVICE_PARTS)[number];

function partUp(status: HelperStatus | undefined, part: ServicePart): boolean {
  if (!status) return false;
  if (part === 'journal') return status.journal === undefined || status.journal.state === 'ok';
  return status[part].state === 'connected';
}

const digitsOf = (call: CallView): string =>
  (call.remote.e164 ?? call.remote.dbKey ?? '').replace(/\D/g, '');

/**
 * Every view of a call a client was sent, oldest first: the calls in progress its welcome
 * carried (the cards a reconnecting extension shows again) and the `call` pushes.
 */
function viewsOf(client: ExtensionClient): CallView[] {
  return client.received.flatMap((m) =>
    m.type === 'welcome' ? m.calls : m.type === 'call' ? [m.call] : [],
  );
}

/** The helper's answer to a transfer asked from the card. */
export interface TransferReply {
  readonly ok: boolean;
  readonly reason?: string;
  /** The number the helper dialled, when it found one. */
  readonly to?: string;
}

/** Up: the PBX and the database connected, the journal (when kept) written through. */
export function statusUp(status: HelperStatus | undefined): boolean {
  return SERVICE_PARTS.every((part) => partUp(status, part));
}

/**
 * The workstation helper process and one paired client holding its socket as the
 * extension's worker does: it can lose the socket (a dropped WebSocket, a killed helper)
 * and says hello again with the same token. Every client it ever had is kept, so the
 * frames of all of them can be read at the end.
 */
export class SoakSeat {
  readonly clients: ExtensionClient[] = [];

  private constructor(
    public helper: WorkstationProcess,
    private readonly token: string,
    public client: ExtensionClient,
  ) {
    this.clients.push(client);
  }

  static async pair(helper: WorkstationProcess): Promise<SoakSeat> {
    const { token, client } = await pairWithWorkstation(helper);
    return new SoakSeat(helper, token, client);
  }

  /** Opens a fresh socket and says hello with the stored token. */
  async reconnect(): Promise<void> {
    const client = await ExtensionClient.open(this.helper.wsPort);
    await client.hello(this.token);
    this.client = client;
    this.clients.push(client);
  }

  /** Drops the socket without a closing handshake, as a worker that is stopped does. */
  dropSocket(): void {
    this.client.socket.terminate();
  }

  /** SIGKILL, then the same helper started again (same configuration, port and state). */
  async killHelper(): Promise<void> {
    await this.helper.kill();
    this.helper = await this.helper.restart();
  }

  /**
   * Polls the helper's status as the current client hears it until it is up; resolves with
   * that moment and the part that came up last. Throws after `timeoutMs`.
   */
  async waitUntilUp(timeoutMs: number): Promise<{ at: number; last: ServicePart }> {
    const upSince = new Map<ServicePart, number>();
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const status = this.client.latestStatus();
      const now = performance.now();
      for (const part of SERVICE_PARTS) {
        if (!partUp(status, part)) upSince.delete(part);
        else if (!upSince.has(part)) upSince.set(part, now);
      }
      if (statusUp(status)) {
        const [last] = [...upSince.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['pbx'];
        return { at: now, last };
      }
      if (now > deadline) {
        throw new Error(`the helper was not up within ${timeoutMs} ms: ${JSON.stringify(status)}`);
      }
      await delay(20);
    }
  }

  /** The numbers (digits) of every call a card was sent for to extension 101, over all clients. */
  cardNumbers(): Set<string> {
    const numbers = new Set<string>();
    for (const client of this.clients) {
      for (const call of viewsOf(client)) {
        const digits = digitsOf(call);
        if (call.extension === '101' && digits) numbers.add(digits);
      }
    }
    return numbers;
  }

  /**
   * The id of the call from (or to) `digits` once a card, over all clients, shows 101
   * answered it (a client that said hello after the answer has it in its welcome).
   */
  answeredCallId(digits: string): string | undefined {
    for (const client of this.clients) {
      const answered = viewsOf(client).find(
        (call) =>
          call.extension === '101' && call.state === 'answered' && digitsOf(call) === digits,
      );
      if (answered) return answered.callId;
    }
    return undefined;
  }

  /**
   * Sends the message the card's "transfer now" sends, on the current socket; resolves with
   * the helper's answer, or undefined when none comes within `timeoutMs` (the socket or the
   * helper went down meanwhile).
   */
  async transfer(
    callId: string,
    to: string,
    timeoutMs: number,
  ): Promise<TransferReply | undefined> {
    const { client } = this;
    const id = client.nextId();
    const reply = client
      .waitForNext(
        (m): m is ServerMessageOf<'call.control.result'> | ServerMessageOf<'error'> =>
          (m.type === 'call.control.result' || m.type === 'error') && m.id === id,
        timeoutMs,
      )
      .catch(() => undefined);
    try {
      client.send({ type: 'call.transfer', id, callId, extension: '101', to, ...SOAK_TRANSFER });
    } catch {
      // The socket is closing: no answer will come.
    }
    const answer = await reply;
    if (answer === undefined) return undefined;
    if (answer.type === 'error') return { ok: false, reason: answer.code };
    return {
      ok: answer.ok,
      ...(answer.reason ? { reason: answer.reason } : {}),
      ...(answer.to ? { to: answer.to } : {}),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.close()));
  }
}
