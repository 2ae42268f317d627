import { describe, expect, it } from 'vitest';
import {
  MANAGED_SETTINGS_SCHEMA,
  managedSchemaDocument,
  parseManagedPolicy,
} from '../../../../extension/lib/managed-schema';
import { DEFAULT_SETTINGS, withPolicy } from '../../../../extension/lib/settings';

describe('managed settings schema', () => {
  it('covers every setting, and the pairing secret', () => {
    expect(Object.keys(MANAGED_SETTINGS_SCHEMA).sort()).toEqual(
      Object.keys(DEFAULT_SETTINGS).sort(),
    );
    const document = managedSchemaDocument() as { type: string; properties: object };
    expect(document.type).toBe('object');
    expect(Object.keys(document.properties)).toContain('pairingSecret');
  });

  it("keeps the policy's valid values and drops what does not match", () => {
    const policy = parseManagedPolicy({
      helper: { port: 47900 },
      sites: ['https://cabinet.example/*'],
      sound: 'yes',
      rendering: 'bold',
      language: 'ru',
      screenPop: 'answer',
      unknown: 1,
      pairingSecret: 'short',
    });
    expect(policy).toEqual({
      settings: {
        helper: { port: 47900 },
        sites: ['https://cabinet.example/*'],
        language: 'ru',
        screenPop: 'answer',
      },
      pairingSecret: null,
    });
    expect(parseManagedPolicy({ screenPop: 'always' }).settings).toEqual({});
    expect(parseManagedPolicy({ helper: { port: 80 } }).settings).toEqual({});
    expect(parseManagedPolicy({ helper: { host: 'evil.example' } }).settings).toEqual({});
    expect(parseManagedPolicy({ pairingSecret: 'k'.repeat(40) }).pairingSecret).toBe(
      'k'.repeat(40),
    );
  });

  it("wins over the user's settings, key by key, the helper's host staying the user's", () => {
    const user = { ...DEFAULT_SETTINGS, sound: true, sites: ['https://mine.example/*'] };
    const merged = withPolicy(user, parseManagedPolicy({ helper: { port: 47900 }, sound: false }));
    expect(merged).toEqual({ ...user, sound: false, helper: { host: '127.0.0.1', port: 47900 } });
  });
});
