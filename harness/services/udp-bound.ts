import { readFileSync } from 'node:fs';

function hexAddress(host: string, port: number): string {
  const ip = host
    .split('.')
    .reverse()
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return `${ip}:${port.toString(16).padStart(4, '0').toUpperCase()}`;
}

/**
 * True when some socket is bound to this IPv4 UDP address. Reads /proc/net/udp instead of
 * trying to bind the port, which could steal it from the process that is about to.
 */
export function udpBound(host: string, port: number): boolean {
  const wanted = hexAddress(host, port);
  const table = readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1);
  return table.some((line) => line.trim().split(/\s+/)[1] === wanted);
}
