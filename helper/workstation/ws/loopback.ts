import { BlockList, isIPv4, isIPv6 } from 'node:net';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** A literal IP address on the loopback interface: 127.0.0.0/8 or ::1 (any spelling). */
export function isLoopbackAddress(host: string): boolean {
  if (isIPv4(host)) return loopback.check(host, 'ipv4');
  if (isIPv6(host)) return loopback.check(host, 'ipv6');
  return false;
}

/**
 * Checks an HTTP Host header. A page that rebinds its own DNS name to
 * 127.0.0.1 still sends its name here, so only loopback names pass.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]/@]+))(?::\d{1,5})?$/.exec(header ?? '');
  if (!match) return false;
  const hostname = (match[1] ?? match[2] ?? '').toLowerCase();
  return hostname === 'localhost' || isLoopbackAddress(hostname);
}
