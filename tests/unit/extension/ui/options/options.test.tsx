// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import { followLanguageSetting } from '../../../../../extension/lib/i18n/language';
import '../../../../../extension/lib/i18n/shell-strings';
import type { ConnectionState } from '../../../../../extension/lib/runtime-messages';
import {
  DEFAULT_SETTINGS,
  getSettings,
  pairingItem,
  settingsItem,
} from '../../../../../extension/lib/settings';
import { OptionsApp } from '../../../../../extension/ui/options/options-app';
import type { SiteAccess } from '../../../../../extension/ui/options/sites-section';
import { buttonByText, rendered, submit, typeInto } from '../../../../support/extension/dom';
import { status, TOKEN } from '../../../../support/extension/samples';
import { scriptedBackground } from '../../../../support/extension/background/scripted-background';

/** A functional bound for a loaded machine, where the default second is not always enough. */
const GENEROUS = { timeout: 10_000 };

function setup(
  connection: ConnectionState = { state: 'not-paired' },
  pairReply = { ok: true } as const,
) {
  const background = scriptedBackground({
    'get-state': () => connection,
    pair: () => {
      if (pairReply.ok)
        void pairingItem.setValue({ token: TOKEN, pairedAt: Date.UTC(2025, 0, 15, 9, 30) });
      return pairReply;
    },
  });
  const sites: SiteAccess = {
    enable: vi.fn(async (pattern: string) => {
      const settings = await getSettings();
      await settingsItem.setValue({ ...settings, sites: [...settings.sites, pattern] });
      return true;
    }),
    disable: vi.fn(async (pattern: string) => {
      const settings = await getSettings();
      await settingsItem.setValue({
        ...settings,
        sites: settings.sites.filter((s) => s !== pattern),
      });
    }),
    grant: vi.fn(async () => true),
    withoutAccess: vi.fn(async () => []),
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<OptionsApp background={background.client} sites={sites} />, root);
  return { root, background, sites };
}

function field(root: HTMLElement, name: string): HTMLInputElement {
  const found = root.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

describe('options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setLanguage('ru');
  });
  afterEach(() => {
    document.body.innerHTML = '';
    setLanguage('en');
  });

  it('shows every section in Russian', async () => {
    const { root } = setup();
    await vi.waitFor(() => expect(root.textContent).toContain('Адрес помощника'));
    for (const heading of ['Сопряжение', 'Сайты кабинета', 'Поведение']) {
      expect(root.textContent).toContain(heading);
    }
    expect(root.textContent).toContain('Пока ни одного сайта.');
    expect(root.textContent).toContain('ПомощникНе сопряжён');
    expect(field(root, 'host').value).toBe('127.0.0.1');
    expect(field(root, 'port').value).toBe('47800');
  });

  it('shows every section in English', async () => {
    setLanguage('en');
    const { root } = setup({ state: 'connected', status: status() });
    await vi.waitFor(() => expect(root.textContent).toContain('Helper address'));
    for (const heading of [
      'Pairing',
      'Cabinet sites',
      'Behaviour',
      'Incoming-call card',
      'Language',
    ]) {
      expect(root.textContent).toContain(heading);
    }
    await vi.waitFor(() => expect(root.textContent).toContain('HelperWorking, version 0.1.0'));
  });

  it('accepts only loopback helper addresses and saves a valid one', async () => {
    const { root } = setup();
    await vi.waitFor(() => field(root, 'host'));
    await typeInto(field(root, 'host'), '192.168.1.5');
    submit(field(root, 'host').form);
    await vi.waitFor(
      () =>
        expect(root.querySelector('#ct-address-error')?.textContent).toContain(
          '127.0.0.1, localhost or ::1',
        ),
      GENEROUS,
    );
    expect(field(root, 'host').getAttribute('aria-invalid')).toBe('true');
    expect((await getSettings()).helper).toEqual(DEFAULT_SETTINGS.helper);

    await typeInto(field(root, 'host'), 'localhost');
    await typeInto(field(root, 'port'), '70000');
    submit(field(root, 'host').form);
    await vi.waitFor(
      () => expect(root.querySelector('#ct-address-error')?.textContent).toContain('1 to 65535'),
      GENEROUS,
    );

    await typeInto(field(root, 'port'), '47801');
    submit(field(root, 'host').form);
    await vi.waitFor(
      async () => expect((await getSettings()).helper).toEqual({ host: 'localhost', port: 47801 }),
      GENEROUS,
    );
    await vi.waitFor(() => expect(root.textContent).toContain('Сохранено.'), GENEROUS);
  });

  it('pairs with the code from "helper pair" and then offers to unpair', async () => {
    const { root, background } = setup();
    await vi.waitFor(() => field(root, 'pairing-code'));
    await typeInto(field(root, 'pairing-code'), '12 34 56');
    submit(field(root, 'pairing-code').form);
    await vi.waitFor(() =>
      expect(background.asked).toContainEqual({ kind: 'pair', code: '123456' }),
    );
    background.push({ kind: 'connection', connection: { state: 'connected', status: status() } });
    await vi.waitFor(() =>
      expect(root.querySelector('[data-paired]')?.textContent).toContain('Сопряжено'),
    );
    buttonByText(root, 'Разорвать сопряжение').click();
    await vi.waitFor(async () => expect(await pairingItem.getValue()).toBeNull());
    await vi.waitFor(() => field(root, 'pairing-code'));
  });

  it('shows why pairing failed', async () => {
    const background = setup(undefined, {
      ok: false,
      message: 'Код не подошёл или устарел.',
    } as never);
    const { root } = background;
    await vi.waitFor(() => field(root, 'pairing-code'));
    await typeInto(field(root, 'pairing-code'), '000000');
    submit(field(root, 'pairing-code').form);
    await vi.waitFor(() =>
      expect(root.querySelector('#ct-pairing-error')?.textContent).toBe(
        'Код не подошёл или устарел.',
      ),
    );
    await typeInto(field(root, 'pairing-code'), 'код!');
    submit(field(root, 'pairing-code').form);
    await vi.waitFor(() =>
      expect(root.querySelector('#ct-pairing-error')?.textContent).toContain('helper pair'),
    );
  });

  it('adds a site by asking for access within the click, and removes it', async () => {
    const { root, sites } = setup();
    await vi.waitFor(() => field(root, 'site'));
    await typeInto(field(root, 'site'), 'https://cabinet.example.com/orders?id=5');
    submit(field(root, 'site').form);
    // Synchronously, inside the user's gesture: nothing was awaited first.
    expect(sites.enable).toHaveBeenCalledWith('https://cabinet.example.com/*');
    await vi.waitFor(() =>
      expect(root.querySelector('.ct-sites code')?.textContent).toBe(
        'https://cabinet.example.com/*',
      ),
    );
    expect(field(root, 'site').value).toBe('');

    root
      .querySelector<HTMLButtonElement>('[aria-label="Удалить https://cabinet.example.com/*"]')
      ?.click();
    expect(sites.disable).toHaveBeenCalledWith('https://cabinet.example.com/*');
    await vi.waitFor(() => expect(root.querySelector('[data-sites-empty]')).not.toBeNull());
  });

  it('explains a site address it cannot use', async () => {
    const { root, sites } = setup();
    await vi.waitFor(() => field(root, 'site'));
    await typeInto(field(root, 'site'), 'ftp://files.example.com');
    submit(field(root, 'site').form);
    await vi.waitFor(() =>
      expect(root.querySelector('#ct-sites-notice')?.textContent).toContain('http and https'),
    );
    expect(sites.enable).not.toHaveBeenCalled();
  });

  it('saves each switch at once and switches the language live', async () => {
    const scope = new AbortController();
    await followLanguageSetting(scope.signal, () => 'ru-RU');
    const { root } = setup();
    await vi.waitFor(() => field(root, 'cards'));
    field(root, 'cards').click();
    await vi.waitFor(async () => expect((await getSettings()).cards).toBe(false));
    field(root, 'sound').click();
    await vi.waitFor(async () => expect((await getSettings()).sound).toBe(true));
    const language = root.querySelector<HTMLSelectElement>('[name="language"]');
    if (!language) throw new Error('no language select');
    await typeInto(language, 'en');
    await vi.waitFor(async () => expect((await getSettings()).language).toBe('en'));
    await vi.waitFor(() => expect(root.textContent).toContain('Cabinet sites'));
    await rendered();
    expect(field(root, 'cards').checked).toBe(false);
    scope.abort();
  });

  it('chooses when the caller\u2019s page opens by itself, off by default', async () => {
    const { root } = setup();
    await vi.waitFor(() => expect(root.textContent).toContain('Открывать страницу звонящего'));
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="screenPop"]')];
    expect(radios.map((radio) => radio.closest('label')!.textContent)).toEqual([
      'Не открывать',
      'Когда звонит мой телефон',
      'Когда я отвечаю на звонок',
    ]);
    expect(radios.find((radio) => radio.checked)?.value).toBe('off');
    radios[2]!.click();
    await vi.waitFor(async () => expect((await getSettings()).screenPop).toBe('answer'));
    expect(root.querySelector('[role="radiogroup"]')!.getAttribute('aria-labelledby')).toBe(
      'ct-screen-pop-title',
    );
  });
});
