import { browser } from '#imports';
import { HelperClient } from '../lib/helper-client/helper-client';
import type { HelperEndpoint } from '../lib/helper-client/endpoint';
import { readManagedPolicy, watchManagedPolicy } from '../lib/managed-settings';
import { pairingItem } from '../lib/settings';

/** Wakes a suspended worker so a helper that comes back is found without a user action. */
const WAKE_ALARM = 'helper-reconnect';

export function createHelperClient(): HelperClient {
  return new HelperClient({
    createSocket: (url) => new WebSocket(url),
    client: {
      name: 'Courier Telephony',
      version: browser.runtime.getManifest().version,
      browser: import.meta.env.BROWSER,
    },
    origin: new URL(browser.runtime.getURL('/')).origin,
    onManagedToken: (token) => void pairingItem.setValue({ token, pairedAt: Date.now() }),
  });
}

/**
 * Feeds the client the helper address, the pairing token and the policy's pairing secret:
 * the token and secret now and on every change, the address whenever the returned function
 * is called (on each settings change). Also retries from a periodic alarm: Chromium
 * stops an idle MV3 worker (and its backoff timers) while the helper is down,
 * and the alarm starts it again.
 */
export function keepHelperConfigured(
  client: HelperClient,
  endpoint: () => HelperEndpoint,
  signal: AbortSignal,
): () => void {
  let applying = Promise.resolve();
  const apply = () => {
    applying = applying.then(async () => {
      const [pairing, policy] = await Promise.all([pairingItem.getValue(), readManagedPolicy()]);
      if (signal.aborted) return;
      client.configure({
        endpoint: endpoint(),
        token: pairing?.token ?? null,
        managedSecret: policy.pairingSecret,
      });
    });
  };
  const unwatchPairing = pairingItem.watch(apply);
  signal.addEventListener('abort', unwatchPairing, { once: true });
  watchManagedPolicy(apply, signal);

  void browser.alarms.create(WAKE_ALARM, { periodInMinutes: 0.5 });
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === WAKE_ALARM) client.retryNow();
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  signal.addEventListener('abort', () => browser.alarms.onAlarm.removeListener(onAlarm), {
    once: true,
  });
  return apply;
}

/** Resolves once the first connection attempt has an outcome, or after `limitMs`. */
export function connectionSettled(client: HelperClient, limitMs: number): Promise<void> {
  if (client.connection.state !== 'connecting') return Promise.resolve();
  return new Promise((resolve) => {
    const scope = new AbortController();
    const done = () => {
      scope.abort();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    client.onConnection((state) => {
      if (state.state !== 'connecting') done();
    }, scope.signal);
  });
}
