import { describe, expect, it } from 'vitest';
import {
  isLoopbackAddress,
  isLoopbackHostHeader,
} from '../../../../../helper/workstation/ws/loopback';

describe('isLoopbackAddress', () => {
  it('accepts 127.0.0.0/8 and ::1 in any spelling', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1']) {
      expect(isLoopbackAddress(host)).toBe(true);
    }
  });

  it('refuses wildcard, LAN and names', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.10', 'localhost', '', 'fe80::1']) {
      expect(isLoopbackAddress(host)).toBe(false);
    }
  });
});

describe('isLoopbackHostHeader', () => {
  it('accepts loopback hosts with or without a port', () => {
    for (const header of [
      '127.0.0.1:8765',
      '127.0.0.1',
      'localhost:8765',
      'LOCALHOST',
      '[::1]:8765',
      '[::1]',
    ]) {
      expect(isLoopbackHostHeader(header)).toBe(true);
    }
  });

  it('refuses rebound names, LAN addresses and odd forms', () => {
    for (const header of [
      undefined,
      '',
      'evil.example.com:8765',
      'localhost.evil.example.com',
      '127.0.0.1.nip.io:8765',
      '192.168.0.2:8765',
      'user@127.0.0.1',
      '127.0.0.1/x',
      '[::]:8765',
    ]) {
      expect(isLoopbackHostHeader(header)).toBe(false);
    }
  });
});
