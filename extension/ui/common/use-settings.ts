import { useCallback, useEffect, useState } from 'preact/hooks';
import { getSettings, settingsItem, watchSettings, type Settings } from '../../lib/settings';

/**
 * The stored settings, live, and a function that saves a change to them.
 * `null` until the first read.
 */
export function useSettings(): [Settings | null, (change: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const scope = new AbortController();
    watchSettings(setSettings, scope.signal);
    void getSettings().then((loaded) => {
      if (!scope.signal.aborted) setSettings(loaded);
    });
    return () => scope.abort();
  }, []);
  const save = useCallback(async (change: Partial<Settings>) => {
    const next = { ...(await getSettings()), ...change };
    await settingsItem.setValue(next);
    setSettings(next);
  }, []);
  return [settings, save];
}
