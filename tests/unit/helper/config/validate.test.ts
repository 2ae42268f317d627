import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../../helper/config/defaults';
import { validateConfig } from '../../../../helper/config/validate';
import type { ConfigProblem } from '../../../../helper/config/types';

const minimal = (): Record<string, unknown> => ({
  pbx: { host: 'pbx.office.lan', user: 'courier-101', secret: 's3cret-ami' },
  operator: { extensions: '101,102' },
  database: { host: 'db.office.lan', user: 'courier_ro', password: 'db-pass' },
});

function problemsOf(raw: Record<string, unknown>): ConfigProblem[] {
  const result = validateConfig(raw);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

function keysOf(problems: ConfigProblem[]): string[] {
  return problems.map((problem) => problem.key).sort();
}

describe('validateConfig', () => {
  it('fills defaults around a minimal real configuration', () => {
    const result = validateConfig(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values.mode).toBe('real');
    expect(result.values.operator.extensions).toEqual(['101', '102']);
    expect(result.values.originate).toEqual(DEFAULTS.originate);
    expect(result.values.originate.ringTimeoutSeconds).toBe(30);
    expect(result.values.websocket.port).toBe(47800);
    expect(result.values.websocket.allowedOrigins).toContain(
      'chrome-extension://efimpjfpbnikmcgaaljbfonliffkmhhl',
    );
    expect(result.values.websocket.allowedOrigins).toContain('moz-extension://*');
    expect(result.values.lookup).toEqual(DEFAULTS.lookup);
  });

  it('lists every problem at once, each with its key and a fix', () => {
    const raw = {
      mode: 'reel',
      colour: 'blue',
      pbx: { host: 'pbx office', port: 70000, user: 'courier', secret: 'x', Secret: 'y' },
      originate: {
        channel: 'DAHDI/{ext}',
        context: 'from internal',
        caller_id: '1',
        ringTimeoutSeconds: '30',
      },
      operator: { extensions: '101,1x2', user: 'ivanova' },
      database: {
        host: 'db',
        user: 'ro',
        pasword: 'p',
        poolSize: 0,
        queryTimeoutMs: 5,
        cacheTtlSeconds: -1,
      },
      lookup: {
        client: 'DELETE FROM contacts WHERE VALUE = ?',
        courier: 'SELECT 1 FROM contacts WHERE VALUE = ? OR Source = ?',
        deliveries: "SELECT 'why?' FROM contacts",
      },
      links: { client: 'ftp://cabinet/{code}', order: 'https://cabinet/orders', courier: 5 },
      websocket: { port: 80, allowedOrigins: ['https://evil.example', 'chrome-extension://abc'] },
      log: { level: 'verbose' },
      phone: { defaultCountry: 'XX' },
    };
    const problems = problemsOf(raw);
    expect(keysOf(problems)).toEqual(
      [
        'colour',
        'database.cacheTtlSeconds',
        'database.pasword',
        'database.poolSize',
        'database.queryTimeoutMs',
        'links.client',
        'links.courier',
        'links.order',
        'log.level',
        'lookup.client',
        'lookup.courier',
        'lookup.deliveries',
        'mode',
        'operator.extensions',
        'originate.caller_id',
        'originate.channel',
        'originate.context',
        'originate.ringTimeoutSeconds',
        'pbx.Secret',
        'pbx.host',
        'pbx.port',
        'phone.defaultCountry',
        'websocket.allowedOrigins',
        'websocket.port',
      ].sort(),
    );
    for (const problem of problems) {
      expect(problem.message.length).toBeGreaterThan(5);
      expect(problem.fix.length).toBeGreaterThan(5);
    }
    const byKey = new Map(problems.map((problem) => [problem.key, problem]));
    expect(byKey.get('mode')?.fix).toContain('"real"');
    expect(byKey.get('database.pasword')?.fix).toContain('"password"');
    expect(byKey.get('pbx.Secret')?.fix).toContain('"secret"');
    expect(byKey.get('originate.caller_id')?.fix).toContain('"callerId"');
    expect(byKey.get('log.level')?.fix).toMatch(/debug|info|warn/);
    expect(byKey.get('pbx.port')?.message).toContain('1 to 65535');
    expect(byKey.get('lookup.courier')?.message).toContain('found 2');
    expect(byKey.get('lookup.deliveries')?.message).toContain('found 0');
    expect(byKey.get('lookup.client')?.message).toContain('SELECT');
    expect(byKey.get('originate.channel')?.message).toContain('PJSIP/');
  });

  it('suggests the section a key belongs to when it sits in the wrong one', () => {
    const raw = minimal();
    (raw.pbx as Record<string, unknown>).callerId = '74951234567';
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.fix).toContain('originate.callerId');
  });

  it('requires the PBX, the database and one operator source in real mode only', () => {
    expect(keysOf(problemsOf({}))).toEqual([
      'database.host',
      'database.user',
      'operator',
      'pbx.host',
      'pbx.secret',
      'pbx.user',
    ]);
    const demo = validateConfig({ mode: 'demo' });
    expect(demo.ok).toBe(true);
  });

  it('refuses both operator sources at once, even in demo mode', () => {
    const problems = problemsOf({ mode: 'demo', operator: { extensions: '101', user: 'ivanova' } });
    expect(problems.map((problem) => problem.key)).toEqual(['operator']);
  });

  it('checks channel templates', () => {
    for (const channel of ['PJSIP/{ext}', 'SIP/{ext}', 'IAX2/{ext}', 'Local/{ext}@from-internal']) {
      expect(validateConfig({ ...minimal(), originate: { channel } }).ok).toBe(true);
    }
    for (const channel of [
      'PJSIP/101',
      'DAHDI/{ext}',
      'PJSIP/{ext}\r\nAction: Logoff',
      'PJSIP/{exten}',
    ]) {
      expect(keysOf(problemsOf({ ...minimal(), originate: { channel } }))).toEqual([
        'originate.channel',
      ]);
    }
  });

  it('checks caller ids', () => {
    for (const callerId of [
      '',
      '74951234567',
      '+74951234567',
      '"Courier" <74951234567>',
      'Courier <74951234567>',
    ]) {
      expect(validateConfig({ ...minimal(), originate: { callerId } }).ok).toBe(true);
    }
    for (const callerId of [
      'Courier',
      '7495\r\n',
      '"Courier" <74951234567>\nAction: Logoff',
      '"A"B" <1>',
    ]) {
      expect(keysOf(problemsOf({ ...minimal(), originate: { callerId } }))).toEqual([
        'originate.callerId',
      ]);
    }
  });

  it('accepts extension lists as text, a number or a list', () => {
    for (const extensions of ['101', '101, 102', 101, ['101', 102]]) {
      const result = validateConfig({ ...minimal(), operator: { extensions } });
      expect(result.ok).toBe(true);
    }
    expect(keysOf(problemsOf({ ...minimal(), operator: { extensions: '101,101' } }))).toEqual([
      'operator.extensions',
    ]);
    expect(keysOf(problemsOf({ ...minimal(), operator: { extensions: '1' } }))).toEqual([
      'operator.extensions',
    ]);
  });

  it('accepts a cabinet user instead of extensions', () => {
    const result = validateConfig({ ...minimal(), operator: { user: 'ivanova' } });
    expect(result.ok && result.values.operator).toEqual({ extensions: [], user: 'ivanova' });
  });

  it('checks extension origins', () => {
    const good = [
      'chrome-extension://efimpjfpbnikmcgaaljbfonliffkmhhl',
      'moz-extension://*',
      'moz-extension://0a1b2c3d-1234-4abc-8def-0123456789ab',
    ];
    expect(validateConfig({ ...minimal(), websocket: { allowedOrigins: good } }).ok).toBe(true);
    for (const origin of [
      '*',
      'http://localhost',
      'chrome-extension://EFIMPJFPBNIKMCGAALJBFONLIFFKMHHZ',
    ]) {
      expect(keysOf(problemsOf({ ...minimal(), websocket: { allowedOrigins: [origin] } }))).toEqual(
        ['websocket.allowedOrigins'],
      );
    }
    expect(keysOf(problemsOf({ ...minimal(), websocket: { allowedOrigins: [] } }))).toEqual([
      'websocket.allowedOrigins',
    ]);
  });

  it('accepts lookup queries with one placeholder outside literals and comments', () => {
    const client = "SELECT k.code AS clientCode, 'a?' AS q -- what?\nFROM clients k WHERE k.x = ?;";
    expect(validateConfig({ ...minimal(), lookup: { client } }).ok).toBe(true);
    const twoStatements = 'SELECT 1 FROM a WHERE b = ?; DROP TABLE a';
    expect(keysOf(problemsOf({ ...minimal(), lookup: { client: twoStatements } }))).toEqual([
      'lookup.client',
    ]);
  });

  it('never echoes a secret in a problem', () => {
    const problems = problemsOf({
      ...minimal(),
      pbx: { host: 'pbx', user: 'u', secret: 'top\nsecret-value' },
      database: { host: 'db', user: 'u', password: ['secret-list-value'] },
    });
    expect(keysOf(problems)).toEqual(['database.password', 'pbx.secret']);
    const text = JSON.stringify(problems);
    expect(text).not.toContain('secret-value');
    expect(text).not.toContain('secret-list-value');
  });

  it('refuses a section written as a value', () => {
    expect(keysOf(problemsOf({ ...minimal(), log: 'debug' }))).toEqual(['log']);
  });
});
