// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundRequest } from '../../../../../extension/lib/runtime-messages';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/shell-strings';
import { RecentCalls } from '../../../../../extension/ui/popup/recent-calls';
import type { Dialer } from '../../../../../extension/ui/popup/use-dialer';
import { buttonByText, typeInto } from '../../../../support/extension/dom';
import { call } from '../../../../support/extension/samples';
import { scriptedBackground } from '../../../../support/extension/background/scripted-background';

const LINKED = call({
  callId: 'linked',
  state: 'ended',
  result: 'answered',
  talkSeconds: 42,
  recordingUrl: 'https://pbx.example.com/records/linked.wav',
  identity: {
    clients: [
      { code: 'C1', company: 'ООО «Ромашка»', url: 'https://cabinet.example.com/clients/C1' },
    ],
    couriers: [{ code: 'K7', name: 'Пётр', url: 'https://cabinet.example.com/couriers/K7' }],
    deliveries: [
      {
        addressCode: 'A1',
        orderCode: 'O1',
        orderNumber: '10042',
        url: 'https://cabinet.example.com/orders/O1',
      },
    ],
  },
});
const MISSED = call({ callId: 'missed', state: 'ended', missed: true, result: 'no-answer' });
const BARE = call({
  callId: 'bare',
  state: 'ended',
  result: 'answered',
  recordingUrl: 'file:///var/spool/asterisk/monitor/bare.wav',
});

const dialer: Dialer = { busy: false, feedback: null, dial: vi.fn() };

function journalAsks(asked: BackgroundRequest[]): BackgroundRequest[] {
  return asked.filter((request) => request.kind === 'journal');
}

function setup() {
  const background = scriptedBackground({
    journal: (request) => ({
      ok: true,
      entries: request.missedOnly ? [MISSED] : [LINKED, MISSED, BARE],
      hasMore: false,
    }),
    'missed-ack': () => ({ ok: true }),
  });
  const root = document.createElement('div');
  document.body.append(root);
  render(<RecentCalls background={background.client} dialer={dialer} connected />, root);
  return { root, background };
}

function linksOf(root: HTMLElement, callId: string): { text: string; href: string }[] {
  const index = ['linked', 'missed', 'bare'].indexOf(callId);
  const item = root.querySelectorAll('.ct-call')[index];
  return [...(item?.querySelectorAll('a') ?? [])].map((a) => ({
    text: a.getAttribute('aria-label') ?? a.textContent ?? '',
    href: a.getAttribute('href') ?? '',
  }));
}

describe('popup journal', () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    setLanguage('en');
  });

  it('links each call to its client, order, courier and recording in new tabs', async () => {
    const { root } = setup();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    const links = linksOf(root, 'linked');
    expect(links.map((link) => link.href)).toEqual([
      'https://cabinet.example.com/clients/C1',
      'https://cabinet.example.com/orders/O1',
      'https://cabinet.example.com/couriers/K7',
      'https://pbx.example.com/records/linked.wav',
    ]);
    expect(links.map((link) => link.text)).toEqual([
      'Клиент ООО «Ромашка»',
      'Заказ 10042',
      'Курьер Пётр',
      expect.stringMatching(/^Запись звонка: ООО «Ромашка», /),
    ]);
    for (const anchor of root.querySelectorAll('.ct-call a')) {
      expect(anchor.getAttribute('target')).toBe('_blank');
      expect(anchor.getAttribute('rel')).toBe('noreferrer');
    }
    expect(root.querySelector('.ct-call a[href^="https://pbx"]')?.textContent).toBe('Запись');
  });

  it('shows no links where there is nowhere to go, nor a recording that is not a web address', async () => {
    const { root } = setup();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    expect(linksOf(root, 'missed')).toEqual([]);
    expect(linksOf(root, 'bare')).toEqual([]);
  });

  it('asks for missed calls only when the filter says so, and marks the pressed toggle', async () => {
    const { root, background } = setup();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    expect(journalAsks(background.asked)).toEqual([{ kind: 'journal' }]);
    const group = root.querySelector('[role="group"][aria-label="Какие звонки показать"]');
    const [all, missed] = [...(group?.querySelectorAll('button') ?? [])];
    expect(all?.textContent).toBe('Все');
    expect(all?.getAttribute('aria-pressed')).toBe('true');
    expect(missed?.textContent).toBe('Пропущенные');
    expect(missed?.getAttribute('aria-pressed')).toBe('false');

    missed?.click();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(1));
    expect(journalAsks(background.asked).at(-1)).toEqual({ kind: 'journal', missedOnly: true });
    expect(missed?.getAttribute('aria-pressed')).toBe('true');
    expect(all?.getAttribute('aria-pressed')).toBe('false');
    await vi.waitFor(() =>
      expect(background.asked.filter((request) => request.kind === 'missed-ack')).toHaveLength(2),
    );
    expect(background.asked).toContainEqual({ kind: 'missed-ack', callIds: ['missed'] });

    all?.click();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    expect(journalAsks(background.asked).at(-1)).toEqual({ kind: 'journal' });
  });

  it('searches by the number as typed, once typing pauses', async () => {
    const { root, background } = setup();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    const input = root.querySelector<HTMLInputElement>('#ct-journal-search');
    if (!input) throw new Error('no search box');
    expect(root.querySelector('label[for="ct-journal-search"]')?.textContent).toBe(
      'Имя, номер или заметка',
    );

    await typeInto(input, '8 9');
    await typeInto(input, '8 916');
    await typeInto(input, '8 916 123 ');
    await vi.waitFor(() =>
      expect(journalAsks(background.asked).at(-1)).toEqual({
        kind: 'journal',
        search: '8 916 123',
      }),
    );
    expect(journalAsks(background.asked)).toEqual([
      { kind: 'journal' },
      { kind: 'journal', search: '8 916 123' },
    ]);

    root.querySelectorAll<HTMLButtonElement>('[role="group"] button')[1]?.click();
    await vi.waitFor(() =>
      expect(journalAsks(background.asked).at(-1)).toEqual({
        kind: 'journal',
        missedOnly: true,
        search: '8 916 123',
      }),
    );
  });

  it('says when nothing matches the filter', async () => {
    const background = scriptedBackground({
      journal: () => ({ ok: true, entries: [], hasMore: false }),
    });
    const root = document.createElement('div');
    document.body.append(root);
    render(<RecentCalls background={background.client} dialer={dialer} connected />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('Звонков пока нет.'));
    root.querySelectorAll<HTMLButtonElement>('[role="group"] button')[1]?.click();
    await vi.waitFor(() =>
      expect(root.textContent).toContain('Нет звонков, подходящих под отбор.'),
    );
  });

  it('speaks English', async () => {
    setLanguage('en');
    const { root } = setup();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    expect(root.querySelector('label[for="ct-journal-search"]')?.textContent).toBe(
      'Name, number or note',
    );
    const group = root.querySelector('[role="group"][aria-label="Which calls to show"]');
    expect([...(group?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual([
      'All',
      'Missed',
    ]);
    expect(linksOf(root, 'linked').map((link) => link.text)).toEqual([
      'Client ООО «Ромашка»',
      'Order 10042',
      'Courier Пётр',
      expect.stringMatching(/^Recording of the call: ООО «Ромашка», /),
    ]);
    expect(root.querySelector('.ct-call a[href^="https://pbx"]')?.textContent).toBe('Recording');
  });

  it('pages on with "Show more" after the last call shown, until all are there', async () => {
    const page = (callId: string, startedAt: number) =>
      call({ callId, state: 'ended', result: 'answered', startedAt });
    const background = scriptedBackground({
      journal: (request) =>
        request.cursor === undefined
          ? { ok: true, entries: [page('c3', 3_000), page('c2', 2_000)], hasMore: true }
          : { ok: true, entries: [page('c1', 1_000)], hasMore: false },
    });
    const root = document.createElement('div');
    document.body.append(root);
    render(<RecentCalls background={background.client} dialer={dialer} connected />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(2));
    expect(root.querySelector('.ct-journal-more [role="status"]')?.textContent).toBe(
      'Показано звонков: 2',
    );
    buttonByText(root, 'Показать ещё').click();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    expect(journalAsks(background.asked).at(-1)).toEqual({
      kind: 'journal',
      cursor: { startedAt: 2_000, callId: 'c2', extension: '101' },
    });
    expect(root.querySelector('.ct-journal-more [role="status"]')?.textContent).toBe(
      'Показаны все звонки: 3',
    );
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Показать ещё')).toBe(
      false,
    );
  });

  it('asks for the calls of a period, both days included', async () => {
    const { root, background } = setup();
    await vi.waitFor(() => expect(root.querySelectorAll('.ct-call')).toHaveLength(3));
    await typeInto(root.querySelector<HTMLInputElement>('#ct-journal-from')!, '2026-03-01');
    await typeInto(root.querySelector<HTMLInputElement>('#ct-journal-to')!, '2026-03-02');
    await vi.waitFor(() =>
      expect(journalAsks(background.asked).at(-1)).toEqual({
        kind: 'journal',
        from: new Date(2026, 2, 1).getTime(),
        to: new Date(2026, 2, 3).getTime(),
      }),
    );
    expect(root.querySelector('label[for="ct-journal-from"]')?.textContent).toBe('с');
  });

  it("shows a call's outcome, the order it was about and the note", async () => {
    const noted = call({
      callId: 'noted',
      state: 'ended',
      result: 'answered',
      outcome: {
        code: 'rescheduled',
        label: 'Доставка перенесена',
        note: 'Привезти в субботу',
        order: { code: '7', number: 'RM-7' },
        at: 1,
      },
    });
    const background = scriptedBackground({
      journal: () => ({ ok: true, entries: [noted], hasMore: false }),
    });
    const root = document.createElement('div');
    document.body.append(root);
    const outcomes = {
      choices: [{ code: 'rescheduled', label: 'Доставка перенесена', en: 'Delivery rescheduled' }],
      afterCallMs: 0,
    };
    render(
      <RecentCalls background={background.client} dialer={dialer} connected outcomes={outcomes} />,
      root,
    );
    await vi.waitFor(() => expect(root.querySelector('.ct-call__noted')).not.toBeNull());
    expect(root.querySelector('.ct-call__outcome')?.textContent).toBe(
      'Итог: Доставка перенесена, заказ RM-7',
    );
    expect(root.querySelector('.ct-call__note')?.textContent).toBe('Заметка: Привезти в субботу');
    setLanguage('en');
    render(
      <RecentCalls background={background.client} dialer={dialer} connected outcomes={outcomes} />,
      root,
    );
    await vi.waitFor(() =>
      expect(root.querySelector('.ct-call__outcome')?.textContent).toBe(
        'Outcome: Delivery rescheduled, order RM-7',
      ),
    );
  });
});
