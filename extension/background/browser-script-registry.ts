import { browser } from '#imports';
import { CONTENT_SCRIPT_FILE } from '../lib/site-patterns';
import { CONTENT_SCRIPT_ID, type ScriptRegistry } from './site-scripts';

/** `ScriptRegistry` over `browser.scripting` and `browser.permissions`. */
export function browserScriptRegistry(): ScriptRegistry {
  const script = (matches: string[]) => ({
    id: CONTENT_SCRIPT_ID,
    js: [CONTENT_SCRIPT_FILE],
    matches,
    runAt: 'document_idle' as const,
    allFrames: false,
  });
  return {
    async registeredMatches() {
      const [found] = await browser.scripting.getRegisteredContentScripts({
        ids: [CONTENT_SCRIPT_ID],
      });
      return found === undefined ? null : (found.matches ?? []);
    },
    register: (matches) => browser.scripting.registerContentScripts([script(matches)]),
    update: (matches) => browser.scripting.updateContentScripts([script(matches)]),
    unregister: () => browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] }),
    granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  };
}
