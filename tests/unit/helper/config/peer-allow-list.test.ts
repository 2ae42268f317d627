import { describe, expect, it } from 'vitest';
import { AgiConfigError, PeerAllowList } from '../../../../helper/config/peer-allow-list';

describe('PeerAllowList', () => {
  it('admits listed addresses and ranges, IPv4 peers of dual-stack sockets included', () => {
    const list = new PeerAllowList(['10.0.0.5', '192.168.10.0/24', '::1']);
    expect(list.allows('10.0.0.5')).toBe(true);
    expect(list.allows('::ffff:10.0.0.5')).toBe(true);
    expect(list.allows('192.168.10.77')).toBe(true);
    expect(list.allows('::1')).toBe(true);
    expect(list.allows('10.0.0.6')).toBe(false);
    expect(list.allows('192.168.11.1')).toBe(false);
    expect(list.allows(undefined)).toBe(false);
    expect(list.allows('not an address')).toBe(false);
  });

  it('refuses an empty list and entries that are not addresses', () => {
    expect(() => new PeerAllowList([])).toThrow(AgiConfigError);
    expect(() => new PeerAllowList(['pbx.office.lan'])).toThrow(/not an IP address/);
    expect(() => new PeerAllowList(['10.0.0.0/33'])).toThrow(/prefix length/);
    expect(() => new PeerAllowList(['10.0.0.0/8/1'])).toThrow(AgiConfigError);
  });
});
