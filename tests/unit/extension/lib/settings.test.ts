import { beforeEach, describe, expect, it } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  pairingItem,
  settingsItem,
  watchSettings,
  type Settings,
} from '../../../../extension/lib/settings';

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults: nothing enabled, helper on 127.0.0.1:47800', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.sites).toEqual([]);
    expect(DEFAULT_SETTINGS.screenPop).toBe('off');
    expect(DEFAULT_SETTINGS.helper).toEqual({ host: '127.0.0.1', port: 47800 });
    expect(DEFAULT_SETTINGS.rendering).toBe('highlight');
  });

  it('persists every field in local storage, where another page reads it back', async () => {
    const changed: Settings = {
      helper: { host: 'localhost', port: 47801 },
      sites: ['https://cabinet.example.com/*'],
      linkify: false,
      rendering: 'links',
      cards: false,
      notifications: false,
      sound: true,
      language: 'ru',
      screenPop: 'answer',
    };
    await settingsItem.setValue(changed);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(changed);
    const reopened = storage.defineItem<Settings>('local:settings', {
      fallback: DEFAULT_SETTINGS,
      version: 1,
    });
    expect(await reopened.getValue()).toEqual(changed);
  });

  it('fills fields an older install never stored with their defaults', async () => {
    await fakeBrowser.storage.local.set({
      settings: { helper: { host: '127.0.0.1', port: 47800 }, sites: ['http://127.0.0.1/*'] },
    });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, sites: ['http://127.0.0.1/*'] });
  });

  it('hands what version 1 stored to a later version through its migration', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      sound: true,
      sites: ['https://a.example/*'],
    });
    interface SettingsV2 extends Omit<Settings, 'sound'> {
      sound: { enabled: boolean; volume: number };
    }
    const v2 = storage.defineItem<SettingsV2>('local:settings', {
      version: 2,
      migrations: {
        2: (old: Settings): SettingsV2 => ({ ...old, sound: { enabled: old.sound, volume: 1 } }),
      },
    });
    expect(await v2.getValue()).toMatchObject({
      sites: ['https://a.example/*'],
      sound: { enabled: true, volume: 1 },
    });
    expect(await v2.getMeta()).toEqual({ v: 2 });
  });

  it('notifies watchers with defaults filled in, until their signal aborts', async () => {
    const seen: Settings[] = [];
    const scope = new AbortController();
    watchSettings((settings) => seen.push(settings), scope.signal);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cards: false });
    scope.abort();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cards: true });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, cards: false }]);
  });

  it('keeps the pairing token apart from the settings', async () => {
    await pairingItem.setValue({ token: 'x'.repeat(32), pairedAt: 1 });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await pairingItem.getValue()).toEqual({ token: 'x'.repeat(32), pairedAt: 1 });
  });
});
