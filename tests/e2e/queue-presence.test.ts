import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../harness/extension/launch-extension-browser';
import type { RawAmiClient } from '../../harness/raw-ami';
import { connectAmi } from '../support/ami';
import { screenshotOf } from '../support/e2e/screenshot';
import { pairedBrowser } from '../support/e2e/paired-browser';
import { waitUntil } from '../support/e2e/wait-until';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { MEMBER_101, pbxPaused, queueCallRings } from '../support/queue-member';
import { stopSipp } from '../support/sip-peers';

/** The badge's paused state: a sign, not a colour alone. */
const PAUSE_SIGN = '||';

describe('queue presence in the popup, in Chromium, on the real PBX', () => {
  let browser: ExtensionBrowser;
  let helper: RealHelper;
  let admin: RawAmiClient;
  let popup: Page;

  beforeAll(async () => {
    helper = await startRealHelper({ extensions: ['101'] });
    admin = await connectAmi('admin');
    browser = await pairedBrowser(helper);
    popup = await browser.openPopup();
  });

  afterEach(stopSipp);

  afterAll(async () => {
    await admin?.action({ Action: 'QueuePause', Interface: MEMBER_101, Paused: 'false' });
    await admin?.close();
    await browser?.close();
    await helper?.stop();
  });

  function queueRows(): Promise<string[]> {
    return popup.locator('.ct-queue').allTextContents();
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
    expect(await pbxPaused(admin)).toEqual({ operators: '1', 'operators-retry': '1' });
    const badge = await waitUntil(browser.badge, (b) => b.text.includes(PAUSE_SIGN), 15_000);
    expect(badge.title).toContain('Вы на паузе: звонки из очереди к вам не поступают');
    await screenshotOf(popup.locator('.ct-queues'), 'popup-queues-paused.ru');
    await browser.setSettings({ language: 'en' });
    await popup.getByText('Queues', { exact: true }).waitFor({ timeout: 15_000 });
    await screenshotOf(popup.locator('.ct-queues'), 'popup-queues-paused.en');
    await browser.setSettings({ language: 'ru' });
    await popup.getByText('Очереди', { exact: true }).waitFor({ timeout: 15_000 });

    expect(await queueCallRings()).toEqual({ rang101: false, rang102: true });
  });

  it('resumes from the popup: the queue rings 101 again and the badge clears', async () => {
    await popup.getByRole('button', { name: 'Снять паузу' }).click();
    await waitUntil(
      queueRows,
      (rows) => rows.length === 2 && rows.every((row) => row.includes('принимаете звонки')),
      15_000,
    );
    expect(await pbxPaused(admin)).toEqual({ operators: '0', 'operators-retry': '0' });
    await waitUntil(browser.badge, (b) => !b.text.includes(PAUSE_SIGN), 15_000);
    await browser.setSettings({ language: 'en' });
    await popup.getByText('Queues', { exact: true }).waitFor({ timeout: 15_000 });
    await popup.getByLabel('Pause reason').fill('Lunch');
    await screenshotOf(popup.locator('.ct-queues'), 'popup-queues.en');
    await popup.getByLabel('Pause reason').fill('');
    await browser.setSettings({ language: 'ru' });
    await popup.getByText('Очереди', { exact: true }).waitFor({ timeout: 15_000 });

    expect(await queueCallRings()).toEqual({ rang101: true, rang102: true });
  });

  it('shows a pause made by the admin account over AMI', async () => {
    await admin.action({
      Action: 'QueuePause',
      Interface: MEMBER_101,
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
    expect(badge.title).toContain('Вы на паузе');
  });
});
