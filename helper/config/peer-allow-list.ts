import { BlockList, isIP } from 'node:net';
import { tr } from '../core/cli-text';
import './russian';

/**
 * An option of the FastAGI server or of an address allow-list is invalid. It lives with the
 * allow-list because the configuration checks those lists before the service starts.
 */
export class AgiConfigError extends Error {
  override readonly name = 'AgiConfigError';
  constructor(
    readonly option: string,
    readonly problem: string,
  ) {
    super(`Option ${option}: ${problem}.`);
  }
}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** `::ffff:10.0.0.5` (an IPv4 peer on a dual-stack socket) → `10.0.0.5`. */
export function plainAddress(address: string): string {
  return MAPPED_IPV4.exec(address)?.[1] ?? address;
}

/**
 * The PBX addresses a server accepts connections from: single addresses and CIDR ranges,
 * IPv4 and IPv6. Anything else is closed before a byte is read, since a FastAGI or HTTP
 * client that may ask for routing could otherwise probe who a number belongs to.
 */
export class PeerAllowList {
  readonly #list = new BlockList();
  readonly entries: readonly string[];

  constructor(entries: readonly string[], option = 'server.agiAllowedPeers') {
    if (entries.length === 0) {
      throw new AgiConfigError(option, tr`list at least one PBX address, e.g. ["10.0.0.5"]`);
    }
    for (const entry of entries) this.#add(entry.trim(), option);
    this.entries = [...entries];
  }

  allows(address: string | undefined): boolean {
    if (address === undefined) return false;
    const plain = plainAddress(address);
    const family = isIP(plain);
    if (family === 0) return false;
    return this.#list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }

  #add(entry: string, option: string): void {
    const [address = '', prefixText, extra] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) {
      throw new AgiConfigError(
        option,
        tr`"${entry}" is not an IP address or CIDR range such as 10.0.0.0/24`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefixText === undefined) {
      this.#list.addAddress(address, type);
      return;
    }
    const prefix = Number(prefixText);
    const max = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefixText) || prefix > max) {
      throw new AgiConfigError(option, tr`"${entry}" needs a prefix length from 0 to ${max}`);
    }
    this.#list.addSubnet(address, prefix, type);
  }
}
