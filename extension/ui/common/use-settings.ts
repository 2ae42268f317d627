import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '../../lib/managed-schema';
import { readManagedPolicy, watchManagedPolicy } from '../../lib/managed-settings';
import {
  getSettings,
  getUserSettings,
  settingsItem,
  watchSettings,
  type Settings,
} from '../../lib/settings';

const NO_POLICY: ManagedPolicy = { settings: {}, pairingSecret: null };

/**
 * The settings in force, live; a function that saves a change to the user's own settings;
 * and the administrator's policy, whose settings the pages show as set and locked.
 * `null` until the first read.
 */
export function useSettings(): [
  Settings | null,
  (change: Partial<Settings>) => Promise<void>,
  ManagedPolicy,
] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<ManagedPolicy>(NO_POLICY);
  useEffect(() => {
    const scope = new AbortController();
    const loadPolicy = () =>
      void readManagedPolicy().then((loaded) => {
        if (!scope.signal.aborted) setPolicy(loaded);
      });
    watchSettings(setSettings, scope.signal);
    watchManagedPolicy(loadPolicy, scope.signal);
    loadPolicy();
    void getSettings().then((loaded) => {
      if (!scope.signal.aborted) setSettings(loaded);
    });
    return () => scope.abort();
  }, []);
  const save = useCallback(async (change: Partial<Settings>) => {
    await settingsItem.setValue({ ...(await getUserSettings()), ...change });
    setSettings(await getSettings());
  }, []);
  return [settings, save, policy];
}
