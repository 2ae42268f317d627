import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVER_SETTINGS,
  ServerConfigError,
  validateServerSettings,
  type ServerSettings,
} from '../../../../helper/config/server-settings';

const settings = (changes: Partial<ServerSettings>): ServerSettings => ({
  ...DEFAULT_SERVER_SETTINGS,
  ...changes,
});
const TOKEN = 'a'.repeat(32);

function problemsOf(changes: Partial<ServerSettings>): string[] {
  try {
    validateServerSettings(settings(changes));
    return [];
  } catch (error) {
    if (!(error instanceof ServerConfigError)) throw error;
    return [...error.problems];
  }
}

describe('validateServerSettings', () => {
  it('accepts the defaults: FastAGI on, callback endpoint off', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('needs the company number and long tokens once the endpoint is on', () => {
    expect(problemsOf({ httpTokens: [TOKEN], companyNumber: '74951234567' })).toEqual([]);
    expect(problemsOf({ httpTokens: [TOKEN] })).toEqual([expect.stringMatching(/companyNumber/)]);
    expect(problemsOf({ httpTokens: ['short'], companyNumber: '74951234567' })).toEqual([
      expect.stringMatching(/at least 24 characters/),
    ]);
  });

  it('names every wrong key with what to change', () => {
    const problems = problemsOf({
      agiPort: 70_000,
      agiAllowedPeers: [],
      routeTimeoutMs: 0,
      tlsCertFile: '/etc/ssl/cert.pem',
      callbackContext: 'bad context',
    });
    expect(problems).toEqual([
      expect.stringMatching(/server\.agiPort/),
      expect.stringMatching(/server\.agiAllowedPeers/),
      expect.stringMatching(/server\.routeTimeoutMs/),
      expect.stringMatching(/tlsCertFile and server\.tlsKeyFile/),
      expect.stringMatching(/server\.callbackContext/),
    ]);
  });
});
