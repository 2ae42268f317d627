import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from './package-error';
import { readZipEntry } from './read-zip-entry';

export type StoreBrowser = 'chromium' | 'firefox';

export interface ExtensionZip {
  file: string;
  browser: StoreBrowser;
  bytes: number;
  manifestVersion: number;
  /** What breaks the minimal-permission promise or the version: the build fails on these. */
  problems: string[];
  /** What a store would object to but an unpacked or enterprise install accepts. */
  warnings: string[];
}

interface Manifest {
  manifest_version?: number;
  version?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  key?: string;
  browser_specific_settings?: { gecko?: { id?: string } };
}

function isSitePattern(permission: string): boolean {
  return permission === '<all_urls>' || permission.includes('://');
}

/**
 * What each store package must satisfy: the version of package.json; no site access at
 * install (no host permissions, no URL patterns among the permissions, no statically
 * declared content scripts), sites requested at runtime through optional host permissions;
 * Firefox: a fixed add-on id.
 */
export function manifestProblems(
  manifest: Manifest,
  browser: StoreBrowser,
  version: string,
): string[] {
  const problems: string[] = [];
  if (manifest.version !== version) {
    problems.push(`version is ${manifest.version ?? '(none)'}, package.json says ${version}`);
  }
  if ((manifest.host_permissions ?? []).length > 0) {
    problems.push(
      `host_permissions grant sites at install: ${manifest.host_permissions?.join(', ')}`,
    );
  }
  const sites = (manifest.permissions ?? []).filter(isSitePattern);
  if (sites.length > 0) problems.push(`permissions grant sites at install: ${sites.join(', ')}`);
  if ((manifest.content_scripts ?? []).length > 0) {
    problems.push(
      'content_scripts are declared statically, so they run on their sites without a grant',
    );
  }
  const optional = [
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.optional_permissions ?? []),
  ].filter(isSitePattern);
  if (optional.length === 0) {
    problems.push('no optional host permissions: sites cannot be granted at runtime');
  }
  if (browser === 'firefox' && !manifest.browser_specific_settings?.gecko?.id) {
    problems.push('browser_specific_settings.gecko.id (the Firefox add-on id) is missing');
  }
  return problems;
}

/** Chromium: `key` pins the id of unpacked builds, and the Chrome Web Store refuses it. */
export function manifestWarnings(manifest: Manifest, browser: StoreBrowser): string[] {
  return browser === 'chromium' && manifest.key !== undefined
    ? [
        '"key" is set: the Chrome Web Store refuses an upload with it (it pins unpacked builds only)',
      ]
    : [];
}

function browserOf(name: string): StoreBrowser | undefined {
  if (name.endsWith('-firefox.zip')) return 'firefox';
  if (/-(chrome|edge|opera)\.zip$/.test(name)) return 'chromium';
  return undefined;
}

/** Checks every store zip WXT wrote to `outputDir` (the sources zip is not a store package). */
export function checkExtensionZips(outputDir: string, version: string): ExtensionZip[] {
  const zips = readdirSync(outputDir)
    .filter((name) => name.endsWith('.zip') && name.includes(`-${version}-`))
    .flatMap((name) => {
      const browser = browserOf(name);
      return browser === undefined ? [] : [{ name, browser }];
    });
  for (const browser of ['chromium', 'firefox'] as const) {
    if (!zips.some((zip) => zip.browser === browser)) {
      throw new PackageError(
        `No ${browser} zip of version ${version} in ${outputDir}: run npm run zip.`,
      );
    }
  }
  return zips.map(({ name, browser }) => {
    const file = join(outputDir, name);
    const text = readZipEntry(file, 'manifest.json');
    if (text === undefined) throw new PackageError(`${file} has no manifest.json at its root.`);
    const manifest = JSON.parse(text.toString('utf8')) as Manifest;
    return {
      file,
      browser,
      bytes: statSync(file).size,
      manifestVersion: manifest.manifest_version ?? 0,
      problems: manifestProblems(manifest, browser, version),
      warnings: manifestWarnings(manifest, browser),
    };
  });
}
