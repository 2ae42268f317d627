import type { WebSocket } from 'ws';

/**
 * Pings every socket once per interval; a socket that has not answered the
 * previous ping by the next tick is dead (sleeping laptop, killed browser)
 * and is terminated so its subscriptions and dials are released.
 */
export class HeartbeatMonitor {
  private readonly alive = new Map<WebSocket, boolean>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly onDead: (socket: WebSocket) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.alive.clear();
  }

  watch(socket: WebSocket, signal: AbortSignal): void {
    const onPong = () => this.alive.set(socket, true);
    this.alive.set(socket, true);
    socket.on('pong', onPong);
    signal.addEventListener(
      'abort',
      () => {
        socket.off('pong', onPong);
        this.alive.delete(socket);
      },
      { once: true },
    );
  }

  private tick(): void {
    for (const [socket, alive] of this.alive) {
      if (!alive) {
        this.alive.delete(socket);
        this.onDead(socket);
        continue;
      }
      this.alive.set(socket, false);
      if (socket.readyState === socket.OPEN) socket.ping();
    }
  }
}
