import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { freePort } from '../../harness/services/free-port';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { DIDS } from '../../harness/pbx-plan';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { cardText } from '../support/e2e/card-text';
import { guideImage } from '../support/e2e/guide-image';
import { waitForPainted } from '../support/e2e/painted-numbers';
import { waitUntil } from '../support/e2e/wait-until';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';

const NBSP = '\u00a0';
/** A number of the demo cabinet as written there; painted as a call link by default. */
const PAINTED = '8 (916) 123-45-67';
const { orderA } = WELL_KNOWN.orders;

/** What each language's pictures must show: the guides quote these. */
const EXPECTED = {
  ru: {
    connected: 'Подключено',
    paired: 'Сопряжено',
    ringing: 'Звонит…',
    talking: 'Разговор',
    transfer: 'Перевести…',
    date: '24.11.2025, 10:00–14:00',
    cod: `Наложенный платёж: 1${NBSP}500${NBSP}₽`,
    status: 'в работе',
    missed: 'Пропущен',
    helperDown: 'Не запущен',
  },
  en: {
    connected: 'Connected',
    paired: 'Paired on',
    ringing: 'Ringing…',
    talking: 'Talking',
    transfer: 'Transfer…',
    date: '24 Nov 2025, 10:00–14:00',
    cod: 'Cash on delivery: ₽1,500',
    status: 'in work',
    missed: 'Missed',
    helperDown: 'Not running',
  },
} as const;

/**
 * The pictures of the operator guides, in Russian and in English, from the real helper, a
 * real Asterisk call and the courier database: `npm run docs:screenshots` writes them into
 * docs/images. Each run also checks what they show, such as the card's Russian date and
 * money (24.11.2025, 1 500 ₽).
 */
describe('the guides’ screenshots, from real calls', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({ extensions: ['101'] });
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port } });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await browser.enableSite(demo.url);
  });

  afterEach(stopSipp);

  afterAll(async () => {
    await browser?.close();
    await helper?.stop();
    await demo?.close();
  });

  async function openCabinet(): Promise<Page> {
    const cabinet = await browser.context.newPage();
    await cabinet.goto(demo.url);
    await waitForPainted(cabinet, PAINTED);
    await cabinet.bringToFront();
    return cabinet;
  }

  describe.each(['ru', 'en'] as const)('in %s', (language) => {
    const expected = EXPECTED[language];

    beforeAll(async () => {
      await browser.setSettings({ language });
      await waitUntil(browser.badge, (badge) => badge.title.includes(expected.connected), 30_000);
    });

    it('shows the options and the cabinet with its numbers as call links', async () => {
      const options = await browser.openOptions();
      await options.getByText(expected.paired).waitFor({ timeout: 15_000 });
      await guideImage(options, 'options', language);
      await options.close();
      if (language === 'ru') {
        const cabinet = await openCabinet();
        await guideImage(cabinet, 'cabinet-phone-links', undefined, { width: 740, height: 380 });
        await cabinet.close();
      }
    });

    it('shows the card of a ringing recipient in the language’s dates and money, then talking', async () => {
      const cabinet = await openCabinet();
      await startPhone('101', 'answer', { answerAfterMs: 8_000 });
      await placeInboundCall({
        from: FIXTURE_NUMBERS.recipient,
        did: DIDS.direct,
        hangupAfterMs: 6_000,
      });
      const ringing = await waitUntil(
        () => cardText(cabinet, { noBreakSpaces: true }),
        (text) => text.includes(orderA.number) && text.includes(expected.ringing),
        30_000,
      );
      expect(ringing).toContain(expected.date);
      expect(ringing).toContain(expected.cod);
      expect(ringing).toContain(expected.status);
      expect(ringing).not.toContain('2025-11-24');
      await guideImage(cabinet.locator('ct-call-cards'), 'card-ringing', language);

      await waitUntil(
        () => cardText(cabinet),
        (text) => text.includes(expected.talking) && text.includes(expected.transfer),
        30_000,
      );
      await guideImage(cabinet.locator('ct-call-cards'), 'card-answered', language);
      await cabinet.close();
    }, 90_000);

    it('lists a missed call in the popup', async () => {
      await startPhone('101', 'ring');
      const caller = await placeInboundCall({
        from: FIXTURE_NUMBERS.recipient,
        did: DIDS.direct,
        ringTimeoutMs: 4_000,
      });
      expect((await caller.done).answered).toBe(false);
      const popup = await browser.openPopup();
      const missed = popup.locator('.ct-call--missed').first();
      await waitUntil(
        () => missed.innerText(),
        (text) =>
          text.includes(expected.missed) && text.includes(WELL_KNOWN.deliveries.deliveryA.fio),
        30_000,
      );
      await guideImage(popup.locator('.ct-page'), 'popup-missed-call', language);
      await popup.close();
    }, 90_000);

    it('says in the popup when the helper is not running', async () => {
      await browser.setSettings({ helper: { host: '127.0.0.1', port: await freePort() } });
      try {
        const popup = await browser.openPopup();
        await popup
          .locator('.ct-status')
          .getByText(expected.helperDown)
          .waitFor({ timeout: 20_000 });
        await guideImage(popup.locator('.ct-page'), 'popup-helper-not-running', language);
        await popup.close();
      } finally {
        await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port } });
        await waitUntil(browser.badge, (badge) => badge.title.includes(expected.connected), 30_000);
      }
    });
  });
});
