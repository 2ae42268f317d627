import { describe, expect, it } from 'vitest';
import {
  syncContentScripts,
  type ScriptRegistry,
} from '../../../../extension/background/site-scripts';

function registry(granted: string[], registered: string[] | null = null) {
  const calls: string[] = [];
  let current = registered;
  const fake: ScriptRegistry = {
    registeredMatches: async () => current,
    register: async (matches) => {
      calls.push(`register ${matches.join(' ')}`);
      current = matches;
    },
    update: async (matches) => {
      calls.push(`update ${matches.join(' ')}`);
      current = matches;
    },
    unregister: async () => {
      calls.push('unregister');
      current = null;
    },
    granted: async (pattern) => granted.includes(pattern),
  };
  return { fake, calls, current: () => current };
}

const A = 'https://a.example.com/*';
const B = 'https://b.example.com/*';

describe('syncContentScripts', () => {
  it('registers the enabled sites whose access is granted', async () => {
    const { fake, calls } = registry([A]);
    expect(await syncContentScripts([A, B], fake)).toEqual([A]);
    expect(calls).toEqual([`register ${A}`]);
  });

  it('updates the same registration when the sites change, and leaves it alone otherwise', async () => {
    const { fake, calls } = registry([A, B], [A]);
    await syncContentScripts([B, A], fake);
    await syncContentScripts([A, B], fake);
    expect(calls).toEqual([`update ${B} ${A}`]);
  });

  it('unregisters when no site is left', async () => {
    const { fake, calls, current } = registry([A], [A]);
    await syncContentScripts([], fake);
    await syncContentScripts([], fake);
    expect(calls).toEqual(['unregister']);
    expect(current()).toBeNull();
  });

  it('drops a site whose access was revoked in the browser', async () => {
    const { fake, calls } = registry([B], [A, B]);
    await syncContentScripts([A, B], fake);
    expect(calls).toEqual([`update ${B}`]);
  });
});
