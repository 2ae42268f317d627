import { browser } from '#imports';
import { getSettings, settingsItem } from '../../lib/settings';

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
    const settings = await getSettings();
    if (!settings.sites.includes(pattern)) {
      await settingsItem.setValue({ ...settings, sites: [...settings.sites, pattern] });
    }
    return true;
  });
}

/** Disables a site and gives its access back to the browser. */
export async function disableSite(pattern: string): Promise<void> {
  const settings = await getSettings();
  await settingsItem.setValue({ ...settings, sites: settings.sites.filter((s) => s !== pattern) });
  try {
    await browser.permissions.remove({ origins: [pattern] });
  } catch {
    // Access granted at install (test builds) cannot be removed; the site is off all the same.
  }
}
