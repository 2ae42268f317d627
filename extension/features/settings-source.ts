import { getSettings, watchSettings, type Settings } from '../lib/settings';

/** Current settings plus change notifications, as a seam for tests. */
export interface SettingsSource {
  current(): Settings;
  watch(listener: (settings: Settings) => void, signal: AbortSignal): void;
}

/** Reads storage once, then keeps the copy fresh for synchronous readers. */
export async function loadSettingsSource(signal: AbortSignal): Promise<SettingsSource> {
  let latest = await getSettings();
  const listeners = new Set<(settings: Settings) => void>();
  watchSettings((settings) => {
    latest = settings;
    for (const listener of listeners) listener(settings);
  }, signal);
  return {
    current: () => latest,
    watch(listener, listenerSignal) {
      listeners.add(listener);
      listenerSignal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
