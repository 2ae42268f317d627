import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK_QUERIES } from '../../../../helper/config/callback-queries';
import { DEFAULTS } from '../../../../helper/config/defaults';
import { loadConfig } from '../../../../helper/config/load';
import { validateConfig } from '../../../../helper/config/validate';
import type { HelperConfig } from '../../../../helper/config/types';
import {
  BASE_TOML as BASE,
  minimalConfig as minimal,
  problemAt,
  problemsOf,
} from '../../../support/helper/config/config-problems';
import { FIELD_SPECS } from '../../../../helper/config/schema';
import { configSecrets, loggerForConfig } from '../../../../helper/log/logger-for-config';
import { DEFAULT_ROUTING_QUERIES } from '../../../../helper/config/routing-queries';
import { DEFAULT_SERVER_SETTINGS } from '../../../../helper/config/server-settings';

const TOKEN = 'callback-token-5f0c2a9e41d7b3c8e6a1';
const OTHER_TOKEN = 'second-token-9d8c7b6a5f4e3d2c1b0a';

const { routing: _routing, callbacks: _callbacks, ...SERVER_DEFAULTS } = DEFAULT_SERVER_SETTINGS;

describe('[server], [routing] and [callbacks] keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helper-config-server-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function load(text: string, env: Record<string, string> = {}) {
    const file = join(dir, 'helper.toml');
    writeFileSync(file, BASE + text);
    return loadConfig({ file, env });
  }

  function loaded(text: string, env: Record<string, string> = {}): HelperConfig {
    const result = load(text, env);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.config;
  }

  it('defaults to the serve settings and queries of the PBX-side service', () => {
    const config = loaded('');
    expect(config.server).toEqual(SERVER_DEFAULTS);
    expect(config.server).toEqual({
      agiHost: '0.0.0.0',
      agiPort: 4573,
      agiAllowedPeers: ['127.0.0.1'],
      routeTimeoutMs: 300,
      lookupTimeoutMs: 2000,
      poolSize: 8,
      httpHost: '127.0.0.1',
      httpPort: 47810,
      httpTokens: [],
      httpAllowedPeers: [],
      tlsCertFile: '',
      tlsKeyFile: '',
      companyNumber: '',
      callbackContext: 'courier-callback',
      callbackCourierContext: 'courier-callback-courier',
      callbackRingSeconds: 30,
      recordCallbacks: true,
      callbackMemoryHours: 12,
      journalSpoolDir: '',
    });
    expect(config.routing).toEqual(DEFAULT_ROUTING_QUERIES);
    expect(config.callbacks).toEqual(DEFAULT_CALLBACK_QUERIES);
    expect(Object.keys(DEFAULTS)).toEqual(
      expect.arrayContaining(['server', 'routing', 'callbacks']),
    );
  });

  it('reads every key from the file', () => {
    const config = loaded(`
[server]
agiHost = "10.0.0.9"
agiPort = 4600
agiAllowedPeers = ["10.0.0.5", "10.0.1.0/24", "fd00::/64"]
routeTimeoutMs = 500
lookupTimeoutMs = 3000
poolSize = 16
httpHost = "10.0.0.9"
httpPort = 8443
httpTokens = ["${TOKEN}", "${OTHER_TOKEN}"]
httpAllowedPeers = ["10.0.0.7"]
tlsCertFile = "/etc/courier/cert.pem"
tlsKeyFile = "/etc/courier/key.pem"
companyNumber = "+74951234567"
callbackContext = "my-callback"
callbackCourierContext = "my-callback-courier"
callbackRingSeconds = 45
recordCallbacks = false
callbackMemoryHours = 0
journalSpoolDir = "/var/spool/courier"
[routing]
courierManager = "SELECT k.code AS ownerCode, '100' AS managerExt FROM kurier k WHERE k.phonem = ?"
[callbacks]
courierMobile = "SELECT phonem AS courierMobile FROM kurier WHERE code = ?"
`);
    expect(config.server).toEqual({
      agiHost: '10.0.0.9',
      agiPort: 4600,
      agiAllowedPeers: ['10.0.0.5', '10.0.1.0/24', 'fd00::/64'],
      routeTimeoutMs: 500,
      lookupTimeoutMs: 3000,
      poolSize: 16,
      httpHost: '10.0.0.9',
      httpPort: 8443,
      httpTokens: [TOKEN, OTHER_TOKEN],
      httpAllowedPeers: ['10.0.0.7'],
      tlsCertFile: '/etc/courier/cert.pem',
      tlsKeyFile: '/etc/courier/key.pem',
      companyNumber: '+74951234567',
      callbackContext: 'my-callback',
      callbackCourierContext: 'my-callback-courier',
      callbackRingSeconds: 45,
      recordCallbacks: false,
      callbackMemoryHours: 0,
      journalSpoolDir: '/var/spool/courier',
    });
    expect(config.routing.courierManager).toContain("'100' AS managerExt");
    expect(config.routing.parcelHolders).toBe(DEFAULT_ROUTING_QUERIES.parcelHolders);
    expect(config.callbacks.courierMobile).toBe(
      'SELECT phonem AS courierMobile FROM kurier WHERE code = ?',
    );
    expect(config.callbacks.recipientDelivery).toBe(DEFAULT_CALLBACK_QUERIES.recipientDelivery);
  });

  it.each([
    [{ agiPort: 70000 }, 'server.agiPort', 'must be a TCP port from 1 to 65535', 'usually 4573'],
    [{ agiPort: 4573.5 }, 'server.agiPort', 'must be a whole number, got 4573.5', 'usually 4573'],
    [{ agiHost: '' }, 'server.agiHost', 'must be an address', '"0.0.0.0"'],
    [{ agiHost: 'pbx side' }, 'server.agiHost', 'is not a host name or IP address', 'host name'],
    [{ agiAllowedPeers: [] }, 'server.agiAllowedPeers', 'must list the PBX address', 'CIDR'],
    [
      { agiAllowedPeers: ['pbx.office.lan'] },
      'server.agiAllowedPeers',
      '"pbx.office.lan" is not an IP address or CIDR range',
      '["10.0.0.5"]',
    ],
    [
      { agiAllowedPeers: ['10.0.0.0/40'] },
      'server.agiAllowedPeers',
      'needs a prefix length from 0 to 32',
      'CIDR',
    ],
    [{ routeTimeoutMs: 10 }, 'server.routeTimeoutMs', 'must be from 50 to 5000', 'e.g. 300'],
    [{ lookupTimeoutMs: 50 }, 'server.lookupTimeoutMs', 'must be from 100 to 30000', '2000'],
    [{ poolSize: 0 }, 'server.poolSize', 'must be from 1 to 64', 'e.g. 8'],
    [{ httpHost: '' }, 'server.httpHost', 'would listen on every interface', '"127.0.0.1"'],
    [{ httpPort: 0 }, 'server.httpPort', 'must be a TCP port from 1 to 65535', '47810'],
    [
      { httpAllowedPeers: ['mobile-app'] },
      'server.httpAllowedPeers',
      '"mobile-app" is not an IP address or CIDR range',
      'or [] for any',
    ],
    [
      { companyNumber: 'Courier Ltd' },
      'server.companyNumber',
      'must be the company number callbacks show',
      '"74951234567"',
    ],
    [
      { callbackContext: 'courier callback' },
      'server.callbackContext',
      'must be a dialplan context name',
      '"courier-callback"',
    ],
    [
      { callbackCourierContext: 'x;Hangup' },
      'server.callbackCourierContext',
      'must be a dialplan context name',
      '"courier-callback-courier"',
    ],
    [{ callbackRingSeconds: 300 }, 'server.callbackRingSeconds', 'must be from 5 to 120', '30'],
    [{ callbackMemoryHours: 200 }, 'server.callbackMemoryHours', 'must be from 0 to 168', '12'],
    [{ recordCallbacks: 'yes' }, 'server.recordCallbacks', 'must be true or false', 'true or'],
    [
      { tlsCertFile: '/etc/cert\n.pem', tlsKeyFile: '/etc/key.pem' },
      'server.tlsCertFile',
      'contains a control character',
      'set server.tlsCertFile',
    ],
    [
      { journalSpoolDir: 'C:\\spool\tserver' },
      'server.journalSpoolDir',
      'contains a control character',
      'set server.journalSpoolDir',
    ],
  ])('refuses %j with a problem at its key and a fix', (server, key, message, fix) => {
    const problem = problemAt(problemsOf({ server }), key);
    expect(problem.message).toContain(message);
    expect(problem.fix).toContain(fix);
    if (key !== 'server.recordCallbacks') expect(problem.fix).toMatch(new RegExp(`^set ${key} `));
  });

  it('requires the company number once tokens turn the callback endpoint on', () => {
    expect(validateConfig({ ...minimal(), server: { companyNumber: '' } }).ok).toBe(true);
    const problems = problemsOf({ server: { httpTokens: [TOKEN] } });
    expect(problems.map((p) => p.key)).toEqual(['server.companyNumber']);
    const problem = problemAt(problems, 'server.companyNumber');
    expect(problem.message).toContain('must be the company number callbacks show');
    expect(problem.fix).toContain('required while server.httpTokens is set');
    expect(
      validateConfig({
        ...minimal(),
        server: { httpTokens: [TOKEN], companyNumber: '74951234567' },
      }).ok,
    ).toBe(true);
  });

  it('requires the certificate and its key together', () => {
    for (const server of [
      { tlsCertFile: '/etc/courier/cert.pem' },
      { tlsKeyFile: '/etc/courier/key.pem' },
    ]) {
      const problems = problemsOf({ server });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.key).toBe('server.tlsCertFile');
      expect(problems[0]?.message).toContain('server.tlsKeyFile must be set together');
      expect(problems[0]?.fix).toContain('or leave both empty for plain HTTP');
    }
  });

  it('never echoes a token, wrong or of the wrong type', () => {
    expect(FIELD_SPECS.get('server.httpTokens')?.secret).toBe(true);
    for (const httpTokens of [
      ['short-secret-x'],
      [`${TOKEN} with spaces`],
      [TOKEN, 'tiny-pw-1'],
      'short-secret-x',
    ]) {
      const problems = problemsOf({ server: { httpTokens, companyNumber: '74951234567' } });
      const problem = problemAt(problems, 'server.httpTokens');
      expect(problem.message).toContain('each token must be at least 24 characters');
      expect(problem.fix).toContain('COURIER_SERVER_HTTP_TOKENS');
      const text = JSON.stringify(problems);
      for (const secret of ['short-secret-x', TOKEN, 'tiny-pw-1']) {
        expect(text).not.toContain(secret);
      }
    }
    const wrongType = problemAt(
      problemsOf({ server: { httpTokens: { token: TOKEN } } }),
      'server.httpTokens',
    );
    expect(wrongType.message).toBe(
      'must be a comma-separated text or a list of texts, got a value of the wrong type',
    );
  });

  it('keeps the tokens out of the log, with the other secrets', async () => {
    const config = loaded(
      `[server]\nhttpTokens = ["${TOKEN}", "${OTHER_TOKEN}"]\ncompanyNumber = "74951234567"\n`,
    );
    expect(configSecrets(config)).toEqual(expect.arrayContaining([TOKEN, OTHER_TOKEN]));
    const lines: string[] = [];
    const { logger, close } = loggerForConfig(
      { ...config, log: { level: 'info', file: '' } },
      { write: (line: string) => lines.push(line) },
    );
    logger.info({ config }, 'configuration loaded');
    logger.warn(`refused Authorization: Bearer ${OTHER_TOKEN}`);
    await close();
    const text = lines.join('');
    expect(text).toContain('refused Authorization');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(OTHER_TOKEN);
  });

  it('takes the tokens and other keys from the environment', () => {
    const config = loaded('[server]\ncompanyNumber = "74951234567"\n', {
      COURIER_SERVER_HTTP_TOKENS: `${TOKEN}, ${OTHER_TOKEN}`,
      COURIER_SERVER_AGI_PORT: '4600',
      COURIER_SERVER_AGI_ALLOWED_PEERS: '10.0.0.5,10.0.1.0/24',
      COURIER_SERVER_RECORD_CALLBACKS: '0',
      COURIER_ROUTING_CLIENT_MANAGER:
        "SELECT k.code AS ownerCode, '' AS managerExt FROM clients k WHERE k.phone = ?",
    });
    expect(config.server.httpTokens).toEqual([TOKEN, OTHER_TOKEN]);
    expect(config.server.agiPort).toBe(4600);
    expect(config.server.agiAllowedPeers).toEqual(['10.0.0.5', '10.0.1.0/24']);
    expect(config.server.recordCallbacks).toBe(false);
    expect(config.routing.clientManager).toContain('FROM clients k');
  });

  it('names the variable behind a bad token without echoing it', () => {
    const result = load('[server]\ncompanyNumber = "74951234567"\n', {
      COURIER_SERVER_HTTP_TOKENS: 'too-short-token',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = problemAt(result.problems, 'server.httpTokens');
    expect(problem.message).toContain('(set by environment variable COURIER_SERVER_HTTP_TOKENS)');
    expect(JSON.stringify(result.problems)).not.toContain('too-short-token');
  });

  it('checks the routing and callback queries for their placeholders', () => {
    const problems = problemsOf({
      routing: {
        parcelHolders: 'SELECT 1 AS addressCode FROM contacts WHERE `VALUE` = ? OR Source = ?',
        courierManager: 'DELETE FROM kurier WHERE phonem = ?',
      },
      callbacks: {
        courierMobile: 'SELECT phonem AS courierMobile FROM kurier',
        recipientDelivery: 'SELECT a.code AS addressCode FROM address a WHERE a.zakaz = ?',
      },
    });
    expect(problems.map((p) => p.key).sort()).toEqual([
      'callbacks.courierMobile',
      'callbacks.recipientDelivery',
      'routing.courierManager',
      'routing.parcelHolders',
    ]);
    expect(problemAt(problems, 'routing.parcelHolders').message).toBe(
      'must contain exactly one ? placeholder, found 2',
    );
    expect(problemAt(problems, 'routing.parcelHolders').fix).toContain(
      "a single ? where the caller's number goes",
    );
    expect(problemAt(problems, 'routing.courierManager').message).toBe('must start with SELECT');
    expect(problemAt(problems, 'callbacks.courierMobile').fix).toContain(
      "the courier's code (kurier.code)",
    );
    const delivery = problemAt(problems, 'callbacks.recipientDelivery');
    expect(delivery.message).toBe('must contain exactly 2 ? placeholders, found 1');
    expect(delivery.fix).toContain(
      "2 ? placeholders: the recipient's digits-only number, then the order's code",
    );
  });

  it('suggests the right spelling of a mistyped [server] key', () => {
    const problem = problemAt(problemsOf({ server: { agiport: 4573 } }), 'server.agiport');
    expect(problem.fix).toContain('did you mean "agiPort"?');
  });
});
