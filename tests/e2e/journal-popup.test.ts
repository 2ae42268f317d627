import type { RowDataPacket } from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import type { JournalEntry, JournalRecord } from '../../helper/journal/entry';
import { MysqlJournalDatabase } from '../../helper/journal/mysql-journal-database';
import { SqlJournalStore } from '../../helper/journal/sql-journal-store';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import type { Identity } from '../../shared/protocol';
import { screenshot } from '../support/e2e/screenshot';
import { waitUntil } from '../support/e2e/wait-until';
import { harnessInfo } from '../support/harness-info';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';
import { startRealHelper, type RealHelper } from '../support/real-helper';

const CALLS = 120;
const PREFIX = 'popup-journal-';
/** Local days, as the operator picks them in the popup; a call every 6 hours from the first. */
const FIRST_DAY = new Date(2025, 2, 1);
const NAMES = ['Зайцева Алевтина', 'Кузнецов Игорь', 'ООО «Лютик»', 'Морозова Дарья'];

function identityOf(i: number): Identity {
  const name = NAMES[i % NAMES.length] ?? '';
  return name.startsWith('ООО')
    ? { clients: [{ code: String(900 + i), company: name }], couriers: [], deliveries: [] }
    : {
        clients: [],
        couriers: [],
        deliveries: [
          {
            addressCode: String(80_000 + i),
            orderCode: String(90_000 + i),
            orderNumber: `LT-${90_000 + i}`,
            recipientName: name,
          },
        ],
      };
}

function entry(i: number): JournalEntry {
  const startedAt = FIRST_DAY.getTime() + i * 6 * 3_600_000;
  const number = `7903${String(2_000_000 + i).padStart(7, '0')}`;
  return {
    callId: `${PREFIX}${String(i).padStart(3, '0')}`,
    extension: '101',
    direction: 'in',
    origin: 'pbx',
    remote: { raw: number, e164: `+${number}`, dbKey: number },
    orders: [],
    identity: identityOf(i),
    startedAt,
    answeredAt: startedAt + 2_000,
    endedAt: startedAt + 92_000,
    talkSeconds: 90,
    result: 'answered',
    missed: false,
    recovered: false,
    ...(i === 40
      ? {
          outcome: {
            code: 'rescheduled',
            label: 'Доставка перенесена',
            note: 'Перенести на понедельник, до обеда',
            order: { code: String(90_040), number: 'LT-90040' },
            at: startedAt + 100_000,
          },
        }
      : {}),
  };
}

/** `YYYY-MM-DD` of a local day, as an `<input type="date">` takes it. */
function dayValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function journalCount(): Promise<number> {
  const root = await connectRoot();
  try {
    const [rows] = await root.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM call_journal WHERE extension = '101'",
    );
    return Number(rows[0]?.n);
  } finally {
    await root.end();
  }
}

describe('the popup journal with 120 calls in MariaDB, in Chromium with the real helper', () => {
  let browser: ExtensionBrowser;
  let helper: RealHelper;
  let popup: Page;

  function rows(): Promise<string[]> {
    return popup.locator('.ct-call').allInnerTexts();
  }

  /**
   * Asks for "Show more" until the journal says it shows every call, with the mouse or from
   * the keyboard (Enter on the focused button); returns the rows.
   */
  async function showAll(by: 'mouse' | 'keyboard' = 'mouse'): Promise<string[]> {
    const status = popup.locator('.ct-journal-more [role="status"]');
    for (let page = 0; page < 50; page++) {
      if ((await status.innerText()).startsWith('Показаны все')) return rows();
      const before = await popup.locator('.ct-call').count();
      const more = popup.getByRole('button', { name: 'Показать ещё' });
      if (by === 'keyboard') await more.press('Enter');
      else await more.click();
      await waitUntil(
        () => popup.locator('.ct-call').count(),
        (count) => count > before,
        20_000,
      );
    }
    throw new Error('the journal never said it shows every call');
  }

  beforeAll(async () => {
    expect(await migrateHarnessDatabase()).toBe(0);
    const { mariadb } = harnessInfo();
    const database = new MysqlJournalDatabase({
      host: mariadb.host,
      port: mariadb.port,
      database: mariadb.database,
      ...JOURNAL_ACCOUNT,
    });
    try {
      const records: JournalRecord[] = Array.from({ length: CALLS }, (_, i) => ({
        kind: 'entry',
        entry: entry(i),
      }));
      await new SqlJournalStore(database).write(records);
    } finally {
      await database.close();
    }
    const extensionDir = await buildExtension();
    helper = await startRealHelper({
      extensions: ['101'],
      journal: { enabled: true, user: JOURNAL_ACCOUNT.user, password: JOURNAL_ACCOUNT.password },
    });
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port }, language: 'ru' });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await waitUntil(browser.badge, (badge) => badge.title.includes('Подключено'), 20_000);
    popup = await browser.openPopup();
    await popup.locator('.ct-call').first().waitFor({ timeout: 20_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await helper?.stop();
    const root = await connectRoot();
    await root.query('DELETE FROM call_journal WHERE call_id LIKE ?', [`${PREFIX}%`]);
    await root.end();
  });

  it("pages through every call of the operator's journal, from the keyboard", async () => {
    const total = await journalCount();
    expect(total).toBeGreaterThanOrEqual(CALLS);
    const all = await showAll('keyboard');
    expect(all).toHaveLength(total);
    await popup.getByRole('button', { name: 'Показать ещё' }).waitFor({ state: 'hidden' });
  }, 120_000);

  it('finds the calls of a name, through the pages', async () => {
    await popup.locator('#ct-journal-search').fill('Зайцева');
    await waitUntil(
      rows,
      (found) => found.length > 0 && found.every((row) => row.includes('Зайцева')),
      20_000,
    );
    const found = await showAll();
    expect(found).toHaveLength(CALLS / NAMES.length);
    expect(found.every((row) => row.includes('Зайцева Алевтина'))).toBe(true);
    await popup.locator('#ct-journal-search').fill('');
  }, 60_000);

  it('finds the calls of a period, both days included, with the outcome and note shown', async () => {
    const tenth = new Date(FIRST_DAY);
    tenth.setDate(tenth.getDate() + 10);
    const eleventh = new Date(FIRST_DAY);
    eleventh.setDate(eleventh.getDate() + 11);
    await popup.locator('#ct-journal-from').fill(dayValue(tenth));
    await popup.locator('#ct-journal-to').fill(dayValue(eleventh));
    await waitUntil(rows, (list) => list.length === 8, 20_000);
    const noted = popup.locator('.ct-call:has(.ct-call__outcome)');
    expect(await noted.locator('.ct-call__outcome').textContent()).toBe(
      'Итог: Доставка перенесена, заказ LT-90040',
    );
    expect(await noted.locator('.ct-call__note').textContent()).toBe(
      'Заметка: Перенести на понедельник, до обеда',
    );
    // The guides' picture: a name searched within the period, the noted call whole in view.
    await popup.locator('#ct-journal-search').fill('Зайцева');
    await waitUntil(
      rows,
      (list) => list.length === 2 && list.every((row) => row.includes('Зайцева')),
      20_000,
    );
    await screenshot(popup, 'popup-journal.ru');
    await browser.setSettings({ language: 'en' });
    await waitUntil(
      () => popup.locator('.ct-call__outcome').first().innerText(),
      (text) => text.includes('Outcome'),
      15_000,
    );
    await screenshot(popup, 'popup-journal.en');
    await browser.setSettings({ language: 'ru' });

    await popup.locator('#ct-journal-search').fill('Кузнецов');
    const narrowed = await waitUntil(
      rows,
      (list) => list.length === 2 && list.every((row) => row.includes('Кузнецов')),
      20_000,
    );
    expect(narrowed).toHaveLength(2);
  }, 60_000);
});
