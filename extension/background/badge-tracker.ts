import type { ConnectionState } from '../lib/runtime-messages';
import { badgeView, type BadgeFacts, type BadgeView } from './badge';

/**
 * Keeps the badge in step with the connection, the helper's unseen missed calls (from the
 * status on connect, then each `missed` push) and whether the operator's queue is paused.
 */
export class BadgeTracker {
  #connection: ConnectionState = { state: 'connecting' };
  #facts: BadgeFacts = { missed: 0, paused: false };
  #painting: Promise<void> = Promise.resolve();

  constructor(private readonly paint: (view: BadgeView) => Promise<void>) {}

  connectionChanged(connection: ConnectionState): void {
    this.#connection = connection;
    if (connection.state === 'connected') {
      const { missedCount, queues } = connection.status;
      // The pause as the PBX reports it in the helper's status, wherever it was made.
      const paused = queues?.some((queue) => queue.paused) === true;
      this.#facts = { ...this.#facts, missed: missedCount, paused };
    }
    this.repaint();
  }

  missedChanged(count: number): void {
    this.#facts = { ...this.#facts, missed: count };
    this.repaint();
  }

  pausedChanged(paused: boolean): void {
    this.#facts = { ...this.#facts, paused };
    this.repaint();
  }

  /** Paints in order, so a slow paint never overwrites a newer one. */
  repaint(): Promise<void> {
    const view = badgeView(this.#connection, this.#facts);
    this.#painting = this.#painting.then(() => this.paint(view)).catch(() => {});
    return this.#painting;
  }
}
