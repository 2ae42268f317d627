import { storage } from '#imports';
import type { ManagedPolicy } from './managed-schema';
import { readManagedPolicy, watchManagedPolicy } from './managed-settings';

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
  /** Open the caller's cabinet page by itself: never, when the phone rings, or on answer. */
  screenPop: ScreenPopMode;
}

export type ScreenPopMode = 'off' | 'ring' | 'answer';
export const SCREEN_POP_MODES: readonly ScreenPopMode[] = ['off', 'ring', 'answer'];

export const DEFAULT_SETTINGS: Settings = {
  helper: { host: '127.0.0.1', port: 47800 },
  sites: [],
  linkify: true,
  rendering: 'highlight',
  cards: true,
  notifications: true,
  sound: false,
  language: 'auto',
  screenPop: 'off',
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

/** The user's own settings, without what policy sets: what the options page saves over. */
export async function getUserSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** The user's settings with the administrator's policy laid over them. */
export function withPolicy(user: Settings, policy: ManagedPolicy): Settings {
  const { helper, ...rest } = policy.settings;
  return { ...user, ...rest, helper: { ...user.helper, ...helper } };
}

/** The settings in force: the user's, with whatever browser policy sets winning. */
export async function getSettings(): Promise<Settings> {
  const [user, policy] = await Promise.all([getUserSettings(), readManagedPolicy()]);
  return withPolicy(user, policy);
}

/** Calls `listener` with the settings in force whenever the user or the policy changes them. */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const changed = () => {
    void getSettings().then((settings) => {
      if (!signal.aborted) listener(settings);
    });
  };
  const unwatch = settingsItem.watch(changed);
  signal.addEventListener('abort', unwatch, { once: true });
  watchManagedPolicy(changed, signal);
}
