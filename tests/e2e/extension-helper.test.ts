import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import type { ServerMessage } from '../../shared/protocol';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import { cardText } from '../support/e2e/card-text';
import { OwnUi } from '../support/e2e/own-ui';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { screenshot } from '../support/e2e/screenshot';
import { startHelper, type HelperSession, type RunningHelper } from '../support/e2e/start-helper';
import { waitUntil } from '../support/e2e/wait-until';

const DEMO_PATTERN = 'http://127.0.0.1/*';
/** A recipient the demo directory knows, with two orders in work. */
const RECIPIENT = '+79161234567';
/** A client's contact person in the demo directory. */
const CLIENT_CONTACT = '+74951234567';

const isClickToCall = (message: ServerMessage) =>
  message.type === 'call' && message.call.origin === 'click-to-call';

describe('extension with a running helper (demo PBX)', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RunningHelper;
  let session: HelperSession;
  let stateDir: string;
  let cabinet: Page;

  const connectedBadge = () =>
    waitUntil(browser.badge, (badge) => badge.title.includes('Connected'), 20_000);

  const simulateCall = async (number: string) => {
    session.send({ type: 'demo.simulate', id: `sim-${Date.now()}`, number, scenario: 'answer' });
  };

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    stateDir = await mkdtemp(join(tmpdir(), 'ct-e2e-state-'));
    helper = await startHelper({ stateDir });
    browser = await launchExtensionBrowser({ extensionDir });
    // Inserted links: this file drives page scripts against our own elements.
    await browser.setSettings({
      helper: { host: '127.0.0.1', port: helper.port },
      language: 'en',
      rendering: 'links',
    });
  });

  afterAll(async () => {
    session?.close();
    await browser?.close();
    await helper?.stop();
    await demo?.close();
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  it('asks to pair until paired with the code from `courier-helper pair`, then shows connected', async () => {
    await waitUntil(browser.badge, (badge) => badge.text === '?', 10_000);
    const code = await helper.pairingCode();
    await browser.pair(code);
    const badge = await connectedBadge();
    expect(badge).toEqual({
      text: '',
      title: 'Courier Telephony\nConnected, your extensions: 101',
    });
    const options = await browser.openOptions();
    await options.getByText('Working, version').waitFor();
    await screenshot(options, 'options-paired');
    await options.close();
    session = await helper.openSession();
  });

  it('shows an incoming-call card in the cabinet tab in front', async () => {
    expect(await browser.enableSite(demo.url)).toBe(DEMO_PATTERN);
    cabinet = await browser.context.newPage();
    await cabinet.goto(demo.url);
    await cabinet.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
    await cabinet.bringToFront();
    await simulateCall(RECIPIENT);
    const text = await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes('Цветочная'),
      15_000,
    );
    expect(text).toContain('+7 916 123-45-67');
    await screenshot(cabinet, 'incoming-call-card');
    // After the talk the card stays, offering the outcome, until the operator closes it.
    await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes('Call ended') && t.includes('Call outcome'),
      30_000,
    );
    await new OwnUi(cabinet, 'ct-call-cards').click('button.dismiss');
    await waitUntil(
      () => cardText(cabinet),
      (t) => !t.includes('Цветочная'),
      15_000,
    );
  });

  it('lists the call in the popup, with the helper, PBX and database status', async () => {
    const popup = await browser.openPopup();
    await popup.locator('.ct-call').first().waitFor({ timeout: 15_000 });
    const status = await popup.locator('.ct-status').innerText();
    expect(status).toContain('Working, version');
    expect(status).toContain('Demo: simulated PBX');
    expect(await popup.locator('.ct-extensions').innerText()).toBe('Your extensions: 101');
    expect(await popup.getByText('Demo mode').isVisible()).toBe(true);
    await screenshot(popup, 'popup-connected');
    await popup.close();
  });

  it('does not dial for page scripts: posted messages, synthetic events, forged clicks', async () => {
    // A tab of the enabled site whose own scripts try every way in they have.
    const attacked = await browser.context.newPage();
    await attacked.goto(demo.url);
    await attacked.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
    await attacked.evaluate((number) => {
      const link = document.querySelector<HTMLAnchorElement>('a.ct-phone');
      const dial = { kind: 'dial', number, source: 'link' };
      window.postMessage(dial, '*');
      window.postMessage({ type: 'dial', id: 'x', number, source: 'link' }, '*');
      window.dispatchEvent(new CustomEvent('ct-dial', { detail: dial }));
      document.dispatchEvent(new MessageEvent('message', { data: dial }));
      link?.focus();
      link?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      link?.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, view: window }),
      );
      link?.click();
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      if (typeof runtime?.sendMessage === 'function') {
        (runtime.sendMessage as (id: string, message: unknown) => void)(
          'efimpjfpbnikmcgaaljbfonliffkmhhl',
          dial,
        );
      }
    }, RECIPIENT);
    await expect(session.next(isClickToCall, 5_000)).rejects.toThrow(/no matching frame/);
    // Headless Chromium stops delivering input to a tab once its script has tried to open
    // a `tel:` address without a gesture, so the trusted click below uses another tab.
    await attacked.close();

    // The same link clicked by a person (a trusted click) does dial: the channel itself works.
    await cabinet.bringToFront();
    await cabinet.locator('a.ct-phone').first().click();
    const dialled = await session.next(isClickToCall, 15_000);
    expect(dialled.type === 'call' && dialled.call.remote.e164).toBe(RECIPIENT);
  });

  it('shows the helper down within 5 s of it stopping, and reconnects by itself when it is back', async () => {
    await waitUntil(
      () =>
        session.next(isClickToCall, 100).then(
          () => false,
          () => true,
        ),
      Boolean,
      20_000,
    );
    session.close();
    const port = helper.port;
    const stopped = Date.now();
    await helper.stop();
    const down = await waitUntil(browser.badge, (badge) => badge.text === '✕', 5_000);
    console.log(`badge showed the helper down ${Date.now() - stopped} ms after it stopped`);
    expect(down.title).toMatch(/^Courier Telephony\nHelper not running/);

    helper = await startHelper({ port, stateDir });
    const restarted = Date.now();
    await connectedBadge();
    console.log(`reconnected ${Date.now() - restarted} ms after the helper restarted`);

    session = await helper.openSession();
    await cabinet.bringToFront();
    await simulateCall(CLIENT_CONTACT);
    const text = await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes('Орлова Анна'),
      15_000,
    );
    expect(text).toContain('Цветочная лавка');
  });
});
