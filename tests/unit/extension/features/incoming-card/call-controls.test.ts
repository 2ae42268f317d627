// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage, type Language } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/page-strings';
import {
  CallControlFailure,
  type CallView,
  type TransferState,
} from '../../../../../shared/protocol';
import {
  buttonNamed,
  mountCards,
  type CardHarness,
} from '../../../../support/extension/features/incoming-card/card-harness';
import { rendered, typeInto } from '../../../../support/extension/dom';
import { clientCall, recipientCall } from '../../../../support/extension/sample-calls';
import { scriptClick, userClick, userKey } from '../../../../support/extension/trusted-events';

let cards: CardHarness;

beforeEach(() => {
  setLanguage('ru');
  cards = mountCards();
});

afterEach(() => {
  cards.close();
  vi.useRealTimers();
  setLanguage('en');
});

const answered = (call: CallView): CallView => ({
  ...call,
  state: 'answered',
  answeredAt: Date.now(),
});

/** A recipient whose parcel's courier has a mobile and whose sender has a number. */
function recipientWithPeople(): CallView {
  const base = answered(recipientCall());
  const [first, second] = base.identity.deliveries;
  return {
    ...base,
    identity: {
      ...base.identity,
      deliveries: [
        {
          ...first!,
          courier: { ...first!.courier!, mobile: '+79031112233' },
          client: { code: '1', company: 'ООО «Ромашка»', phone: '+74951234567' },
        },
        second!,
      ],
    },
  };
}

/** Clicks like a person and waits for the card to show what it changed. */
async function click(card: Element, label: string): Promise<void> {
  userClick(buttonNamed(card, label));
  await rendered();
}

describe('hang-up from the card', () => {
  it('declines a ringing call and hangs up a call in progress', async () => {
    await click(cards.show(clientCall()), 'Отклонить');
    expect(cards.actions.control).toHaveBeenCalledWith({
      callId: 'client-call',
      extension: '101',
      action: 'hangup',
    });
    await click(cards.show(answered(clientCall())), 'Завершить звонок');
    expect(cards.actions.control).toHaveBeenCalledTimes(2);
  });

  it('offers no control on a call answered elsewhere or ended', () => {
    for (const state of ['answered-elsewhere', 'ended'] as const) {
      const card = cards.show(clientCall({ state }));
      expect(card.querySelector('.controls')).toBeNull();
    }
  });

  it('says why a hang-up failed', async () => {
    cards.actions.control.mockResolvedValueOnce({ ok: false, reason: 'pbx-unavailable' });
    const card = cards.show(answered(clientCall()));
    await click(card, 'Завершить звонок');
    await vi.waitFor(() =>
      expect(card.querySelector('.control-status')!.textContent).toBe(
        'Не получилось: нет связи с АТС, повторите чуть позже',
      ),
    );
  });

  it('ignores a click a page script dispatches', () => {
    scriptClick(buttonNamed(cards.show(answered(clientCall())), 'Завершить звонок'));
    expect(cards.actions.control).not.toHaveBeenCalled();
  });
});

describe('transfer from the card', () => {
  it('offers transfers only once the call is answered here', () => {
    expect(cards.show(recipientCall()).textContent).not.toContain('Перевести');
    expect(cards.show(recipientCall({ state: 'answered-elsewhere' })).textContent).not.toContain(
      'Перевести',
    );
    expect(cards.show(answered(recipientCall())).textContent).toContain('Перевести…');
  });

  it("lists the caller's related people and transfers to the one picked, blind", async () => {
    const card = cards.show(recipientWithPeople());
    await click(card, 'Перевести…');
    const picks = Array.from(card.querySelectorAll('.pick')).map((b) => b.textContent);
    expect(picks).toEqual([
      'Курьер Петров Сергей Иванович +7 903 111-22-33',
      'Отправитель ООО «Ромашка» +7 495 123-45-67',
    ]);
    await click(card, 'Курьер Петров');
    expect(card.querySelector<HTMLInputElement>('.to')!.value).toBe('+7 903 111-22-33');
    await click(card, 'Перевести сразу');
    expect(cards.actions.control).toHaveBeenCalledWith({
      callId: 'recipient-call',
      extension: '101',
      action: 'transfer',
      to: '+7 903 111-22-33',
      target: 'courier',
      mode: 'blind',
    });
  });

  it('offers the account manager at his extension', async () => {
    const card = cards.show(answered(clientCall()));
    await click(card, 'Перевести…');
    await click(card, 'Менеджер Волкова Елена Сергеевна');
    await click(card, 'Сначала поговорить');
    expect(cards.actions.control).toHaveBeenCalledWith(
      expect.objectContaining({ to: '103', target: 'manager', mode: 'attended' }),
    );
  });

  it('transfers to any number typed in, focused when the panel opens', async () => {
    const card = cards.show(answered(clientCall()));
    await click(card, 'Перевести…');
    const input = card.querySelector<HTMLInputElement>('.to')!;
    await vi.waitFor(() => expect(cards.container.ownerDocument.activeElement).toBe(input));
    expect(card.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('Кому перевести');
    await typeInto(input, '104');
    await click(card, 'Сначала поговорить');
    expect(cards.actions.control).toHaveBeenCalledWith(
      expect.objectContaining({ to: '104', target: 'number', mode: 'attended' }),
    );
  });

  it('asks for a number before sending an empty one', async () => {
    const card = cards.show(answered(clientCall()));
    await click(card, 'Перевести…');
    await click(card, 'Перевести сразу');
    expect(card.querySelector('[role="alert"]')!.textContent).toBe(
      'Введите номер или выберите из списка.',
    );
    expect(cards.actions.control).not.toHaveBeenCalled();
  });

  it("keeps keys typed in the panel from the page's shortcuts; Escape closes the panel only", async () => {
    const card = cards.show(answered(clientCall()));
    await click(card, 'Перевести…');
    const seen: string[] = [];
    document.addEventListener('keydown', (event) => seen.push(event.key));
    userKey(card.querySelector('.to')!, '5');
    userKey(card.querySelector('.to')!, 'Escape');
    await rendered();
    expect(seen).toEqual([]);
    expect(card.querySelector('.transfer-panel')).toBeNull();
    expect(cards.actions.dismiss).not.toHaveBeenCalled();
  });

  it('closes the panel once the transfer went through', async () => {
    const card = cards.show(answered(clientCall()));
    await click(card, 'Перевести…');
    await typeInto(card.querySelector<HTMLInputElement>('.to')!, '103');
    await click(card, 'Перевести сразу');
    await vi.waitFor(() => expect(card.querySelector('.transfer-panel')).toBeNull());
  });
});

describe('attended transfer on the card', () => {
  const consulting = (state: 'calling' | 'talking', since = Date.now()): CallView => ({
    ...answered(clientCall()),
    consult: { target: 'manager', to: '103', state, since },
  });

  it('shows the person being rung and offers to connect or go back to the caller', async () => {
    const card = cards.show(consulting('calling'));
    expect(card.querySelector('.consult')!.textContent).toBe(
      'Звоним: 103. Звонящий ждёт на удержании.',
    );
    expect(card.textContent).not.toContain('Завершить звонок');
    await click(card, 'Соединить со звонящим');
    await click(card, 'Вернуться к звонящему');
    expect(cards.actions.control.mock.calls.map(([request]) => request.action)).toEqual([
      'complete',
      'cancel',
    ]);
  });

  it('counts the talk with the person', async () => {
    vi.useFakeTimers();
    const card = cards.show(consulting('talking', Date.now()));
    await vi.advanceTimersByTimeAsync(12_500);
    expect(card.querySelector('.consult')!.textContent).toBe(
      'Разговор с 103, 0:12. Звонящий ждёт на удержании.',
    );
    setLanguage('en');
    cards.show(consulting('talking', Date.now()));
    expect(cards.container.querySelector('.consult')!.textContent).toBe(
      'Talking to 103, 0:00. The caller is on hold.',
    );
  });
});

function withTransfer(transfer: Partial<TransferState>): CallView {
  return {
    ...answered(clientCall()),
    transfer: { target: 'manager', mode: 'attended', to: '103', ok: false, at: 1, ...transfer },
  };
}

function transferLine(call: CallView): string {
  return cards.show(call).querySelector('.transfer')?.textContent ?? '';
}

const PBX_DETAIL = 'AMI action BlindTransfer was refused by the PBX: No such channel';

describe('transfer outcome on the card', () => {
  const sentences: Record<Exclude<CallControlFailure, 'failed'>, Record<Language, string>> = {
    'not-answered': {
      ru: 'Не удалось перевести звонок: звонок не принят на вашем телефоне',
      en: 'Could not transfer the call: the call is not answered on your phone',
    },
    'not-connected': {
      ru: 'Не удалось перевести звонок: звонок уже разъединён',
      en: 'Could not transfer the call: the call is no longer connected',
    },
    'invalid-number': {
      ru: 'Не удалось перевести звонок: этот номер нельзя набрать, проверьте его',
      en: 'Could not transfer the call: this number cannot be dialled, check it',
    },
    consulting: {
      ru: 'Не удалось перевести звонок: уже идёт перевод с разговором, завершите или отмените его',
      en: 'Could not transfer the call: an attended transfer is going on, complete or cancel it first',
    },
    'no-consultation': {
      ru: 'Не удалось перевести звонок: перевода с разговором сейчас нет',
      en: 'Could not transfer the call: no attended transfer is going on',
    },
    cancelled: {
      ru: 'Перевод на 103 отменён — вы снова со звонящим',
      en: 'Transfer to 103 cancelled; you are back with the caller',
    },
    'target-busy': {
      ru: 'Не удалось перевести звонок: 103 занят — вы снова со звонящим',
      en: 'Could not transfer the call: 103 is busy; you are back with the caller',
    },
    'target-no-answer': {
      ru: 'Не удалось перевести звонок: 103 не ответил — вы снова со звонящим',
      en: 'Could not transfer the call: 103 did not answer; you are back with the caller',
    },
    'target-hung-up': {
      ru: 'Не удалось перевести звонок: 103 положил трубку — вы снова со звонящим',
      en: 'Could not transfer the call: 103 hung up; you are back with the caller',
    },
    'transfer-not-allowed': {
      ru: 'Не удалось перевести звонок: АТС не разрешает переводить этот звонок. Сообщите администратору.',
      en: 'Could not transfer the call: the PBX does not allow transferring this call. Tell your administrator.',
    },
    'no-transfer-feature': {
      ru: 'Не удалось перевести звонок: на АТС не настроен перевод с разговором. Сообщите администратору.',
      en: 'Could not transfer the call: attended transfer is not set up on the PBX. Tell your administrator.',
    },
    'pbx-permission': {
      ru: 'Не удалось перевести звонок: АТС не разрешает помощнику управлять звонками. Сообщите администратору.',
      en: 'Could not transfer the call: the PBX does not let the helper control calls. Tell your administrator.',
    },
    'pbx-refused': {
      ru: 'Не удалось перевести звонок: АТС отклонила запрос',
      en: 'Could not transfer the call: the PBX refused the request',
    },
    'pbx-unavailable': {
      ru: 'Не удалось перевести звонок: нет связи с АТС, повторите чуть позже',
      en: 'Could not transfer the call: no connection to the PBX, try again shortly',
    },
  };
  const cases = Object.entries(sentences).flatMap(([reason, byLanguage]) =>
    (['ru', 'en'] as const).map((language) => ({
      reason: reason as CallControlFailure,
      language,
      sentence: byLanguage[language],
    })),
  );

  it('has a sentence for every reason the protocol knows', () => {
    expect([...Object.keys(sentences), 'failed'].sort()).toEqual(
      [...CallControlFailure.options].sort(),
    );
  });

  it.each(cases)('says $reason in $language without the English detail', (example) => {
    setLanguage(example.language);
    expect(transferLine(withTransfer({ reason: example.reason, message: PBX_DETAIL }))).toBe(
      example.sentence,
    );
  });

  it.each([
    ['ru', 'Не удалось перевести звонок'],
    ['en', 'Could not transfer the call'],
  ] as const)('adds the English detail to the generic failure in %s', (language, generic) => {
    setLanguage(language);
    const card = cards.show(withTransfer({ reason: 'failed', message: PBX_DETAIL }));
    expect(card.querySelector('.transfer-text')?.textContent).toBe(generic);
    // The PBX's English words on their own line, for the administrator.
    expect(card.querySelector('.transfer .technical')?.textContent).toContain(PBX_DETAIL);
    expect(transferLine(withTransfer({ reason: 'failed' }))).toBe(generic);
  });

  it('says where a transfer went, blind or after talking, in both languages', () => {
    const blind = withTransfer({ ok: true, mode: 'blind', to: '+79031112233' });
    const attended = withTransfer({ ok: true, mode: 'attended' });
    expect(transferLine(blind)).toBe('Переведено на +7 903 111-22-33');
    expect(transferLine(attended)).toBe('Переведено на 103 после разговора');
    setLanguage('en');
    expect(transferLine(blind)).toBe('Transferred to +7 903 111-22-33');
    expect(transferLine(attended)).toBe('Transferred to 103 after talking to them');
  });
});
