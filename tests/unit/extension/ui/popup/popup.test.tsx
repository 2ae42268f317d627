// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/shell-strings';
import type { ConnectionState } from '../../../../../extension/lib/runtime-messages';
import { DEFAULT_SETTINGS, settingsItem } from '../../../../../extension/lib/settings';
import type { TabAccess } from '../../../../../extension/ui/popup/current-tab';
import { PopupApp } from '../../../../../extension/ui/popup/popup-app';
import { call, status } from '../../../../support/extension/samples';
import { typeInto } from '../../../../support/extension/dom';
import { scriptedBackground } from '../../../../support/extension/background/scripted-background';

const CONNECTED: ConnectionState = { state: 'connected', status: status() };
const MISSED = call({
  callId: 'm1',
  state: 'ended',
  missed: true,
  result: 'no-answer',
  identity: {
    clients: [{ code: 'C1', company: 'ООО «Ромашка»', contact: { code: 'F1', name: 'Анна' } }],
    couriers: [],
    deliveries: [],
  },
});
const ANSWERED = call({
  callId: 'a1',
  state: 'ended',
  direction: 'out',
  result: 'answered',
  talkSeconds: 127,
  remote: { raw: '101' },
});

function setup(connection: ConnectionState = CONNECTED, tabUrl?: string) {
  const background = scriptedBackground({
    'get-state': () => connection,
    journal: () => ({ ok: true, entries: [MISSED, ANSWERED], hasMore: false }),
    'missed-ack': () => ({ ok: true }),
    dial: () => ({ accepted: true, requestId: 'req-1' }),
    'demo-simulate': () => ({ ok: true }),
  });
  const tabs: TabAccess = {
    currentTab: async () => (tabUrl === undefined ? null : { id: 4, url: tabUrl }),
    enableOnTab: vi.fn(async () => true),
  };
  const openOptions = vi.fn();
  const root = document.createElement('div');
  document.body.append(root);
  render(<PopupApp background={background.client} tabs={tabs} openOptions={openOptions} />, root);
  return { root, background, tabs, openOptions };
}

function text(root: HTMLElement): string {
  return root.textContent ?? '';
}

describe('popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setLanguage('ru');
  });
  afterEach(() => {
    document.body.innerHTML = '';
    setLanguage('en');
  });

  it('shows helper, PBX and database status, the extensions and recent calls in Russian', async () => {
    const { root, background } = setup();
    await vi.waitFor(() => expect(text(root)).toContain('ООО «Ромашка», Анна'));
    expect(text(root)).toContain('ПомощникРаботает, версия 0.1.0');
    expect(text(root)).toContain('АТСРаботает');
    expect(text(root)).toContain('База данныхРаботает');
    expect(text(root)).toContain('Ваши номера: 101, 102');
    const missed = root.querySelector('.ct-call--missed');
    expect(missed?.textContent).toContain('Пропущен');
    expect(root.querySelectorAll('.ct-call--missed')).toHaveLength(1);
    expect(text(root)).toContain('2 мин 7 с');
    expect(root.querySelector('[aria-label="Перезвонить на +7 916 123-45-67"]')).not.toBeNull();
    await vi.waitFor(() =>
      expect(background.asked).toContainEqual({ kind: 'missed-ack', callIds: ['m1'] }),
    );
  });

  it('renders in English', async () => {
    setLanguage('en');
    const { root } = setup();
    await vi.waitFor(() => expect(text(root)).toContain('Missed'));
    expect(text(root)).toContain('Call journal');
    expect(text(root)).toContain('HelperWorking, version 0.1.0');
    expect(text(root)).toContain('Your extensions: 101, 102');
    expect(text(root)).toContain('Missed');
    expect(root.querySelector('[aria-label="Call back +7 916 123-45-67"]')).not.toBeNull();
  });

  it('says the helper is not running and what to do, with dialling off', async () => {
    const { root } = setup({ state: 'helper-down' });
    await vi.waitFor(() => expect(text(root)).toContain('Не запущен'));
    expect(text(root)).toContain('Запустите помощник на этом компьютере');
    expect(text(root)).toContain('Журнал доступен, когда помощник подключён.');
    expect(root.querySelector<HTMLButtonElement>('.ct-dial button')?.disabled).toBe(true);
  });

  it('dials what was typed in any writing and follows the progress', async () => {
    const { root, background } = setup();
    const input = root.querySelector<HTMLInputElement>('#ct-dial-input');
    const form = root.querySelector<HTMLFormElement>('form.ct-dial');
    if (!input || !form) throw new Error('no dial box');
    await vi.waitFor(() =>
      expect(root.querySelector<HTMLButtonElement>('.ct-dial button')?.disabled).toBe(false),
    );

    await typeInto(input, 'Заказ №');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() =>
      expect(root.querySelector('#ct-dial-error')?.textContent).toContain('Не похоже на номер'),
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await typeInto(input, '8 (916) 123-45-67');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() =>
      expect(background.asked).toContainEqual({
        kind: 'dial',
        number: '+79161234567',
        source: 'popup',
      }),
    );
    const remote = { raw: '+79161234567' };
    background.push({
      kind: 'dial-update',
      requestId: 'req-1',
      update: {
        type: 'dial.progress',
        id: 'req-1',
        stage: 'ringing-you',
        extension: '101',
        remote,
      },
    });
    const feedback = () => root.querySelector('.ct-dial__feedback')?.textContent;
    await vi.waitFor(() => expect(feedback()).toBe('Возьмите трубку: АТС звонит на ваш телефон'));
    background.push({
      kind: 'dial-update',
      requestId: 'other',
      update: { type: 'dial.result', id: 'other', ok: false, outcome: 'busy' },
    });
    background.push({
      kind: 'dial-update',
      requestId: 'req-1',
      update: { type: 'dial.result', id: 'req-1', ok: false, outcome: 'no-answer', leg: 'remote' },
    });
    await vi.waitFor(() => expect(feedback()).toBe('Абонент не отвечает'));
    expect(root.querySelector('.ct-dial__feedback')?.getAttribute('aria-live')).toBe('polite');
  });

  it('calls back from the journal with the journal as the source', async () => {
    const { root, background } = setup();
    await vi.waitFor(() => expect(root.querySelector('.ct-call button')).not.toBeNull());
    root.querySelector<HTMLButtonElement>('.ct-call button')?.click();
    await vi.waitFor(() =>
      expect(background.asked).toContainEqual({
        kind: 'dial',
        number: '+79161234567',
        source: 'journal',
      }),
    );
  });

  it('offers to enable the current site and asks for access on click', async () => {
    const { root, tabs } = setup(CONNECTED, 'https://cabinet.example.com/orders?id=1');
    const button = await vi.waitFor(() => {
      const found = [...root.querySelectorAll('button')].find((b) =>
        b.textContent?.includes('Включить на'),
      );
      if (!found) throw new Error('no enable button');
      return found;
    });
    expect(button.textContent).toBe('Включить на cabinet.example.com');
    button.click();
    expect(tabs.enableOnTab).toHaveBeenCalledWith('https://cabinet.example.com/*', {
      id: 4,
      url: 'https://cabinet.example.com/orders?id=1',
    });
  });

  it('says the extension already works on an enabled site', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sites: ['https://cabinet.example.com/*'] });
    const { root } = setup(CONNECTED, 'https://cabinet.example.com/orders');
    await vi.waitFor(() => expect(text(root)).toContain('Работает на cabinet.example.com'));
  });

  it('shows the demo block only when the helper runs the demo', async () => {
    const plain = setup();
    await vi.waitFor(() => expect(text(plain.root)).toContain('Журнал звонков'));
    expect(text(plain.root)).not.toContain('Демо-режим');
    document.body.innerHTML = '';
    const demo = setup({ state: 'connected', status: status({ demo: true }) });
    await vi.waitFor(() => expect(text(demo.root)).toContain('Демо-режим'));
    demo.root
      .querySelector<HTMLFormElement>('form.ct-demo')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() =>
      expect(demo.background.asked).toContainEqual({
        kind: 'demo-simulate',
        number: '+7 916 123-45-67',
        scenario: 'answer',
      }),
    );
  });

  it('opens the options from a labelled button', async () => {
    const { root, openOptions } = setup();
    root.querySelector<HTMLButtonElement>('[aria-label="Настройки"]')?.click();
    expect(openOptions).toHaveBeenCalled();
  });
});
