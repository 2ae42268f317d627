import { createSocket } from 'node:dgram';

/**
 * A UDP port the OS just handed out on `host`, for a process about to bind it at once
 * (a caller's source port). Ports that must stay free for longer are reserved instead
 * (port-reservation.ts).
 */
export function freeUdpPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, host, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
