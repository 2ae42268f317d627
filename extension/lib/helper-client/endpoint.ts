/** Where the helper listens; it binds to the loopback interface only. */
export interface HelperEndpoint {
  host: string;
  port: number;
}

/** A helper address the extension refuses to use. */
export class HelperAddressError extends Error {
  override readonly name = 'HelperAddressError';
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.trim().toLowerCase());
}

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * Checks a helper address typed in the options. Only loopback hosts are
 * allowed: the helper never listens elsewhere, and a remote address would
 * send the pairing token off the machine.
 */
export function validateEndpoint(endpoint: HelperEndpoint): HelperEndpoint {
  const host = endpoint.host.trim().toLowerCase();
  if (!isLoopbackHost(host)) {
    throw new HelperAddressError(
      `The helper runs on this computer: use 127.0.0.1, localhost or ::1 instead of "${endpoint.host}".`,
    );
  }
  if (!isValidPort(endpoint.port)) {
    throw new HelperAddressError(
      `Port ${String(endpoint.port)} is not valid: enter a whole number from 1 to 65535 (the helper's default is 47800).`,
    );
  }
  return { host, port: endpoint.port };
}

/** The WebSocket URL; it carries no token, which travels in the first frame. */
export function helperUrl(endpoint: HelperEndpoint): string {
  const host = endpoint.host === '::1' ? '[::1]' : endpoint.host;
  return `ws://${host}:${endpoint.port}/`;
}
