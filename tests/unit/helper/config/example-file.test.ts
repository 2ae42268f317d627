import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../../helper/config/defaults';
import { loadConfig } from '../../../../helper/config/load';

const EXAMPLE = new URL('../../../../config/helper.example.toml', import.meta.url).pathname;

function keysOf(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? keysOf(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const squash = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

describe('config/helper.example.toml', () => {
  it('loads without problems', () => {
    const result = loadConfig({ file: EXAMPLE, env: {} });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('sets every key the helper knows, each with a comment above it', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const exampleKeys = keysOf(parse(text));
    expect(exampleKeys.sort()).toEqual(keysOf(DEFAULTS).sort());
    const lines = text.split('\n');
    let section = '';
    const commented = new Set<string>();
    lines.forEach((line, index) => {
      const header = /^\[(\w+)\]/.exec(line);
      if (header) section = `${header[1]}.`;
      const assignment = /^(\w+) = /.exec(line);
      if (assignment && lines[index - 1]?.startsWith('#')) {
        commented.add(`${section}${assignment[1]}`);
      }
    });
    expect(keysOf(DEFAULTS).filter((key) => !commented.has(key))).toEqual([]);
  });

  it('ships the default lookup queries, so the aliases it documents are the real ones', () => {
    const example = parse(readFileSync(EXAMPLE, 'utf8')) as { lookup: Record<string, string> };
    for (const [name, sql] of Object.entries(DEFAULTS.lookup)) {
      expect(squash(example.lookup[name] ?? ''), name).toBe(squash(sql));
    }
  });

  it('ships the default routing and callback queries of serve, and no token', () => {
    const example = parse(readFileSync(EXAMPLE, 'utf8')) as {
      routing: Record<string, string>;
      callbacks: Record<string, string>;
      server: { httpTokens: string[] };
    };
    for (const section of ['routing', 'callbacks'] as const) {
      for (const [name, sql] of Object.entries(DEFAULTS[section])) {
        expect(squash(example[section][name] ?? ''), `${section}.${name}`).toBe(squash(sql));
      }
    }
    expect(example.server.httpTokens).toEqual([]);
  });
});
