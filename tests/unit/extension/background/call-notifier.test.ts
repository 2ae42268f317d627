import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  callIdOfNotification,
  createCallNotifier,
} from '../../../../extension/background/call-notifier';
import { setLanguage } from '../../../../extension/lib/i18n/core';
import '../../../../extension/lib/i18n/shell-strings';
import { dialMessage } from '../../../../extension/lib/i18n/dial-text';
import { call } from '../../../support/extension/samples';

describe('call notifications', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setLanguage('ru');
  });
  afterEach(() => setLanguage('en'));

  it('says who is calling, with the number, and can be cleared', async () => {
    const notifier = createCallNotifier();
    const ringing = call({
      identity: {
        clients: [],
        couriers: [{ code: 'K1', name: 'Иван Петров' }],
        deliveries: [],
      },
    });
    await notifier.showIncoming(ringing, false);
    const created = fakeBrowser.notifications.getAllCreateOptions();
    expect(Object.keys(created)).toEqual(['call:call-1']);
    expect(created['call:call-1']).toMatchObject({
      type: 'basic',
      title: 'Входящий звонок на 101',
      message: 'Курьер Иван Петров\n+7 916 123-45-67',
      iconUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(callIdOfNotification('call:call-1')).toBe('call-1');
    expect(callIdOfNotification('dial')).toBeNull();
    await notifier.clearIncoming('call-1');
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('shows only the number for an unknown caller', async () => {
    await createCallNotifier().showIncoming(call(), true);
    expect(fakeBrowser.notifications.getAllCreateOptions()['call:call-1']).toMatchObject({
      message: '+7 916 123-45-67',
    });
  });

  it('keeps one notification for the progress of a context-menu dial', async () => {
    const notifier = createCallNotifier();
    await notifier.showDial('+7 916 123-45-67', 'Возьмите трубку');
    await notifier.showDial('+7 916 123-45-67', 'Соединено');
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      dial: expect.objectContaining({ title: 'Звонок на +7 916 123-45-67', message: 'Соединено' }),
    });
  });

  it('words every dial outcome', () => {
    const remote = { raw: '1' };
    expect(
      dialMessage({ type: 'dial.progress', id: 'r', stage: 'accepted', extension: '101', remote }),
    ).toBeNull();
    expect(
      dialMessage({ type: 'dial.progress', id: 'r', stage: 'dialling', extension: '101', remote }),
    ).toBe('Набираем номер…');
    expect(
      dialMessage({ type: 'dial.result', id: 'r', ok: false, outcome: 'no-answer', leg: 'you' }),
    ).toBe('Вы не взяли трубку — звонок отменён');
    expect(dialMessage({ type: 'dial.result', id: 'r', ok: false, outcome: 'pbx-refused' })).toBe(
      'АТС отклонила звонок',
    );
    expect(
      dialMessage({ type: 'error', id: 'r', code: 'pbx-unavailable', message: 'AMI is down' }),
    ).toBe('Не удалось позвонить: AMI is down');
  });
});
