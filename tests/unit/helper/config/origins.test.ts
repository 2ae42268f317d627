import { describe, expect, it } from 'vitest';
import {
  admissionProblems,
  ANY_FIREFOX_ORIGIN,
  canonicalOrigin,
  defaultAllowedOrigins,
  DEV_CHROMIUM_ORIGIN,
  RELEASE_BUILD,
  STORE_CHROMIUM_ORIGINS,
} from '../../../../helper/config/origins';

describe('the origins the helper admits', () => {
  it('admits only the store listings by default in a release', () => {
    expect(defaultAllowedOrigins(true)).toEqual([...STORE_CHROMIUM_ORIGINS]);
    expect(defaultAllowedOrigins(true)).not.toContain(DEV_CHROMIUM_ORIGIN);
    expect(defaultAllowedOrigins(true)).not.toContain(ANY_FIREFOX_ORIGIN);
  });

  it('admits the development build and Firefox when run from the sources', () => {
    expect(RELEASE_BUILD).toBe(false);
    expect(defaultAllowedOrigins()).toEqual([
      DEV_CHROMIUM_ORIGIN,
      ANY_FIREFOX_ORIGIN,
      ...STORE_CHROMIUM_ORIGINS,
    ]);
  });

  it('reports a list admitting nothing, and the development id in a release only', () => {
    expect(admissionProblems([], false)[0]?.message).toBe(
      'admits no extension, so none can connect',
    );
    const upper = DEV_CHROMIUM_ORIGIN.toUpperCase();
    expect(admissionProblems([upper], true)[0]?.fix).toContain(`remove "${DEV_CHROMIUM_ORIGIN}"`);
    expect(admissionProblems([DEV_CHROMIUM_ORIGIN], false)).toEqual([]);
    expect(admissionProblems([ANY_FIREFOX_ORIGIN], true)).toEqual([]);
  });

  it('spells every accepted entry as a browser sends it, and refuses web origins', () => {
    expect(canonicalOrigin(' MOZ-EXTENSION://* ')).toBe(ANY_FIREFOX_ORIGIN);
    expect(canonicalOrigin('https://cabinet.example')).toBeUndefined();
    expect(canonicalOrigin('chrome-extension://*')).toBeUndefined();
  });
});
