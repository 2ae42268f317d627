/**
 * Pings the helper on a fixed period while connected. Chromium keeps an MV3
 * service worker alive while its WebSocket exchanges a message at least every
 * 30 s, so the period stays under that. A ping left unanswered for a whole
 * period means the connection is dead even if the socket has not noticed.
 */
export class Keepalive {
  #timer: ReturnType<typeof setInterval> | undefined;
  #awaitingReply = false;

  constructor(
    private readonly periodMs: number,
    private readonly sendPing: () => void,
    private readonly onSilent: () => void,
  ) {}

  start(): void {
    this.stop();
    this.#awaitingReply = false;
    this.#timer = setInterval(() => this.#tick(), this.periodMs);
  }

  /** Any frame from the helper proves the connection is alive. */
  heard(): void {
    this.#awaitingReply = false;
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    if (this.#awaitingReply) {
      this.stop();
      this.onSilent();
      return;
    }
    this.#awaitingReply = true;
    this.sendPing();
  }
}
