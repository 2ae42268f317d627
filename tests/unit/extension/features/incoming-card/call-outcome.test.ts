// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/page-strings';
import type { CardActions } from '../../../../../extension/features/incoming-card/card-actions';
import { CardPresenter } from '../../../../../extension/features/incoming-card/card-presenter';
import type { OutcomeNote, OutcomeReply } from '../../../../../extension/lib/runtime-messages';
import type { CallView, OutcomeSettings } from '../../../../../shared/protocol';
import { call, recipientCall } from '../../../../support/extension/sample-calls';
import { trusted, userClick, userKey } from '../../../../support/extension/trusted-events';

const SETTINGS: OutcomeSettings = {
  choices: [
    { code: 'rescheduled', label: 'Доставка перенесена', en: 'Delivery rescheduled' },
    { code: 'not-reached', label: 'Не дозвонились' },
  ],
  afterCallMs: 300_000,
};

let container: HTMLElement;
let controller: AbortController;
let presenter: CardPresenter;
let noteOutcome: ReturnType<typeof vi.fn<(note: OutcomeNote) => Promise<OutcomeReply>>>;

beforeEach(() => {
  setLanguage('ru');
  container = document.createElement('div');
  document.body.replaceChildren(container);
  controller = new AbortController();
  noteOutcome = vi.fn(async () => ({ ok: true }) as const);
  const actions: CardActions = {
    open: vi.fn(),
    copy: vi.fn(async () => true),
    dismiss: vi.fn(),
    control: vi.fn(async () => ({ ok: true })),
    callBack: vi.fn(),
    noteOutcome,
  };
  presenter = new CardPresenter({ container, actions, signal: controller.signal });
  presenter.setOutcomes(SETTINGS);
});

afterEach(() => {
  controller.abort();
  setLanguage('en');
});

/** Lets Preact render what the last event changed, as a browser does between two inputs. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function show(view: CallView): HTMLElement {
  presenter.update([view]);
  return container.querySelector<HTMLElement>('article')!;
}

function form(card: HTMLElement): HTMLFormElement | null {
  return card.querySelector<HTMLFormElement>('form.outcome');
}

function pick(card: HTMLElement, value: string, group = 'code'): void {
  const input = card.querySelector<HTMLInputElement>(
    `input[name^="ct-outcome-${group}-"][value="${value}"]`,
  );
  if (!input) throw new Error(`no choice ${value} in ${card.textContent}`);
  userClick(input);
}

function type(card: HTMLElement, text: string): HTMLTextAreaElement {
  const note = card.querySelector<HTMLTextAreaElement>('textarea.note')!;
  note.value = text;
  note.dispatchEvent(trusted(new InputEvent('input', { bubbles: true })));
  return note;
}

function submit(card: HTMLElement): void {
  form(card)!.dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
}

describe('the outcome and note on the card', () => {
  it('offers the configured outcomes, the orders shown and a note, and saves what was picked', async () => {
    const card = show(recipientCall({ state: 'answered', answeredAt: Date.now() }));
    const text = form(card)!.textContent ?? '';
    expect(text).toContain('Итог звонка');
    expect(text).toContain('Доставка перенесена');
    expect(text).toContain('Все заказы');
    expect(text).toContain('RM-000102');
    pick(card, 'rescheduled');
    await flush();
    pick(card, '2', 'order');
    await flush();
    type(card, '  Привезти в субботу  ');
    await flush();
    submit(card);
    await flush();
    expect(noteOutcome).toHaveBeenCalledWith({
      callId: 'recipient-call',
      extension: '101',
      outcome: 'rescheduled',
      note: 'Привезти в субботу',
      orderCode: '2',
    });
    expect(card.querySelector('.outcome-status')!.textContent).toBe('✓ Сохранено');
    expect(card.querySelector('.chip--on')!.textContent).toBe('Доставка перенесена');
  });

  it('names the only order the call is tied to instead of asking', () => {
    const only = recipientCall();
    const card = show({
      ...only,
      identity: { ...only.identity, deliveries: only.identity.deliveries.slice(0, 1) },
    });
    expect(form(card)!.textContent).toContain('Заказ RM-000101');
    expect(card.querySelector('input[name^="ct-outcome-order-"]')).toBeNull();
  });

  it('saves with Ctrl+Enter in the note, and keeps the card open on Escape over a draft', async () => {
    const card = show(call({ state: 'answered' }));
    const note = type(card, 'Перезвонить');
    await flush();
    const escape = userKey(note, 'Escape');
    expect(escape.defaultPrevented).toBe(false);
    expect(container.querySelector('article')).not.toBeNull();
    note.dispatchEvent(
      trusted(
        new KeyboardEvent('keydown', {
          key: 'Enter',
          ctrlKey: true,
          bubbles: true,
          cancelable: true,
        }),
      ),
    );
    await flush();
    expect(noteOutcome).toHaveBeenCalledWith({
      callId: 'call-1',
      extension: '101',
      note: 'Перезвонить',
    });
  });

  it('says why an outcome was not saved, in the operator’s language', async () => {
    noteOutcome.mockResolvedValueOnce({ ok: false, reason: 'too-late', message: 'late' });
    const card = show(call({ state: 'ended', endedAt: Date.now(), result: 'answered' }));
    pick(card, 'not-reached');
    await flush();
    submit(card);
    await flush();
    expect(card.querySelector('.outcome-status')!.textContent).toBe(
      'Не сохранено: время для итога этого звонка прошло.',
    );
  });

  it('ignores a submit a page script made up', async () => {
    const card = show(call({ state: 'answered' }));
    form(card)!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(noteOutcome).not.toHaveBeenCalled();
  });

  it('shows a saved outcome from another tab', () => {
    const card = show(
      call({ state: 'answered', outcome: { code: 'not-reached', note: 'Занято', at: 1 } }),
    );
    expect(card.querySelector<HTMLTextAreaElement>('textarea.note')!.value).toBe('Занято');
    expect(card.querySelector('.chip--on')!.textContent).toBe('Не дозвонились');
  });

  it('is offered while ringing and for the configured time after the end, never for a colleague’s call', () => {
    expect(form(show(call({ state: 'ringing' })))).not.toBeNull();
    expect(form(show(call({ state: 'answered-elsewhere', answeredBy: '102' })))).toBeNull();
    const ended = { state: 'ended', result: 'answered' } as const;
    expect(form(show(call({ ...ended, endedAt: Date.now() - 299_000 })))).not.toBeNull();
    expect(form(show(call({ ...ended, endedAt: Date.now() - 301_000 })))).toBeNull();
    presenter.setOutcomes(undefined);
    expect(form(show(call({ state: 'answered' })))).toBeNull();
  });

  it('uses the English labels for an English reader, the office’s own where there is none', () => {
    setLanguage('en');
    const text = form(show(call({ state: 'answered' })))!.textContent ?? '';
    expect(text).toContain('Call outcome');
    expect(text).toContain('Delivery rescheduled');
    expect(text).toContain('Не дозвонились');
  });
});

describe('create links for an unknown caller', () => {
  it('links to the configured cabinet pages, number filled in, in a new tab', () => {
    const card = show(
      call({
        createLinks: [
          {
            label: 'Новый заказ',
            en: 'New order',
            url: 'https://cab.test/orders/new?phone=79990000000',
          },
          { label: 'Плохая', url: 'javascript:alert(1)' },
        ],
      }),
    );
    const links = Array.from(card.querySelectorAll<HTMLAnchorElement>('.create a'));
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Новый заказ', 'https://cab.test/orders/new?phone=79990000000'],
    ]);
    expect(links[0]?.target).toBe('_blank');
    expect(links[0]?.rel).toContain('noopener');
    expect(card.querySelector('.create')!.textContent).toContain('Создать в кабинете');
    setLanguage('en');
    expect(container.querySelector('.create a')!.textContent).toBe('New order');
  });
});
