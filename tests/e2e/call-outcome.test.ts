import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { DIDS } from '../../harness/pbx-plan';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { cardText } from '../support/e2e/card-text';
import { OwnUi } from '../support/e2e/own-ui';
import { paintedRanges } from '../support/e2e/painted-numbers';
import { waitUntil } from '../support/e2e/wait-until';
import { harnessFaults } from '../support/fault-control';
import { EXPECTED_LOOKUPS, FIXTURE_NUMBERS } from '../support/fixtures';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { placeInboundCall, startPhone, stopSipp, type SippCall } from '../support/sip-peers';

/** A number the courier database does not know. */
const UNKNOWN_CALLER = '79990004411';
const [ORDER_A, ORDER_B] = EXPECTED_LOOKUPS.recipient.shipments;
const CARD = 'article.card';

interface JournalRow extends RowDataPacket {
  call_id: string;
  outcome: string | null;
  outcome_label: string | null;
  note: string | null;
  outcome_order_code: number | null;
  outcome_order_number: string | null;
}

describe('outcome and note on the card, with Chromium, the real helper, Asterisk 22 and MariaDB', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;
  let cabinet: Page;
  let cards: OwnUi;
  let caller: SippCall | undefined;
  let databaseDown = false;
  /** The calls these tests journaled on 101, removed at the end: other files count 101's rows. */
  const journaled: string[] = [];

  const language = async (lang: 'ru' | 'en') => {
    await browser.setSettings({ language: lang });
    const title = lang === 'ru' ? 'Итог звонка' : 'Call outcome';
    await waitUntil(
      () => cardText(cabinet),
      (text) => text.includes(title),
      15_000,
    );
  };

  /** Its own connection each time: MariaDB is stopped and started under these tests. */
  const rowsOf = async (callId: string): Promise<JournalRow[]> => {
    const db = await connectRoot();
    try {
      const [rows] = await db.query<JournalRow[]>(
        'SELECT call_id, outcome, outcome_label, note, outcome_order_code, outcome_order_number ' +
          'FROM call_journal WHERE call_id = ? AND extension = ?',
        [callId, '101'],
      );
      return rows;
    } finally {
      await db.end();
    }
  };

  /** The caller's call, answered on 101; resolves with its call id once the card shows it up. */
  const answeredRecipientCall = async (): Promise<string> => {
    await startPhone('101', 'answer', { answerAfterMs: 500 });
    await cabinet.bringToFront();
    caller = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    await waitUntil(
      () => cardText(cabinet),
      (text) => text.includes('Разговор') && text.includes(ORDER_B?.orderNumber ?? '?'),
      30_000,
    );
    const callId = await cards.attribute(CARD, 'data-call-id');
    if (callId === undefined) throw new Error('the card has no call id');
    journaled.push(callId);
    return callId;
  };

  /** Ends the call from the caller's side and resolves with its one journal row for 101. */
  const hangUpAndReadRow = async (callId: string): Promise<JournalRow | undefined> => {
    await caller?.hangup();
    caller = undefined;
    const [row] = await waitUntil(
      () => rowsOf(callId),
      (rows) => rows.length === 1,
      30_000,
    );
    return row;
  };

  const saved = () =>
    waitUntil(
      () => cardText(cabinet),
      (text) => text.includes('✓ Сохранено'),
      15_000,
    );

  beforeAll(async () => {
    expect(await migrateHarnessDatabase()).toBe(0);
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({
      extensions: ['101'],
      journal: { enabled: true, user: JOURNAL_ACCOUNT.user, password: JOURNAL_ACCOUNT.password },
      links: {
        create: [
          `Новый заказ | New order = ${demo.url}?new-order={digits}`,
          `Новый клиент | New client = ${demo.url}?new-client={e164}`,
        ],
      },
    });
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port }, language: 'ru' });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await waitUntil(browser.badge, (badge) => badge.title.includes('Подключено'), 20_000);
    await browser.enableSite(demo.url);
    cabinet = await browser.context.newPage();
    await cabinet.goto(demo.url);
    // The content script is at work once it has painted the page's numbers.
    await waitUntil(
      () => paintedRanges(cabinet),
      (ranges) => ranges.length > 0,
      15_000,
    );
    cards = new OwnUi(cabinet, 'ct-call-cards');
  });

  afterEach(async () => {
    await caller?.hangup();
    caller = undefined;
    await stopSipp();
    // The next test reads the cards' text: close what this one left open.
    while (await cards.has('button.dismiss')) await cards.click('button.dismiss');
    if (databaseDown) {
      await harnessFaults.startMariaDb();
      databaseDown = false;
    }
    await browser.setSettings({ language: 'ru' });
  });

  afterAll(async () => {
    await browser?.close();
    await helper?.stop();
    await demo?.close();
    if (journaled.length > 0) {
      const db = await connectRoot();
      await db.query('DELETE FROM call_journal WHERE call_id IN (?)', [journaled]);
      await db.end();
    }
  });

  it('saves the outcome, the order and the note picked on the card on the journal row', async () => {
    const callId = await answeredRecipientCall();
    await cards.click('label.chip:has(input[value="rescheduled"])');
    await cards.click(`label.chip:has(input[value="${ORDER_B?.order}"])`);
    await cards.type('textarea.note', 'Просит привезти в субботу после 12:00');
    await cards.click('form.outcome button[type="submit"]');
    await saved();
    await cards.screenshot('form.outcome', 'card-outcome.ru');
    await language('en');
    await cards.screenshot('form.outcome', 'card-outcome.en');
    await language('ru');

    const row = await hangUpAndReadRow(callId);
    expect(row).toMatchObject({
      outcome: 'rescheduled',
      outcome_label: 'Доставка перенесена',
      note: 'Просит привезти в субботу после 12:00',
      outcome_order_code: ORDER_B?.order,
      outcome_order_number: ORDER_B?.orderNumber,
    });
    const db = await connectRoot();
    const [orders] = await db.query<RowDataPacket[]>(
      'SELECT o.order_code FROM call_journal_orders o JOIN call_journal j ON j.id = o.journal_id ' +
        'WHERE j.call_id = ? ORDER BY o.order_code',
      [callId],
    );
    await db.end();
    expect(orders.map((order) => order.order_code)).toEqual(
      [ORDER_A?.order, ORDER_B?.order].sort(),
    );
  }, 120_000);

  it('takes the outcome and the note by keyboard alone, Ctrl+Enter saving them', async () => {
    const callId = await answeredRecipientCall();
    const keys = cabinet.keyboard;
    // One click puts the focus in the note; from there on only keys, as an operator would.
    await cards.click('textarea.note');
    await keys.type('Перезвонить после 18:00');
    await keys.press('Shift+Tab'); // the order choice
    await keys.press('Shift+Tab'); // the outcome chips
    await keys.press('Space');
    await keys.press('ArrowRight');
    const codes = ['rescheduled', 'address-confirmed', 'order-refused', 'not-reached'];
    const picked: string[] = [];
    for (const code of codes) {
      if (await cards.has(`label.chip--on:has(input[value="${code}"])`)) picked.push(code);
    }
    expect(picked).toHaveLength(1);
    await keys.press('Tab');
    await keys.press('Tab');
    await keys.press('Control+Enter');
    await saved();

    const row = await hangUpAndReadRow(callId);
    expect(row).toMatchObject({ outcome: picked[0], note: 'Перезвонить после 18:00' });
  }, 120_000);

  it('writes what was noted while MariaDB was stopped exactly once after it returns', async () => {
    const callId = await answeredRecipientCall();
    await harnessFaults.stopMariaDb();
    databaseDown = true;
    await cards.click('label.chip:has(input[value="address-confirmed"])');
    await cards.click(`label.chip:has(input[value="${ORDER_A?.order}"])`);
    await cards.type('textarea.note', 'Код домофона 45');
    await cards.click('form.outcome button[type="submit"]');
    await saved();

    // The call ends during the outage; the operator adds to the note on the ended call's card.
    await caller?.hangup();
    caller = undefined;
    await waitUntil(
      () => cardText(cabinet),
      (text) => text.includes('Звонок завершён'),
      20_000,
    );
    await cards.type('textarea.note', ', подъезд 2');
    // Saved from the keyboard this time: Ctrl+Enter in the note.
    await cabinet.keyboard.press('Control+Enter');
    await saved();

    await harnessFaults.startMariaDb();
    databaseDown = false;
    const rows = await waitUntil(
      () => rowsOf(callId),
      (found) => found[0]?.note === 'Код домофона 45, подъезд 2',
      90_000,
      500,
    );
    expect(rows).toEqual([
      {
        call_id: callId,
        outcome: 'address-confirmed',
        outcome_label: 'Адрес уточнён',
        note: 'Код домофона 45, подъезд 2',
        outcome_order_code: ORDER_A?.order,
        outcome_order_number: ORDER_A?.orderNumber,
      },
    ]);
  }, 180_000);

  it('offers an unknown caller the configured create links with the number filled in', async () => {
    await startPhone('101', 'ring');
    await cabinet.bringToFront();
    caller = await placeInboundCall({ from: UNKNOWN_CALLER, did: DIDS.direct });
    await waitUntil(
      () => cardText(cabinet),
      (text) => text.includes('Номера нет в базе') && text.includes('Новый клиент'),
      30_000,
    );
    const callId = await cards.attribute(CARD, 'data-call-id');
    if (callId !== undefined) journaled.push(callId);
    expect(await cards.has('form.outcome')).toBe(true);
    await cards.screenshot(CARD, 'card-unknown.ru');
    await language('en');
    expect(await cardText(cabinet)).toContain('Create in the cabinet');
    await cards.screenshot(CARD, 'card-unknown.en');

    const opened = browser.context.waitForEvent('page', { timeout: 15_000 });
    await cards.click('.create a[href*="new-order"]');
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(`${demo.url}?new-order=${UNKNOWN_CALLER}`);
    await page.close();
    expect(await cards.attribute('.create a[href*="new-client"]', 'href')).toBe(
      `${demo.url}?new-client=%2B${UNKNOWN_CALLER}`,
    );
  }, 120_000);
});
