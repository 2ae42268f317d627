import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../harness/extension/build-extension';
import type { ExtensionBrowser } from '../../harness/extension/launch-extension-browser';
import { DIDS } from '../../harness/pbx-plan';
import type { RawAmiClient } from '../../harness/raw-ami';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { connectAmi } from '../support/ami';
import { cardText, clickInCards, typeInCards } from '../support/e2e/card-text';
import { screenshotOfCard } from '../support/e2e/screenshot';
import { openCabinet, pairedBrowser } from '../support/e2e/paired-browser';
import { waitUntil } from '../support/e2e/wait-until';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import {
  connectRoot,
  eventually,
  JOURNAL_ACCOUNT,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';
import { channelsNow, talking, untilChannels } from '../support/pbx-bridges';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { placeInboundCall, startPhone, stopSipp, type SippCall } from '../support/sip-peers';

const CALLER = /^PJSIP\/trunk-/;
const OPERATOR = /^PJSIP\/101-/;
const MANAGER = /^PJSIP\/103-/;

describe('call control from the card in Chromium, on the real PBX, with the journal', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;
  let admin: RawAmiClient;
  let db: Connection;
  let cabinet: Page;
  let call: SippCall | undefined;

  beforeAll(async () => {
    expect(await migrateHarnessDatabase()).toBe(0);
    db = await connectRoot();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({
      extensions: ['101'],
      journal: { enabled: true, user: JOURNAL_ACCOUNT.user, password: JOURNAL_ACCOUNT.password },
    });
    admin = await connectAmi('admin');
    browser = await pairedBrowser(helper);
    cabinet = await openCabinet(browser, demo.url);
  });

  afterEach(async () => {
    await call?.hangup().catch(() => undefined);
    call = undefined;
    await stopSipp();
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await helper?.stop();
    await demo?.close();
    await db?.end();
  });

  /** A client calls 101, which answers; 103 answers after `managerAnswersMs`. */
  async function answeredCall(managerAnswersMs: number): Promise<void> {
    await startPhone('103', 'answer', { answerAfterMs: managerAnswersMs });
    await startPhone('101', 'answer', { answerAfterMs: 500 });
    await cabinet.bringToFront();
    call = await placeInboundCall({ from: FIXTURE_NUMBERS.clientMain, did: DIDS.direct });
    await waitUntil(
      () => cardText(cabinet),
      (text) => text.includes('Разговор') && text.includes('Перевести…'),
      20_000,
    );
  }

  function cardShows(fragment: string): Promise<string> {
    return waitUntil(
      () => cardText(cabinet),
      (text) => text.includes(fragment),
      20_000,
    );
  }

  /** The card in Russian, then in English, for the guides; back to Russian after. */
  async function screenshots(name: string, english: string): Promise<void> {
    await screenshotOfCard(cabinet, `${name}.ru`);
    await browser.setSettings({ language: 'en' });
    await cardShows(english);
    await screenshotOfCard(cabinet, `${name}.en`);
    await browser.setSettings({ language: 'ru' });
    await cardShows('Разговор');
  }

  /** The latest journal row of 101 with a transfer, once `accept` takes it. */
  async function journalRow(accept: (row: Record<string, unknown>) => boolean) {
    const [row] = await eventually(
      async () => {
        const [rows] = await db.query<never[]>(
          'SELECT * FROM call_journal WHERE extension = ? AND transferred_to IS NOT NULL ' +
            'ORDER BY id DESC LIMIT 1',
          ['101'],
        );
        return rows as Record<string, unknown>[];
      },
      (rows) => rows[0] !== undefined && accept(rows[0]),
      'the journal row of the transfer',
    );
    return row;
  }

  it('transfers the caller at once to extension 103 typed on the card', async () => {
    await answeredCall(300);
    await clickInCards(cabinet, 'Перевести…');
    await typeInCards(cabinet, 'Номер или внутренний', '103');
    await screenshots('card-transfer', 'Transfer now');
    await clickInCards(cabinet, 'Перевести сразу');

    const after = await untilChannels(
      admin,
      (channels) => talking(channels, CALLER, MANAGER),
      'the caller bridged with 103',
    );
    expect(after.some((channel) => OPERATOR.test(channel.channel))).toBe(false);
    expect(await cardShows('Переведено на 103')).toContain('Переведено на 103');
    expect(
      await journalRow((row) => row.transfer_mode === 'blind' && row.transferred_to === '103'),
    ).toMatchObject({ transfer_target: 'number', transfer_ok: 1 });
  });

  it('talks to the account manager first, then connects the caller and leaves', async () => {
    await answeredCall(1_500);
    await clickInCards(cabinet, 'Перевести…');
    await clickInCards(cabinet, 'Менеджер');
    await clickInCards(cabinet, 'Сначала поговорить');
    await cardShows('Разговор с 103');
    await untilChannels(
      admin,
      (channels) => talking(channels, OPERATOR, MANAGER) && !talking(channels, CALLER, OPERATOR),
      '101 talking to 103 while the caller holds',
    );
    await screenshots('card-consult', 'Connect to the caller');

    await clickInCards(cabinet, 'Соединить со звонящим');
    await untilChannels(
      admin,
      (channels) =>
        talking(channels, CALLER, MANAGER) && !channels.some((c) => OPERATOR.test(c.channel)),
      'the caller bridged with 103 and 101 released',
    );
    await cardShows('Переведено на 103 после разговора');
    expect(
      await journalRow((row) => row.transfer_mode === 'attended' && row.transfer_ok === 1),
    ).toMatchObject({ transfer_target: 'manager', transferred_to: '103' });
  });

  it('cancels the attended transfer and keeps the caller, then hangs up from the card', async () => {
    await answeredCall(500);
    await clickInCards(cabinet, 'Перевести…');
    await typeInCards(cabinet, 'Номер или внутренний', '103');
    await clickInCards(cabinet, 'Сначала поговорить');
    await cardShows('Разговор с 103');
    await untilChannels(
      admin,
      (channels) => talking(channels, OPERATOR, MANAGER),
      '101 talking to 103',
    );

    await clickInCards(cabinet, 'Вернуться к звонящему');
    await untilChannels(
      admin,
      (channels) =>
        talking(channels, CALLER, OPERATOR) && !channels.some((c) => MANAGER.test(c.channel)),
      'the caller with 101 again and 103 released',
    );
    await cardShows('Перевод на 103 отменён — вы снова со звонящим');
    await screenshots('card-transfer-cancelled', 'Transfer to 103 cancelled');

    const since = admin.mark();
    await clickInCards(cabinet, 'Завершить звонок');
    await admin.waitForEvent({ Event: 'Hangup', Channel: CALLER }, { since, timeoutMs: 20_000 });
    expect((await call!.done).answered).toBe(true);
    call = undefined;
    expect((await channelsNow(admin)).some((c) => CALLER.test(c.channel))).toBe(false);
    await cardShows('Звонок завершён');
    // The call's journal row is written when it ends, with the cancelled transfer on it.
    expect(await journalRow((row) => row.transfer_reason === 'cancelled')).toMatchObject({
      transfer_mode: 'attended',
      transfer_ok: 0,
      transferred_to: '103',
    });
  });
});
