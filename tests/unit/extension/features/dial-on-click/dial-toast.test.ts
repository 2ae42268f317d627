// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/page-strings';
import type {
  DialFailure,
  DialToastState,
} from '../../../../../extension/features/dial-on-click/dial-toast-state';
import { ToastPresenter } from '../../../../../extension/features/dial-on-click/toast-presenter';
import { userKey } from '../../../../support/extension/trusted-events';

let container: HTMLElement;
let controller: AbortController;
let toast: ToastPresenter;

beforeEach(() => {
  setLanguage('ru');
  container = document.createElement('div');
  document.body.replaceChildren(container);
  controller = new AbortController();
  toast = new ToastPresenter({
    container,
    signal: controller.signal,
    doneHideMs: 1000,
    failedHideMs: 3000,
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  setLanguage('en');
});

const number = '+79161234567';
const text = (): string => container.querySelector('.toast')?.textContent ?? '';

describe('dial toast', () => {
  it('is a polite live region that stays in place while empty', () => {
    const region = container.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
  });

  it('shows each stage in Russian: ringing you → dialling → connected', () => {
    toast.show({ phase: 'working', step: 'ringing-you', number });
    expect(text()).toContain('Звоним вам… Снимите трубку своего телефона');
    toast.show({ phase: 'working', step: 'dialling', number });
    expect(text()).toContain('Набираем +7 916 123-45-67…');
    toast.show({ phase: 'done', step: 'connected', number });
    expect(text()).toContain('Соединено с +7 916 123-45-67');
    expect(container.querySelector('.toast--ok')).not.toBeNull();
  });

  it('switches language without losing its state', () => {
    toast.show({ phase: 'working', step: 'dialling', number: '+77011234567' });
    setLanguage('en');
    expect(text()).toContain('Dialling +7 701 123 4567…');
  });

  const failures: DialFailure[] = [
    'extension-unavailable',
    'helper-down',
    'helper-connecting',
    'helper-incompatible',
    'not-paired',
    'invalid-number',
    'dial-in-progress',
    'rate-limited',
    'not-allowed',
    'busy-you',
    'busy-remote',
    'no-answer-you',
    'no-answer-remote',
    'pbx-refused',
    'pbx-unavailable',
    'failed',
    'no-response',
  ];

  it.each(['ru', 'en'] as const)('has a sentence for every failure in %s', (language) => {
    setLanguage(language);
    for (const failure of failures) {
      toast.show({ phase: 'failed', failure, number });
      const detail = container.querySelector('.detail')!.textContent ?? '';
      expect(detail, failure).not.toContain('page.failure');
      expect(detail.length, failure).toBeGreaterThan(8);
    }
  });

  it('tells the helper is not running and adds the helper message', () => {
    toast.show({ phase: 'failed', failure: 'helper-down', number });
    expect(text()).toContain('Не удалось позвонить на +7 916 123-45-67');
    expect(text()).toContain('Помощник не запущен');
  });

  it.each([
    ['ru', 'Звонок не состоялся.', 'Подробности для администратора:'],
    ['en', 'The call did not go through.', 'Details for the administrator:'],
  ] as const)(
    "keeps the helper's English message out of the sentence, on a details line (%s)",
    (language, sentence, label) => {
      setLanguage(language);
      const pbx = 'Originate failed: Channel PJSIP/101 unavailable';
      toast.show({ phase: 'failed', failure: 'failed', number, detail: pbx });
      expect(container.querySelector('.detail')!.textContent).toBe(sentence);
      const details = container.querySelector('.technical')!;
      expect(details.textContent).toBe(`${label} ${pbx}`);
      expect(details.querySelector('[lang="en"]')!.textContent).toBe(pbx);
      toast.show({ phase: 'failed', failure: 'busy-remote', number });
      expect(container.querySelector('.technical')).toBeNull();
    },
  );

  it('distinguishes your phone from the called party', () => {
    toast.show({ phase: 'failed', failure: 'no-answer-you', number });
    expect(text()).toContain('Вы не сняли трубку.');
    toast.show({ phase: 'failed', failure: 'busy-remote', number });
    expect(text()).toContain('Абонент занят.');
  });

  it('says a call is already in progress', () => {
    toast.show({ phase: 'already-dialling', number });
    expect(text()).toContain('Звонок на +7 916 123-45-67 ещё идёт');
  });

  it('hides itself after the dial ends, but not while it is running', () => {
    vi.useFakeTimers();
    toast.show({ phase: 'working', step: 'ringing-you', number });
    vi.advanceTimersByTime(60_000);
    expect(toast.state).not.toBeNull();
    toast.show({ phase: 'done', step: 'connected', number });
    vi.advanceTimersByTime(1_500);
    expect(toast.state).toBeNull();
    expect(container.querySelector('.toast')).toBeNull();
    toast.show({ phase: 'failed', failure: 'busy-remote', number });
    vi.advanceTimersByTime(2_000);
    expect(toast.state).not.toBeNull();
    vi.advanceTimersByTime(1_500);
    expect(toast.state).toBeNull();
  });

  it('closes with Escape or its labelled close button', () => {
    const states: DialToastState[] = [
      { phase: 'done', step: 'connected', number },
      { phase: 'failed', failure: 'pbx-refused', number },
    ];
    toast.show(states[0]!);
    userKey(container.querySelector('.close')!, 'Escape');
    expect(toast.state).toBeNull();
    toast.show(states[1]!);
    const close = container.querySelector<HTMLButtonElement>('.close')!;
    expect(close.getAttribute('aria-label')).toBe('Закрыть уведомление');
    close.click();
    expect(toast.state).toBeNull();
  });
});
