import type { ConnectionState } from '../lib/runtime-messages';
import { badgeView, type BadgeView } from './badge';

/**
 * Keeps the badge in step with the connection and the helper's unseen missed
 * calls (from the status on connect, then each `missed` push).
 */
export class BadgeTracker {
  #connection: ConnectionState = { state: 'connecting' };
  #missed = 0;
  #painting: Promise<void> = Promise.resolve();

  constructor(private readonly paint: (view: BadgeView) => Promise<void>) {}

  connectionChanged(connection: ConnectionState): void {
    this.#connection = connection;
    if (connection.state === 'connected') this.#missed = connection.status.missedCount;
    this.repaint();
  }

  missedChanged(count: number): void {
    this.#missed = count;
    this.repaint();
  }

  /** Paints in order, so a slow paint never overwrites a newer one. */
  repaint(): Promise<void> {
    const view = badgeView(this.#connection, this.#missed);
    this.#painting = this.#painting.then(() => this.paint(view)).catch(() => {});
    return this.#painting;
  }
}
