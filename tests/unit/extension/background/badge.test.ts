import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLORS, badgeView } from '../../../../extension/background/badge';
import { paintBadge } from '../../../../extension/background/badge-painter';
import { BadgeTracker } from '../../../../extension/background/badge-tracker';
import { setLanguage } from '../../../../extension/lib/i18n/core';
import '../../../../extension/lib/i18n/shell-strings';
import type { ConnectionState } from '../../../../extension/lib/runtime-messages';
import { status } from '../../../support/extension/samples';

const CONNECTED: ConnectionState = { state: 'connected', status: status() };
const PBX_DOWN: ConnectionState = {
  state: 'connected',
  status: status({ pbx: { state: 'down', reason: 'AMI 10.0.0.5:5038: connection refused' } }),
};
const DATABASE_DOWN: ConnectionState = {
  state: 'connected',
  status: status({ database: { state: 'auth-failed' } }),
};
const BOTH_DOWN: ConnectionState = {
  state: 'connected',
  status: status({ pbx: { state: 'down' }, database: { state: 'down', reason: 'ETIMEDOUT' } }),
};
const QUIET = { missed: 0 };

describe('badgeView', () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => setLanguage('en'));

  it('shows nothing but the extensions while everything works', () => {
    const view = badgeView(CONNECTED, QUIET);
    expect(view.text).toBe('');
    expect(view.title).toBe('Курьерская телефония\nПодключено, ваши номера: 101, 102');
  });

  it('counts unseen missed calls, capped at 99+', () => {
    expect(badgeView(CONNECTED, { missed: 3 })).toMatchObject({
      text: '3',
      color: BADGE_COLORS.missed,
    });
    expect(badgeView(CONNECTED, { missed: 3 }).title).toContain('Пропущенных звонков: 3');
    expect(badgeView(CONNECTED, { missed: 120 }).text).toBe('99+');
  });

  it('gives every trouble a text of its own, so none is told by colour alone', () => {
    const texts = {
      connecting: badgeView({ state: 'connecting' }, QUIET).text,
      helperDown: badgeView({ state: 'helper-down' }, QUIET).text,
      incompatible: badgeView({ state: 'incompatible', reason: 'v2' }, QUIET).text,
      notPaired: badgeView({ state: 'not-paired' }, QUIET).text,
      pbxDown: badgeView(PBX_DOWN, QUIET).text,
      databaseDown: badgeView(DATABASE_DOWN, QUIET).text,
      paused: badgeView(CONNECTED, { missed: 0, paused: true }).text,
      missed: badgeView(CONNECTED, { missed: 1 }).text,
    };
    expect(texts).toEqual({
      connecting: '…',
      helperDown: '✕',
      incompatible: '!',
      notPaired: '?',
      pbxDown: 'АТС',
      databaseDown: 'БД',
      paused: '||',
      missed: '1',
    });
    expect(new Set(Object.values(texts)).size).toBe(Object.keys(texts).length);
    setLanguage('en');
    expect([badgeView(PBX_DOWN, QUIET).text, badgeView(DATABASE_DOWN, QUIET).text]).toEqual([
      'PBX',
      'DB',
    ]);
  });

  it('says the helper is not running and what to do, in Russian and in English', () => {
    expect(badgeView({ state: 'helper-down' }, QUIET)).toEqual({
      text: '✕',
      color: BADGE_COLORS.alarm,
      title:
        'Курьерская телефония\nПомощник не запущен. Запустите помощник «Courier Telephony» ' +
        'на этом компьютере или проверьте его адрес в настройках расширения.',
    });
    setLanguage('en');
    expect(badgeView({ state: 'helper-down' }, QUIET).title).toBe(
      'Courier Telephony\nHelper not running. Start the “Courier Telephony” helper on this ' +
        'computer or check its address in the extension options.',
    );
  });

  it("says what a PBX or database outage means, with the helper's reason as details", () => {
    expect(badgeView(PBX_DOWN, { missed: 4 })).toEqual({
      text: 'АТС',
      color: BADGE_COLORS.alarm,
      title:
        'Курьерская телефония\nАТС недоступна — звонить нельзя. Сообщите администратору.\n' +
        'Подробности: AMI 10.0.0.5:5038: connection refused',
    });
    expect(badgeView(DATABASE_DOWN, QUIET)).toEqual({
      text: 'БД',
      color: BADGE_COLORS.warning,
      title:
        'Курьерская телефония\nБаза данных недоступна — звонки работают, но карточки без имён. ' +
        'Сообщите администратору.\nПодробности: Вход отклонён',
    });
    setLanguage('en');
    expect(badgeView(PBX_DOWN, QUIET).title).toBe(
      'Courier Telephony\nPBX unavailable — calls cannot be made. Tell your administrator.\n' +
        'Details: AMI 10.0.0.5:5038: connection refused',
    );
  });

  it('shows the PBX first when both are down, and lists both', () => {
    const view = badgeView(BOTH_DOWN, QUIET);
    expect(view.text).toBe('АТС');
    expect(view.title).toContain('АТС недоступна');
    expect(view.title).toContain('База данных недоступна');
    expect(view.title).toContain('Подробности: ETIMEDOUT');
  });

  it('does not raise an alarm for a database that is simply not configured', () => {
    const noDb = status({ database: { state: 'not-configured' } });
    expect(badgeView({ state: 'connected', status: noDb }, QUIET).text).toBe('');
  });

  it('tells a paused queue, and still counts missed calls in the title', () => {
    const view = badgeView(CONNECTED, { missed: 2, paused: true });
    expect(view.text).toBe('||');
    expect(view.title).toBe(
      'Курьерская телефония\nВы на паузе: звонки из очереди к вам не поступают. Снимите паузу ' +
        'в окне расширения.\nПодключено, ваши номера: 101, 102\nПропущенных звонков: 2',
    );
  });

  it('asks to pair with "?" and names version trouble', () => {
    expect(badgeView({ state: 'not-paired' }, QUIET)).toMatchObject({ text: '?' });
    expect(badgeView({ state: 'not-paired' }, QUIET).title).toContain(
      'введите код из «courier-helper pair»',
    );
    const incompatible = badgeView(
      { state: 'incompatible', reason: 'Protocol version 2 is not supported' },
      QUIET,
    );
    expect(incompatible).toMatchObject({ text: '!' });
    expect(incompatible.title).toContain('Обновите помощник или расширение.');
    expect(incompatible.title).toContain('Подробности: Protocol version 2 is not supported');
  });
});

describe('badge on the toolbar', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setLanguage('en');
  });

  it('paints text, colour and title on the action button', async () => {
    await paintBadge({
      text: '!',
      color: '#c62828',
      title: 'Courier Telephony\nHelper not running',
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('Courier Telephony\nHelper not running');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([198, 40, 40, 255]);
  });

  it('follows the connection and missed-call pushes, in order', async () => {
    const painted: string[] = [];
    const tracker = new BadgeTracker(async (view) => {
      await new Promise((resolve) => setTimeout(resolve, view.text === '✕' ? 20 : 0));
      painted.push(view.text);
    });
    tracker.connectionChanged({ state: 'helper-down' });
    tracker.connectionChanged({ state: 'connected', status: status({ missedCount: 2 }) });
    tracker.missedChanged(5);
    tracker.pausedChanged(true);
    tracker.pausedChanged(false);
    await tracker.repaint();
    expect(painted).toEqual(['✕', '2', '5', '||', '5', '5']);
  });

  it('keeps painting after a failed paint', async () => {
    const paint = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(undefined);
    const tracker = new BadgeTracker(paint);
    tracker.connectionChanged({ state: 'not-paired' });
    await tracker.repaint();
    expect(paint).toHaveBeenCalledTimes(2);
  });
});
