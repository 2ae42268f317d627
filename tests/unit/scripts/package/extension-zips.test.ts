import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkExtensionZips,
  manifestProblems,
  manifestWarnings,
} from '../../../../scripts/package/check-extension-zips';
import { PackageError } from '../../../../scripts/package/package-error';
import { listZipEntries, readZipEntry } from '../../../../scripts/package/read-zip-entry';
import { tempHome } from '../../../support/helper/workstation/install/install-harness';
import type { TempHome } from '../../../support/helper/workstation/install/install-harness';
import { writeZip } from '../../../support/scripts/package/zip-writer';

const GOOD_CHROMIUM = {
  manifest_version: 3,
  version: '1.2.3',
  permissions: ['storage', 'scripting'],
  optional_host_permissions: ['http://*/*', 'https://*/*'],
};
const GOOD_FIREFOX = {
  manifest_version: 2,
  version: '1.2.3',
  permissions: ['storage'],
  optional_permissions: ['http://*/*', 'https://*/*'],
  browser_specific_settings: { gecko: { id: 'courier-telephony@courier.example' } },
};

describe('extension store zips', () => {
  let dir: TempHome;
  beforeEach(() => {
    dir = tempHome();
  });
  afterEach(() => dir.remove());

  it('accepts minimal-permission manifests of the right version', () => {
    expect(manifestProblems(GOOD_CHROMIUM, 'chromium', '1.2.3')).toEqual([]);
    expect(manifestProblems(GOOD_FIREFOX, 'firefox', '1.2.3')).toEqual([]);
  });

  it('names each way a package would take sites at install or miss its identity', () => {
    const problems = manifestProblems(
      {
        version: '1.2.0',
        permissions: ['storage', '<all_urls>'],
        host_permissions: ['https://cabinet.example/*'],
        content_scripts: [{ matches: ['https://*/*'] }],
      },
      'firefox',
      '1.2.3',
    ).join('\n');
    expect(problems).toContain('version is 1.2.0, package.json says 1.2.3');
    expect(problems).toContain('host_permissions grant sites at install');
    expect(problems).toContain('permissions grant sites at install: <all_urls>');
    expect(problems).toContain('content_scripts are declared statically');
    expect(problems).toContain('no optional host permissions');
    expect(problems).toContain('gecko.id');
    expect(manifestWarnings({ ...GOOD_CHROMIUM, key: 'MIIB' }, 'chromium')[0]).toContain(
      'Chrome Web Store',
    );
  });

  it('reads the manifests out of the zips WXT writes, skipping the sources zip', () => {
    writeZip(join(dir.path, 'courier-telephony-1.2.3-chrome.zip'), {
      'manifest.json': JSON.stringify(GOOD_CHROMIUM),
      'background.js': 'x',
    });
    writeZip(join(dir.path, 'courier-telephony-1.2.3-firefox.zip'), {
      'manifest.json': JSON.stringify({ ...GOOD_FIREFOX, version: '1.2.2' }),
    });
    writeZip(join(dir.path, 'courier-telephony-1.2.3-sources.zip'), { 'package.json': '{}' });
    const zips = checkExtensionZips(dir.path, '1.2.3');
    expect(zips.map((zip) => [zip.browser, zip.manifestVersion, zip.problems.length])).toEqual([
      ['chromium', 3, 0],
      ['firefox', 2, 1],
    ]);
    const chrome = join(dir.path, 'courier-telephony-1.2.3-chrome.zip');
    expect(listZipEntries(chrome)).toEqual(['manifest.json', 'background.js']);
    expect(readZipEntry(chrome, 'background.js')?.toString()).toBe('x');
    expect(readZipEntry(chrome, 'missing.json')).toBeUndefined();
  });

  it('says to run npm run zip when a browser’s zip is missing', () => {
    writeZip(join(dir.path, 'courier-telephony-1.2.3-chrome.zip'), {
      'manifest.json': JSON.stringify(GOOD_CHROMIUM),
    });
    expect(() => checkExtensionZips(dir.path, '1.2.3')).toThrow(PackageError);
    expect(() => checkExtensionZips(dir.path, '1.2.3')).toThrow(/firefox.*npm run zip/);
  });
});
