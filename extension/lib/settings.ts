import { storage } from '#imports';

/**
 * User settings, versioned so older installs migrate on read. The pairing
 * token is stored separately (`local:pairing`) and never synced.
 */
export interface Settings {
  helper: { host: string; port: number };
  /** Match patterns of enabled cabinet sites, e.g. `https://cabinet.example.com/*`. */
  sites: string[];
  linkify: boolean;
  /**
   * How numbers become callable: painted over the page's text (`highlight`,
   * nothing in the page changes) or wrapped in inserted `<a>` links
   * (`links`). Browsers without the Highlight API always get links.
   */
  rendering: 'highlight' | 'links';
  cards: boolean;
  notifications: boolean;
  sound: boolean;
  language: 'auto' | 'ru' | 'en';
}

export const DEFAULT_SETTINGS: Settings = {
  helper: { host: '127.0.0.1', port: 47800 },
  sites: [],
  linkify: true,
  rendering: 'highlight',
  cards: true,
  notifications: true,
  sound: false,
  language: 'auto',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export interface Pairing {
  token: string;
  pairedAt: number;
}

export const pairingItem = storage.defineItem<Pairing | null>('local:pairing', {
  fallback: null,
});

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const unwatch = settingsItem.watch((value) => listener({ ...DEFAULT_SETTINGS, ...value }));
  signal.addEventListener('abort', unwatch, { once: true });
}
