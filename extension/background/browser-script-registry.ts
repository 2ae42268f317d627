import { browser } from '#imports';
import { CONTENT_SCRIPT_FILE, CONTENT_STYLE_FILE } from '../lib/site-patterns';
import { CONTENT_SCRIPT_ID, type ScriptRegistry } from './site-scripts';

/** `ScriptRegistry` over `browser.scripting` and `browser.permissions`. */
export function browserScriptRegistry(): ScriptRegistry {
  const script = (matches: string[]) => ({
    id: CONTENT_SCRIPT_ID,
    js: [CONTENT_SCRIPT_FILE],
    css: [CONTENT_STYLE_FILE],
    matches,
    runAt: 'document_idle' as const,
    allFrames: false,
  });
  return {
    async registeredMatches() {
      const [found] = await browser.scripting.getRegisteredContentScripts({
        ids: [CONTENT_SCRIPT_ID],
      });
      if (found === undefined) return null;
      // A registration kept from a version without the stylesheet is updated like a changed one.
      if (!found.css?.includes(CONTENT_STYLE_FILE)) return [];
      return found.matches ?? [];
    },
    register: (matches) => browser.scripting.registerContentScripts([script(matches)]),
    update: (matches) => browser.scripting.updateContentScripts([script(matches)]),
    unregister: () => browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] }),
    granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  };
}
