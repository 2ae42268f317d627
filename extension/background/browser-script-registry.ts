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
    // Cabinets open order and client cards in embedded panels: every frame whose URL is on
    // an enabled site gets the script, each frame checked on its own, so a frame of another
    // site stays untouched. Panels the cabinet writes itself (about:blank, srcdoc) have no
    // URL of the site; their origin, the cabinet's, decides for them.
    allFrames: true,
    matchOriginAsFallback: true,
  });
  return {
    async registeredMatches() {
      const [found] = await browser.scripting.getRegisteredContentScripts({
        ids: [CONTENT_SCRIPT_ID],
      });
      if (found === undefined) return null;
      // A registration kept from a version without the stylesheet or the frames is updated
      // like a changed one.
      if (!found.css?.includes(CONTENT_STYLE_FILE) || found.allFrames !== true) return [];
      return found.matches ?? [];
    },
    register: (matches) => browser.scripting.registerContentScripts([script(matches)]),
    update: (matches) => browser.scripting.updateContentScripts([script(matches)]),
    unregister: () => browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] }),
    granted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  };
}
