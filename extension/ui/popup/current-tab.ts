import { browser, type ScriptPublicPath } from '#imports';
import { enableSite } from '../common/site-access';
import { CONTENT_SCRIPT_FILE } from '../../lib/site-patterns';

// Typed loosely: the generated path list only names the content script once it has been built.
const CONTENT_SCRIPT_PATH: string = `/${CONTENT_SCRIPT_FILE}`;

export interface CurrentTab {
  id: number;
  /** Absent when the browser does not let the extension see this tab's address. */
  url?: string;
}

/** The tab the popup was opened over, and enabling the extension on its site. */
export interface TabAccess {
  currentTab(): Promise<CurrentTab | null>;
  /** Call straight from a click handler: it asks the browser for access to the site. */
  enableOnTab(pattern: string, tab: CurrentTab): Promise<boolean>;
}

export function browserTabAccess(): TabAccess {
  return {
    async currentTab() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return null;
      return tab.url === undefined ? { id: tab.id } : { id: tab.id, url: tab.url };
    },
    enableOnTab(pattern, tab) {
      return enableSite(pattern).then(async (granted) => {
        // The registration covers pages loaded from now on; the open page gets the script now.
        if (granted) {
          await browser.scripting
            .executeScript({
              target: { tabId: tab.id },
              files: [CONTENT_SCRIPT_PATH as ScriptPublicPath],
            })
            .catch(() => undefined);
        }
        return granted;
      });
    },
  };
}
