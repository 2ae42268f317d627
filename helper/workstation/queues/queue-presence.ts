import type { QueueMembership } from '../../../shared/protocol';
import type { AmiClient } from '../../ami/client';
import { header, type AmiFrame } from '../../ami/frame';
import type { QueuePauseRequest, QueuePausing } from '../../core/helper-api';
import { ExtensionMatcher, extensionOfChannel, parseChannelName } from '../calls/channel-name';
import { byCodeUnits } from '../../core/code-unit-order';

/** The AMI queue presence uses; `AmiClient` has it. */
export type QueueAmi = Pick<AmiClient, 'action' | 'actionList' | 'on'>;

export interface QueuePresenceOptions {
  readonly ami: QueueAmi;
  /** The operator's extensions; a queue member whose phone is one of them is the operator. */
  readonly extensions: () => readonly string[];
  /** Told every change: the memberships, or `undefined` while the PBX cannot say. */
  readonly onChange: (memberships: QueueMembership[] | undefined) => void;
  readonly onError?: (error: unknown) => void;
  readonly signal: AbortSignal;
}

/** The operator is in no queue, so there is nothing to pause. */
export class NotAQueueMemberError extends Error {
  override readonly name = 'NotAQueueMemberError';
}

interface Member extends QueueMembership {
  /** The member's interface (`Local/101@from-queue/n`, `PJSIP/101`): what QueuePause names. */
  readonly interface: string;
}

const MEMBER_EVENTS = new Set(['QueueMemberPause', 'QueueMemberAdded', 'QueueMemberRemoved']);

function memberKey(queue: string, iface: string): string {
  return `${queue}\u0000${iface}`;
}

/**
 * The operator's queues as the PBX has them, never remembered: read with QueueStatus after
 * every login (a restart, a reconnect), then kept by the PBX's QueueMemberPause, Added and
 * Removed events, so a pause made anywhere (another tool, a feature code, the console)
 * shows at once. A member is the operator's when its state interface (`PJSIP/101`), or else
 * its interface (`Local/101@from-queue/n`), is one of the operator's extensions.
 *
 * Pausing names each of the operator's member interfaces once, without a queue: the PBX
 * pauses that interface in every queue it is a member of.
 */
export class QueuePresence implements QueuePausing {
  readonly #options: QueuePresenceOptions;
  readonly #members = new Map<string, Member>();
  #known = false;
  /** Events that arrive while QueueStatus is listing, applied after its snapshot in order. */
  #held: AmiFrame[] | undefined;

  constructor(options: QueuePresenceOptions) {
    this.#options = options;
    const { ami, signal } = options;
    ami.on('ready', () => void this.refresh(), { signal });
    ami.on(
      'state',
      (change) => {
        if (change.to !== 'ready' && this.#known) {
          this.#known = false;
          this.#members.clear();
          options.onChange(undefined);
        }
      },
      { signal },
    );
    ami.on('event', (frame) => this.#onEvent(frame), { signal });
  }

  /** Reads the queues afresh from the PBX (after a login, or when the extensions change). */
  async refresh(): Promise<void> {
    this.#held = [];
    try {
      const { events } = await this.#options.ami.actionList('QueueStatus');
      this.#members.clear();
      for (const event of events) {
        if (header(event, 'Event') === 'QueueMember') this.#upsert(event, 'Location');
      }
      for (const event of this.#held) this.#apply(event);
      this.#known = true;
      this.#publish();
    } catch (error) {
      this.#options.onError?.(error);
    } finally {
      this.#held = undefined;
    }
  }

  async pause(request: QueuePauseRequest): Promise<void> {
    const interfaces = [...new Set([...this.#members.values()].map((m) => m.interface))];
    if (interfaces.length === 0) {
      throw new NotAQueueMemberError(
        `Extension(s) ${this.#options.extensions().join(', ')} are members of no queue.`,
      );
    }
    for (const iface of interfaces) {
      await this.#options.ami.action('QueuePause', {
        Interface: iface,
        Paused: request.paused ? 'true' : 'false',
        ...(request.paused && request.reason ? { Reason: request.reason } : {}),
      });
    }
  }

  #onEvent(frame: AmiFrame): void {
    if (!MEMBER_EVENTS.has(header(frame, 'Event') ?? '')) return;
    if (this.#held) {
      this.#held.push(frame);
      return;
    }
    if (!this.#known) return;
    if (this.#apply(frame)) this.#publish();
  }

  /** Applies one member event; true when it concerned one of the operator's memberships. */
  #apply(frame: AmiFrame): boolean {
    if (header(frame, 'Event') === 'QueueMemberRemoved') {
      const key = memberKey(header(frame, 'Queue') ?? '', header(frame, 'Interface') ?? '');
      return this.#members.delete(key);
    }
    return this.#upsert(frame, 'Interface');
  }

  /** Records a member from a QueueMember (`Location`) or QueueMember* event (`Interface`). */
  #upsert(frame: AmiFrame, interfaceHeader: 'Location' | 'Interface'): boolean {
    const queue = header(frame, 'Queue');
    const iface = header(frame, interfaceHeader);
    if (!queue || !iface) return false;
    const extension = this.#extensionOf(header(frame, 'StateInterface'), iface);
    if (extension === undefined) return false;
    const paused = header(frame, 'Paused') === '1';
    const reason = header(frame, 'PausedReason');
    const lastPause = Number(header(frame, 'LastPause'));
    this.#members.set(memberKey(queue, iface), {
      queue,
      extension,
      interface: iface,
      paused,
      ...(paused && reason ? { reason } : {}),
      ...(paused && lastPause > 0 ? { pausedSince: lastPause * 1000 } : {}),
    });
    return true;
  }

  #extensionOf(stateInterface: string | undefined, iface: string): string | undefined {
    const matcher = new ExtensionMatcher(this.#options.extensions());
    for (const candidate of [stateInterface, iface]) {
      const name = candidate ? parseChannelName(candidate) : undefined;
      const extension = name ? extensionOfChannel(name) : undefined;
      if (extension !== undefined && matcher.has(extension)) return extension;
    }
    return undefined;
  }

  #publish(): void {
    const memberships = [...this.#members.values()]
      .map(({ interface: _iface, ...membership }) => membership)
      // A stable order for the operator's list; queue names and extensions are dialplan
      // names and digits, and localeCompare would load ICU's collation data (see byCodeUnits).
      .sort((a, b) => byCodeUnits(a.queue, b.queue) || byCodeUnits(a.extension, b.extension));
    this.#options.onChange(memberships);
  }
}
