import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { buildExtension } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { DIDS } from '../../harness/pbx-plan';
import type { RawAmiClient } from '../../harness/raw-ami';
import { connectAmi } from '../support/ami';
import { screenshotOf } from '../support/e2e/screenshot';
import { waitUntil } from '../support/e2e/wait-until';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';

/** Operator 101's member interface in both test queues (queues.conf). */
const MEMBER = 'Local/101@from-queue/n';
const PAUSE_SIGN = '⏸';

describe('queue presence in the popup, in Chromium, on the real PBX', () => {
  let browser: ExtensionBrowser;
  let helper: RealHelper;
  let admin: RawAmiClient;
  let popup: Page;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    helper = await startRealHelper({ extensions: ['101'] });
    admin = await connectAmi('admin');
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port }, language: 'ru' });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await waitUntil(browser.badge, (badge) => badge.title.includes('Подключено'), 30_000);
    popup = await browser.openPopup();
  });

  afterEach(stopSipp);

  afterAll(async () => {
    await admin?.action({ Action: 'QueuePause', Interface: MEMBER, Paused: 'false' });
    await admin?.close();
    await browser?.close();
    await helper?.stop();
  });

  function queueRows(): Promise<string[]> {
    return popup.locator('.ct-queue').allTextContents();
  }

  /** 101's pause in each queue as the PBX lists it (in no fixed order). */
  async function pbxPaused(): Promise<Record<string, string>> {
    const { events } = await admin.listAction({ Action: 'QueueStatus', Member: MEMBER });
    return Object.fromEntries(
      events.filter((e) => e.Event === 'QueueMember').map((e) => [e.Queue, e.Paused]),
    );
  }

  /** Rings the queue once: whether 101's phone was offered the call (102's always is). */
  async function queueRings101(): Promise<boolean> {
    const phone101 = await startPhone('101', 'ring');
    const phone102 = await startPhone('102', 'ring');
    const call = await placeInboundCall({
      from: FIXTURE_NUMBERS.recipient,
      did: DIDS.queue,
      ringTimeoutMs: 30_000,
    });
    await phone102.waitForInvite({ since: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const rang = phone101.invites().length > 0;
    await call.hangup();
    return rang;
  }

  it('pauses in every queue from the popup, with a reason: the queue stops ringing 101, the badge shows it', async () => {
    await popup.getByText('Очереди', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await queueRows()).toEqual([
      '●operators (доб. 101)принимаете звонки',
      '●operators-retry (доб. 101)принимаете звонки',
    ]);
    await popup.getByLabel('Причина паузы').fill('Обед');
    await screenshotOf(popup.locator('.ct-queues'), 'popup-queues.ru');
    await popup.getByRole('button', { name: 'Пауза во всех очередях' }).click();
    await waitUntil(
      queueRows,
      (rows) => rows.length === 2 && rows.every((row) => row.includes('на паузе: Обед')),
      15_000,
    );
    expect(await pbxPaused()).toEqual({ operators: '1', 'operators-retry': '1' });
    const badge = await waitUntil(browser.badge, (b) => b.text.includes(PAUSE_SIGN), 15_000);
    expect(badge.title).toContain('На паузе в очередях: operators, operators-retry');
    await screenshotOf(popup.locator('.ct-queues'), 'popup-queues-paused.ru');
    await browser.setSettings({ language: 'en' });
    await popup.getByText('Queues', { exact: true }).waitFor({ timeout: 15_000 });
    await screenshotOf(popup.locator('.ct-queues'), 'popup-queues-paused.en');
    await browser.setSettings({ language: 'ru' });
    await popup.getByText('Очереди', { exact: true }).waitFor({ timeout: 15_000 });

    expect(await queueRings101()).toBe(false);
  });

  it('resumes from the popup: the queue rings 101 again and the badge clears', async () => {
    await popup.getByRole('button', { name: 'Снять паузу' }).click();
    await waitUntil(
      queueRows,
      (rows) => rows.length === 2 && rows.every((row) => row.includes('принимаете звонки')),
      15_000,
    );
    expect(await pbxPaused()).toEqual({ operators: '0', 'operators-retry': '0' });
    await waitUntil(browser.badge, (b) => !b.text.includes(PAUSE_SIGN), 15_000);
    await browser.setSettings({ language: 'en' });
    await popup.getByText('Queues', { exact: true }).waitFor({ timeout: 15_000 });
    await popup.getByLabel('Pause reason').fill('Lunch');
    await screenshotOf(popup.locator('.ct-queues'), 'popup-queues.en');
    await popup.getByLabel('Pause reason').fill('');
    await browser.setSettings({ language: 'ru' });
    await popup.getByText('Очереди', { exact: true }).waitFor({ timeout: 15_000 });

    expect(await queueRings101()).toBe(true);
  });

  it('shows a pause made by the admin account over AMI', async () => {
    await admin.action({
      Action: 'QueuePause',
      Interface: MEMBER,
      Queue: 'operators',
      Paused: 'true',
      Reason: 'Совещание',
    });
    const rows = await waitUntil(
      queueRows,
      (list) => list.some((row) => row.includes('на паузе: Совещание')),
      15_000,
    );
    expect(rows).toEqual([
      expect.stringMatching(/^⏸operators \(доб\. 101\)на паузе: Совещание, с /),
      '●operators-retry (доб. 101)принимаете звонки',
    ]);
    const badge = await waitUntil(browser.badge, (b) => b.text.includes(PAUSE_SIGN), 15_000);
    expect(badge.title).toContain('На паузе в очередях: operators');
  });
});
