/** One registration, always under this id, holding every enabled and granted site. */
export const CONTENT_SCRIPT_ID = 'courier-telephony-cabinet';

/** The `scripting` and `permissions` calls the sync needs. */
export interface ScriptRegistry {
  registeredMatches(): Promise<string[] | null>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
  granted(pattern: string): Promise<boolean>;
}

/**
 * Makes the registered content script cover exactly the enabled sites whose
 * host permission is granted (a site the user enabled but whose permission
 * was later revoked in the browser is left out). Returns the covered patterns.
 */
export async function syncContentScripts(
  sites: readonly string[],
  registry: ScriptRegistry,
): Promise<string[]> {
  const wanted: string[] = [];
  for (const site of new Set(sites)) {
    if (await registry.granted(site)) wanted.push(site);
  }
  const current = await registry.registeredMatches();
  if (wanted.length === 0) {
    if (current !== null) await registry.unregister();
    return wanted;
  }
  if (current === null) await registry.register(wanted);
  else if (!sameSet(current, wanted)) await registry.update(wanted);
  return wanted;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
