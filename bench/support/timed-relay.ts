import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { AmiFrameReader, type AmiFields } from './ami-frame-reader';

export interface RelayTarget {
  readonly host: string;
  readonly port: number;
}

/** Called with the messages completed by one chunk from the PBX and when it arrived. */
export type FrameObserver = (frames: readonly AmiFields[], arrivedAt: number) => void;

/**
 * A loopback TCP relay between the helper and the PBX's AMI port. Each chunk the PBX
 * sends is stamped (`performance.now()`) the moment it arrives and forwarded before it is
 * parsed, so the stamp is when the bytes reached the helper's side, less a loopback hop.
 */
export class TimedAmiRelay {
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  private constructor(
    private readonly target: RelayTarget,
    private readonly observe: FrameObserver,
  ) {
    this.server = createServer((helperSide) => this.relay(helperSide));
  }

  static async start(target: RelayTarget, observe: FrameObserver): Promise<TimedAmiRelay> {
    const relay = new TimedAmiRelay(target, observe);
    await new Promise<void>((resolve, reject) => {
      relay.server.once('error', reject);
      relay.server.listen(0, '127.0.0.1', () => resolve());
    });
    return relay;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private relay(helperSide: Socket): void {
    const pbxSide = createConnection(this.target);
    const reader = new AmiFrameReader();
    this.sockets.add(helperSide);
    this.sockets.add(pbxSide);
    helperSide.setNoDelay(true);
    pbxSide.setNoDelay(true);
    pbxSide.on('data', (chunk: Buffer) => {
      const arrivedAt = performance.now();
      helperSide.write(chunk);
      const frames = reader.feed(chunk);
      if (frames.length > 0) this.observe(frames, arrivedAt);
    });
    helperSide.on('data', (chunk: Buffer) => pbxSide.write(chunk));
    const end = (): void => {
      helperSide.destroy();
      pbxSide.destroy();
      this.sockets.delete(helperSide);
      this.sockets.delete(pbxSide);
    };
    for (const socket of [helperSide, pbxSide]) {
      socket.on('close', end);
      socket.on('error', end);
    }
  }
}
