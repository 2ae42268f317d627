import type {
  HelperStatus,
  JournalState,
  QueueMembership,
  ServiceState,
} from '../../../shared/protocol';
import type { JournalHealth } from '../../journal/durable-journal';
import type { CallHub } from './call-hub';

function plural(count: number): string {
  return count === 1 ? '1 call' : `${count} calls`;
}

/**
 * The journal's health as the extension shows it. The reason names what is wrong in
 * words for IT; `scrub` removes any configured secret a database message might repeat.
 */
export function journalState(health: JournalHealth, scrub: (text: string) => string): JournalState {
  const detail = health.reason === undefined ? '' : `: ${scrub(health.reason)}`;
  if (health.spool !== 'ok') {
    const where = health.spool === 'reserve' ? "on the spool's reserve" : "in the helper's memory";
    return {
      state: 'disk-full',
      pending: health.pending,
      reason:
        `The disk of the journal spool is full; ${plural(health.pending)} kept ${where} until there is room${detail}`.slice(
          0,
          512,
        ),
    };
  }
  if (health.database === 'waiting') {
    return {
      state: 'waiting',
      pending: health.pending,
      reason:
        `The journal database cannot be written; ${plural(health.pending)} wait in the spool${detail}`.slice(
          0,
          512,
        ),
    };
  }
  return { state: 'ok', pending: 0 };
}

type Service = 'pbx' | 'database';

/**
 * The helper's health as the extension shows it. Changes are pushed only when
 * something the operator would see changed, so flapping timers stay quiet.
 */
export class StatusBoard {
  private status: HelperStatus;

  constructor(
    initial: Omit<HelperStatus, 'missedCount'>,
    private readonly onChange: (status: HelperStatus) => void,
    private readonly missedCount: () => number,
  ) {
    this.status = { ...initial, missedCount: 0 };
  }

  /** A board whose changes the hub pushes to the extension, counting the hub's missed calls. */
  static pushedBy(
    hub: Pick<CallHub, 'broadcast' | 'missedCount'>,
    initial: Omit<HelperStatus, 'missedCount'>,
  ): StatusBoard {
    return new StatusBoard(
      initial,
      (status) => hub.broadcast({ type: 'status', status }),
      () => hub.missedCount(),
    );
  }

  get(): HelperStatus {
    return { ...this.status, missedCount: this.missedCount() };
  }

  set(service: Service, state: ServiceState['state'], reason?: string): void {
    const current = this.status[service];
    if (current.state === state && current.reason === reason) return;
    this.status = {
      ...this.status,
      [service]: { state, ...(reason ? { reason } : {}), since: Date.now() },
    };
    this.onChange(this.get());
  }

  /** The operator's queues as the PBX reports them; `undefined` while it cannot say. */
  setQueues(queues: QueueMembership[] | undefined): void {
    if (JSON.stringify(queues) === JSON.stringify(this.status.queues)) return;
    const { queues: _previous, ...rest } = this.status;
    this.status = queues === undefined ? rest : { ...rest, queues };
    this.onChange(this.get());
  }

  /** The journal's state; pushed when it changes. */
  setJournal(journal: JournalState): void {
    const current = this.status.journal;
    if (
      current?.state === journal.state &&
      current.pending === journal.pending &&
      current.reason === journal.reason
    ) {
      return;
    }
    this.status = { ...this.status, journal: { ...journal, since: Date.now() } };
    this.onChange(this.get());
  }

  setExtensions(extensions: string[], user?: string): void {
    this.status = { ...this.status, operator: { extensions, ...(user ? { user } : {}) } };
    this.onChange(this.get());
  }
}
