import { browser } from '#imports';
import { parseManagedPolicy, type ManagedPolicy } from './managed-schema';

/** The browser policy for this extension; none when there is no policy (Firefox throws then). */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  let raw: Record<string, unknown>;
  try {
    raw = await browser.storage.managed.get();
  } catch {
    raw = {};
  }
  return parseManagedPolicy(raw);
}

/** Calls `listener` whenever the administrator changes the policy. */
export function watchManagedPolicy(listener: () => void, signal: AbortSignal): void {
  const onChanged = (_changes: object, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), {
    once: true,
  });
}
