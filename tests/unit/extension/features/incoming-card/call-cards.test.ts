// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/page-strings';
import type { CardPresenter } from '../../../../../extension/features/incoming-card/card-presenter';
import type { CallView } from '../../../../../shared/protocol';
import {
  call,
  clientCall,
  courierCall,
  recipientCall,
} from '../../../../support/extension/sample-calls';
import {
  buttonNamed,
  mountCards,
  type CardActionMocks,
  type CardHarness,
} from '../../../../support/extension/features/incoming-card/card-harness';
import { scriptClick, userClick, userKey } from '../../../../support/extension/trusted-events';

let cards: CardHarness;
let container: HTMLElement;
let presenter: CardPresenter;
let actions: CardActionMocks;

beforeEach(() => {
  setLanguage('ru');
  cards = mountCards();
  ({ container, presenter, actions } = cards);
});

afterEach(() => {
  cards.close();
  vi.useRealTimers();
  setLanguage('en');
});

function show(...calls: CallView[]): HTMLElement {
  return cards.show(...calls);
}

describe('incoming-call card content', () => {
  it('shows a client down to the contact person, status and manager, linked to the client page', () => {
    const card = show(clientCall());
    const text = card.textContent ?? '';
    expect(text).toContain('Входящий звонок');
    expect(card.querySelector('.number')!.textContent).toBe('+7 916 555-66-77');
    expect(text).toContain('Клиент');
    expect(text).toContain('Статус: активен');
    expect(text).toContain('Орлова Мария Андреевна');
    expect(text).toContain('Менеджер по логистике');
    expect(text).toContain('Менеджер: Волкова Елена Сергеевна, доб. 103');
    const link = card.querySelector<HTMLAnchorElement>('.who--client a')!;
    expect(link.textContent).toBe('ООО «Ромашка»');
    expect(link.getAttribute('href')).toBe('https://cabinet.courier.example/clients/1');
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
  });

  it('shows a courier with code, mobile and manager', () => {
    const card = show(courierCall());
    const text = card.textContent ?? '';
    expect(text).toContain('Курьер');
    expect(text).toContain('код 1');
    expect(text).toContain('+7 903 111-22-33');
    expect(text).toContain('Менеджер: Смирнова Анна Петровна, доб. 101');
    expect(card.querySelector('.who--courier a')!.getAttribute('href')).toBe(
      'https://cabinet.courier.example/couriers/1',
    );
  });

  it('shows a recipient with every order in work and the courier holding each', () => {
    const card = show(recipientCall());
    const text = card.textContent ?? '';
    expect(text).toContain('Получатель');
    expect(text).toContain('Иванов Иван Иванович');
    expect(text).toContain('Заказы в работе: 2');
    expect(text).toContain('24.11.2025, 10:00–14:00');
    expect(text).toContain('Наложенный платёж: 1\u00a0500\u00a0₽');
    expect(text).toContain('Отправитель: ООО «Ромашка»');
    const items = card.querySelectorAll('.delivery');
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('a')!.textContent).toBe('Заказ RM-000101');
    expect(items[0]!.querySelector('.badge')!.textContent).toBe('в работе');
    expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe(
      'https://cabinet.courier.example/orders/1',
    );
    expect(items[0]!.textContent).toContain('У курьера: Петров Сергей Иванович');
    expect(items[1]!.textContent).toContain('Сидоров Алексей Викторович');
    expect(items[1]!.textContent).not.toContain('Наложенный платёж');
  });

  it('shows only the number for an unknown caller', () => {
    const card = show(call());
    expect(card.querySelector('.number')!.textContent).toBe('+7 999 000-00-00');
    expect(card.textContent).toContain('Номера нет в базе');
    expect(card.querySelectorAll('.who')).toHaveLength(0);
    expect(card.textContent).not.toContain('Открыть');
  });

  it('shows the raw number when it is not an external one', () => {
    const card = show(call({ remote: { raw: '102' }, direction: 'internal' }));
    expect(card.querySelector('.number')!.textContent).toBe('102');
    expect(card.textContent).toContain('Внутренний звонок');
  });

  it('says when the lookup is pending or the directory is unavailable', () => {
    expect(show(call({ lookup: 'pending' })).textContent).toContain('поиск…');
    const unavailable = show(call({ lookup: 'unavailable' }));
    expect(unavailable.textContent).toContain('справочник недоступен');
    expect(unavailable.textContent).not.toContain('Номера нет в базе');
  });

  it('never puts a non-web URL into a link', () => {
    const hostile = clientCall();
    hostile.identity.clients[0]!.url = 'javascript:alert(1)';
    const card = show(hostile);
    expect(card.querySelector('.who--client a')).toBeNull();
    expect(card.textContent).not.toContain('Открыть');
  });

  it('renders in English too, with English dates, money and statuses', () => {
    setLanguage('en');
    const card = show(recipientCall({ lookup: 'pending' }));
    expect(card.textContent).toContain('Incoming call');
    expect(card.textContent).toContain('looking up…');
    expect(card.textContent).toContain('Orders in work: 2');
    expect(card.textContent).toContain('24 Nov 2025, 10:00–14:00');
    expect(card.textContent).toContain('Cash on delivery: ₽1,500');
    expect(card.querySelector('.badge')!.textContent).toBe('in work');
    expect(show(clientCall()).textContent).toContain('Status: active');
  });

  it('shows a status code it does not know, and a date it cannot read, as the database gave them', () => {
    const odd = recipientCall();
    odd.identity.deliveries[0]!.status = '17';
    odd.identity.deliveries[0]!.date = 'после звонка';
    const card = show(odd);
    expect(card.querySelector('.badge')!.textContent).toBe('17');
    expect(card.textContent).toContain('после звонка, 10:00–14:00');
  });
});

describe('incoming-call card live state', () => {
  it('goes ringing → talking with a running timer → ended', async () => {
    vi.useFakeTimers();
    const start = Date.now();
    show(clientCall());
    expect(container.querySelector('.state')!.textContent).toBe('Звонит…');
    presenter.update([clientCall({ state: 'answered', answeredAt: start })]);
    expect(container.querySelector('.state')!.textContent).toBe('Разговор 0:00');
    await vi.advanceTimersByTimeAsync(65_000);
    expect(container.querySelector('.state')!.textContent).toBe('Разговор 1:05');
    presenter.update([clientCall({ state: 'ended', result: 'answered', talkSeconds: 125 })]);
    expect(container.querySelector('.state')!.textContent).toBe(
      'Звонок завершён, разговор 2 мин 5 с',
    );
  });

  it('claims no result for a call that ended while the helper could not see the PBX', () => {
    show(clientCall({ state: 'ended', result: 'no-answer', missed: true, endUnseen: true }));
    expect(container.querySelector('.state')!.textContent).toBe(
      'Звонок завершён, пока не было связи с АТС: итог неизвестен',
    );
    setLanguage('en');
    show(clientCall({ state: 'ended', result: 'no-answer', missed: true, endUnseen: true }));
    expect(container.querySelector('.state')!.textContent).toBe(
      'Call ended while the PBX was out of reach: result unknown',
    );
  });

  it('says when another phone answered', () => {
    show(clientCall({ state: 'answered-elsewhere', answeredBy: '103' }));
    expect(container.querySelector('.state')!.textContent).toBe('Ответил 103');
  });

  it('says who took a call answered elsewhere, and that the operator declined one', () => {
    show(clientCall({ state: 'ended', result: 'answered-elsewhere', answeredBy: '102' }));
    expect(container.querySelector('.state')!.textContent).toBe('Ответил 102');
    show(clientCall({ state: 'ended', result: 'declined' }));
    expect(container.querySelector('.state')!.textContent).toBe('Вы отклонили звонок');
    setLanguage('en');
    show(clientCall({ state: 'ended', result: 'declined' }));
    expect(container.querySelector('.state')!.textContent).toBe('You declined the call');
  });

  it('marks a missed call and offers to call back', () => {
    const card = show(recipientCall({ state: 'ended', result: 'no-answer', missed: true }));
    expect(card.querySelector('.state')!.textContent).toBe('Пропущенный звонок');
    userClick(buttonNamed(card, 'Перезвонить'));
    expect(actions.callBack).toHaveBeenCalledWith('+79161234567');
  });

  it('stacks concurrent calls, newest first', () => {
    const now = Date.now();
    presenter.update([
      clientCall({ startedAt: now }),
      recipientCall({ startedAt: now - 5000, state: 'answered', answeredAt: now - 4000 }),
    ]);
    const cards = container.querySelectorAll('article');
    expect(cards).toHaveLength(2);
    expect(cards[0]!.getAttribute('data-call-id')).toBe('client-call');
    expect(cards[1]!.getAttribute('data-call-id')).toBe('recipient-call');
  });
});

describe('incoming-call card actions', () => {
  it('Escape inside a card dismisses that card only', () => {
    const now = Date.now();
    presenter.update([clientCall({ startedAt: now }), courierCall({ startedAt: now - 1 })]);
    const second = container.querySelectorAll('article')[1]!;
    userKey(second.querySelector('button')!, 'Escape');
    expect(actions.dismiss).toHaveBeenCalledWith('courier-call');
    expect(actions.dismiss).toHaveBeenCalledTimes(1);
  });

  it('the close button dismisses; the card is labelled by its number', () => {
    const card = show(courierCall());
    const close = card.querySelector<HTMLButtonElement>('.dismiss')!;
    expect(close.getAttribute('aria-label')).toBe('Закрыть карточку');
    const title = container.querySelector(`#${card.getAttribute('aria-labelledby')}`);
    expect(title!.textContent).toBe('+7 903 111-22-33');
    userClick(close);
    expect(actions.dismiss).toHaveBeenCalledWith('courier-call');
  });

  it('opens the first relevant page and copies the number', async () => {
    const card = show(clientCall());
    userClick(buttonNamed(card, 'Открыть'));
    expect(actions.open).toHaveBeenCalledWith('https://cabinet.courier.example/clients/1');
    userClick(buttonNamed(card, 'Копировать номер'));
    expect(actions.copy).toHaveBeenCalledWith('+79165556677');
    await vi.waitFor(() => expect(card.textContent).toContain('Номер скопирован'));
  });

  it('ignores clicks a page script dispatches', () => {
    const card = show(recipientCall({ state: 'ended', missed: true }));
    scriptClick(buttonNamed(card, 'Перезвонить'));
    scriptClick(card.querySelector('.dismiss')!);
    expect(actions.callBack).not.toHaveBeenCalled();
    expect(actions.dismiss).not.toHaveBeenCalled();
  });
});

describe('recording link on the card', () => {
  const RECORDING = 'https://pbx.courier.example/recordings/1741944600.17.wav';

  function recordingLink(call: CallView): HTMLAnchorElement | null {
    return show(call).querySelector<HTMLAnchorElement>(`a[href="${call.recordingUrl ?? ''}"]`);
  }

  it('links the recording of an ended call, opening in a new tab', () => {
    const link = recordingLink(
      clientCall({ state: 'ended', result: 'answered', recordingUrl: RECORDING }),
    );
    expect(link).not.toBeNull();
    expect(link!.textContent).toBe('Запись разговора');
    expect(link!.target).toBe('_blank');
    expect(link!.rel).toContain('noopener');
    expect(link!.tabIndex).toBe(0);
    link!.focus();
    expect(document.activeElement).toBe(link);
  });

  it('names the link in English too', () => {
    setLanguage('en');
    const card = show(clientCall({ state: 'ended', recordingUrl: RECORDING }));
    expect(card.querySelector(`a[href="${RECORDING}"]`)!.textContent).toBe('Recording');
  });

  it('shows no recording while the call goes on', () => {
    for (const state of ['ringing', 'answered', 'answered-elsewhere'] as const) {
      const card = show(clientCall({ state, recordingUrl: RECORDING }));
      expect(card.querySelector(`a[href="${RECORDING}"]`)).toBeNull();
      expect(card.textContent).not.toContain('Запись разговора');
    }
  });

  it('shows no recording link for an ended call without one', () => {
    expect(show(clientCall({ state: 'ended' })).textContent).not.toContain('Запись разговора');
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://pbx.courier.example/rec.wav',
    'file:///C:/recordings/rec.wav',
    ' https://pbx.courier.example/rec.wav',
  ])('never links the recording URL %j', (url) => {
    const card = show(clientCall({ state: 'ended', recordingUrl: url }));
    expect(card.textContent).not.toContain('Запись разговора');
    expect(card.querySelectorAll('a[href]')).toHaveLength(
      card.querySelectorAll('a[href^="https://cabinet"]').length,
    );
  });
});
