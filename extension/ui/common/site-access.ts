import { browser } from '#imports';
import { getUserSettings, settingsItem } from '../../lib/settings';

/**
 * Enables a cabinet site: asks the browser for access to it, then stores it.
 * Must be called straight from a click handler, before anything is awaited:
 * browsers only show the permission prompt during a user gesture.
 * Resolves false when the user declines.
 */
export function enableSite(pattern: string): Promise<boolean> {
  const request = browser.permissions.request({ origins: [pattern] });
  return request.then(async (granted) => {
    if (!granted) return false;
    const settings = await getUserSettings();
    if (!settings.sites.includes(pattern)) {
      await settingsItem.setValue({ ...settings, sites: [...settings.sites, pattern] });
    }
    return true;
  });
}

/** Disables a site and gives its access back to the browser. */
export async function disableSite(pattern: string): Promise<void> {
  const settings = await getUserSettings();
  await settingsItem.setValue({ ...settings, sites: settings.sites.filter((s) => s !== pattern) });
  try {
    await browser.permissions.remove({ origins: [pattern] });
  } catch {
    // Access granted at install (test builds) cannot be removed; the site is off all the same.
  }
}

/** The patterns among `patterns` the browser has not granted access to yet. */
export async function sitesWithoutAccess(patterns: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const pattern of patterns) {
    if (!(await browser.permissions.contains({ origins: [pattern] }))) missing.push(pattern);
  }
  return missing;
}

/**
 * Asks for access to sites the administrator enabled, in one prompt. Browser policy cannot
 * grant optional host access, so each browser profile needs this one click; like
 * `enableSite`, it must run straight from the click.
 */
export function grantSites(patterns: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...patterns] });
}
