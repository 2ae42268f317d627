import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLORS, badgeView, PAUSED_MARK } from '../../../../extension/background/badge';
import { paintBadge } from '../../../../extension/background/badge-painter';
import { BadgeTracker } from '../../../../extension/background/badge-tracker';
import { setLanguage } from '../../../../extension/lib/i18n/core';
import '../../../../extension/lib/i18n/shell-strings';
import { status } from '../../../support/extension/samples';

describe('badgeView', () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => setLanguage('en'));

  it('shows nothing but the extensions while everything works', () => {
    const view = badgeView({ state: 'connected', status: status() }, 0);
    expect(view.text).toBe('');
    expect(view.title).toBe('Курьерская телефония\nПодключено, ваши номера: 101, 102');
  });

  it('counts unseen missed calls, capped at 99+', () => {
    expect(badgeView({ state: 'connected', status: status() }, 3)).toMatchObject({
      text: '3',
      color: BADGE_COLORS.missed,
    });
    expect(badgeView({ state: 'connected', status: status() }, 3).title).toContain(
      'Пропущенных звонков: 3',
    );
    expect(badgeView({ state: 'connected', status: status() }, 120).text).toBe('99+');
  });

  it('shows the pause sign, not a colour alone, while the operator is paused in a queue', () => {
    const paused = status({
      queues: [
        { queue: 'operators', extension: '101', paused: true, reason: 'Обед' },
        { queue: 'vip', extension: '101', paused: false },
      ],
    });
    expect(badgeView({ state: 'connected', status: paused }, 0)).toEqual({
      text: PAUSED_MARK,
      color: BADGE_COLORS.paused,
      title:
        'Курьерская телефония\nПодключено, ваши номера: 101, 102\nНа паузе в очередях: operators',
    });
    const withMissed = badgeView({ state: 'connected', status: paused }, 3);
    expect(withMissed.text).toBe(`3${PAUSED_MARK}`);
    expect(withMissed.title).toContain('Пропущенных звонков: 3');
    setLanguage('en');
    expect(badgeView({ state: 'connected', status: paused }, 0).title).toContain(
      'Paused in queues: operators',
    );
  });

  it('shows nothing for queues the operator takes calls in', () => {
    const available = status({ queues: [{ queue: 'operators', extension: '101', paused: false }] });
    expect(badgeView({ state: 'connected', status: available }, 0).text).toBe('');
  });

  it('says the helper is not running, in Russian and in English', () => {
    expect(badgeView({ state: 'helper-down' }, 0)).toEqual({
      text: '!',
      color: BADGE_COLORS.alarm,
      title: 'Курьерская телефония\nПомощник не запущен',
    });
    setLanguage('en');
    expect(badgeView({ state: 'helper-down' }, 0).title).toBe(
      'Courier Telephony\nHelper not running',
    );
  });

  it("passes on the helper's reason when the PBX or the database is down", () => {
    const pbxDown = status({
      pbx: { state: 'down', reason: 'AMI 10.0.0.5:5038: connection refused' },
    });
    expect(badgeView({ state: 'connected', status: pbxDown }, 4)).toEqual({
      text: '!',
      color: BADGE_COLORS.alarm,
      title: 'Курьерская телефония\nАТС недоступна: AMI 10.0.0.5:5038: connection refused',
    });
    const dbDown = status({ database: { state: 'auth-failed' } });
    expect(badgeView({ state: 'connected', status: dbDown }, 0)).toEqual({
      text: '!',
      color: BADGE_COLORS.warning,
      title: 'Курьерская телефония\nБаза данных недоступна: Вход отклонён',
    });
  });

  it('does not raise an alarm for a database that is simply not configured', () => {
    const noDb = status({ database: { state: 'not-configured' } });
    expect(badgeView({ state: 'connected', status: noDb }, 0).text).toBe('');
  });

  it('asks to pair with "?" and names version trouble', () => {
    expect(badgeView({ state: 'not-paired' }, 0)).toMatchObject({ text: '?' });
    expect(badgeView({ state: 'not-paired' }, 0).title).toContain('откройте настройки');
    expect(
      badgeView({ state: 'incompatible', reason: 'Protocol version 2 is not supported' }, 0),
    ).toMatchObject({ text: '!', title: expect.stringContaining('Protocol version 2') });
    expect(badgeView({ state: 'connecting' }, 0).text).toBe('…');
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
      await new Promise((resolve) => setTimeout(resolve, view.text === '!' ? 20 : 0));
      painted.push(view.text);
    });
    tracker.connectionChanged({ state: 'helper-down' });
    tracker.connectionChanged({ state: 'connected', status: status({ missedCount: 2 }) });
    tracker.missedChanged(5);
    await tracker.repaint();
    expect(painted).toEqual(['!', '2', '5', '5']);
  });

  it('keeps painting after a failed paint', async () => {
    const paint = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValue(undefined);
    const tracker = new BadgeTracker(paint);
    tracker.connectionChanged({ state: 'not-paired' });
    await tracker.repaint();
    expect(paint).toHaveBeenCalledTimes(2);
  });
});
