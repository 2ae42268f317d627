import { describe, expect, it } from 'vitest';
import { InvalidAllowedOriginError } from '../../../../../helper/workstation/ws/errors';
import { createOriginPolicy } from '../../../../../helper/workstation/ws/origin-policy';
import { validateConfig } from '../../../../../helper/config/validate';

const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://0f8a6c1e-3b2d-4c5e-9a7f-123456789abc';

describe('createOriginPolicy', () => {
  it('allows exactly the configured extension origins', () => {
    const policy = createOriginPolicy([CHROME, FIREFOX]);
    expect(policy.allows(CHROME)).toBe(true);
    expect(policy.allows(FIREFOX)).toBe(true);
    expect(policy.allows(`${CHROME}/`)).toBe(false);
    expect(policy.allows('chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba')).toBe(false);
    expect(policy.allows('moz-extension://11111111-2222-3333-4444-555555555555')).toBe(false);
    expect(policy.allows(undefined)).toBe(false);
    expect(policy.allows('null')).toBe(false);
  });

  it('allows any well-formed Firefox extension origin with moz-extension://*', () => {
    const policy = createOriginPolicy(['moz-extension://*']);
    expect(policy.allows(FIREFOX)).toBe(true);
    expect(policy.allows('moz-extension://not-a-uuid')).toBe(false);
    expect(policy.allows(CHROME)).toBe(false);
    expect(policy.allows('https://example.com')).toBe(false);
  });

  it('refuses entries that would admit web pages, naming the config key', () => {
    for (const entry of [
      'https://example.com',
      'http://localhost:3000',
      'null',
      '*',
      'chrome-extension://*',
    ]) {
      expect(() => createOriginPolicy([entry])).toThrow(InvalidAllowedOriginError);
      expect(() => createOriginPolicy([entry])).toThrow(/websocket\.allowedOrigins/);
    }
  });

  it('admits an origin the configuration spelled in capitals, as the configuration check does', () => {
    const checked = validateConfig({
      mode: 'demo',
      websocket: { allowedOrigins: [FIREFOX.toUpperCase(), CHROME.toUpperCase()] },
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const policy = createOriginPolicy(checked.values.websocket.allowedOrigins);
    expect(policy.allows(FIREFOX)).toBe(true);
    expect(policy.allows(CHROME)).toBe(true);
    expect(createOriginPolicy(['MOZ-EXTENSION://*']).allows(FIREFOX)).toBe(true);
  });
});
