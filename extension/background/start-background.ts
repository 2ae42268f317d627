import { browser } from '#imports';
import { onLanguageChange, setLanguage } from '../lib/i18n/core';
import { browserLanguage, resolveLanguage } from '../lib/i18n/language';
import '../lib/i18n/shell-strings';
import type { ConnectionState } from '../lib/runtime-messages';
import {
  DEFAULT_SETTINGS,
  getSettings,
  pairingItem,
  watchSettings,
  type Settings,
} from '../lib/settings';
import { paintBadge } from './badge-painter';
import { BadgeTracker } from './badge-tracker';
import { browserScriptRegistry } from './browser-script-registry';
import { CallDispatcher } from './call-dispatcher';
import { callIdOfNotification, createCallNotifier } from './call-notifier';
import { installCallMenu } from './context-menu';
import { listenForDialCommand } from './dial-command';
import { DialCoordinator } from './dial-coordinator';
import { dialDelivery } from './dial-delivery';
import { focusCabinetTab, frontCabinetTab, showCabinetPage } from './front-tab';
import { connectionSettled, createHelperClient, keepHelperConfigured } from './helper-connection';
import { callFinder, helperRequests } from './helper-requests';
import { dialSelection } from './menu-dial';
import { listenForRequests } from './request-listener';
import { routeRequest } from './router';
import { ScreenPop } from './screen-pop';
import { classifySender, TOP_FRAME } from './sender-policy';
import { syncContentScripts } from './site-scripts';
import { acceptTabLinks } from './tab-links';
import { broadcastToCabinetTabs, sendToExtensionPages, sendToTab } from './tab-messaging';

/** A message that wakes the worker waits this long for the helper connection before answering. */
const WAKE_CONNECT_LIMIT_MS = 3000;

/**
 * Wires the background: the helper connection, badge, message routing, call
 * cards and notifications, the context menu and the content script's
 * registration on enabled sites. Every listener is added synchronously, as
 * an MV3 worker woken by an event must find its listener at once.
 */
export function startBackground(signal: AbortSignal): void {
  let settings: Settings = DEFAULT_SETTINGS;
  const own = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };

  const client = createHelperClient();
  signal.addEventListener('abort', () => client.close(), { once: true });
  const notifier = createCallNotifier();
  const dials = new DialCoordinator(client, dialDelivery(notifier));
  const calls = new CallDispatcher({
    settings: () => settings,
    frontTab: () => frontCabinetTab(settings.sites),
    // Cards live in a tab's top frame; its embedded frames have no use for call updates.
    sendToTab: (tabId, message) => sendToTab(tabId, message, TOP_FRAME),
    notifier,
    findCalls: callFinder(client),
  });
  // Cards a tab kept while the browser had stopped the worker: how they stand is asked once
  // the helper connection is up, whichever comes first, the tab or the connection.
  const reconcileCards = () => {
    if (client.connection.state === 'connected') void calls.reconcile();
  };
  const badge = new BadgeTracker(paintBadge);
  const screenPop = new ScreenPop({
    mode: () => settings.screenPop,
    show: (url) => showCabinetPage(url, settings.sites),
  });

  const registry = browserScriptRegistry();
  let syncing = Promise.resolve();
  const syncSites = () => {
    syncing = syncing
      .then(() => syncContentScripts(settings.sites, registry))
      .then(
        () => undefined,
        (error: unknown) => console.error('[background] content script registration failed', error),
      );
  };
  const configureHelper = keepHelperConfigured(client, () => settings.helper, signal);
  const applySettings = (next: Settings) => {
    settings = next;
    setLanguage(resolveLanguage(next.language, browserLanguage()));
    configureHelper();
    syncSites();
  };
  let settingsChanged = false;
  watchSettings((next) => {
    settingsChanged = true;
    applySettings(next);
  }, signal);
  const settingsLoaded = getSettings().then((loaded) => {
    // A change seen by the watcher meanwhile is newer than this first read.
    if (!settingsChanged) applySettings(loaded);
  });

  // A tab's link may be what started this worker: held at once, checked once the
  // settings (the enabled sites) are in.
  acceptTabLinks(async (sender) => {
    await settingsLoaded;
    return classifySender(sender, own, settings.sites).kind === 'content-script';
  }, signal);

  const requests = helperRequests(client, (token) =>
    pairingItem.setValue({ token, pairedAt: Date.now() }),
  );
  listenForRequests(async (request, sender) => {
    await settingsLoaded;
    return routeRequest(request, classifySender(sender, own, settings.sites), {
      ...requests,
      connection: () => client.connection,
      dial: async (number, source, audience) => {
        await connectionSettled(client, WAKE_CONNECT_LIMIT_MS);
        return dials.start(number, source, audience);
      },
      dismissCard: async (callId) => {
        const tabs = await calls.dismiss(callId);
        await Promise.all(
          tabs.map((tabId) => sendToTab(tabId, { kind: 'card-dismissed', callId }, TOP_FRAME)),
        );
      },
      tabReady: async (tabId, shown) => {
        const live = await calls.tabReady(tabId, shown);
        reconcileCards();
        return live;
      },
    });
  }, signal);

  client.onConnection((connection: ConnectionState) => {
    badge.connectionChanged(connection);
    if (connection.state !== 'connected') void calls.forgetAll();
    else reconcileCards();
    const message = { kind: 'connection', connection } as const;
    void sendToExtensionPages(message);
    void broadcastToCabinetTabs(settings.sites, message);
  }, signal);
  client.onPush((push) => {
    if (push.type === 'call') {
      void calls.dispatch(push.call);
      screenPop.observe(push.call);
    } else if (push.type === 'missed') badge.missedChanged(push.count);
  }, signal);

  installCallMenu((selection) => dialSelection(selection, dials, notifier), signal);
  listenForDialCommand(signal);
  const onNotificationClick = (notificationId: string) => {
    const callId = callIdOfNotification(notificationId);
    if (callId === null) return;
    void focusCabinetTab(settings.sites, calls.tabsShowing(callId)).catch(() => {});
  };
  browser.notifications.onClicked.addListener(onNotificationClick);
  signal.addEventListener(
    'abort',
    () => browser.notifications.onClicked.removeListener(onNotificationClick),
    { once: true },
  );

  const onPermissionsChanged = () => syncSites();
  browser.permissions.onAdded.addListener(onPermissionsChanged);
  browser.permissions.onRemoved.addListener(onPermissionsChanged);
  signal.addEventListener(
    'abort',
    () => {
      browser.permissions.onAdded.removeListener(onPermissionsChanged);
      browser.permissions.onRemoved.removeListener(onPermissionsChanged);
    },
    { once: true },
  );

  onLanguageChange(() => void badge.repaint(), signal);
  void badge.repaint();
}
