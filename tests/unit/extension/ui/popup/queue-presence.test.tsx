// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueMembership } from '../../../../../shared/protocol';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/shell-strings';
import { QueuePresence } from '../../../../../extension/ui/popup/queue-presence';
import { scriptedBackground } from '../../../../support/extension/background/scripted-background';
import { buttonByText, rendered, typeInto } from '../../../../support/extension/dom';

const PAUSED_SINCE = new Date(2025, 2, 14, 12, 30).getTime();

function setup(queues: QueueMembership[], reply = { ok: true as const }) {
  const background = scriptedBackground({ 'queue-pause': () => reply });
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<QueuePresence background={background.client} queues={queues} />, root);
  return { root, background };
}

function rows(root: HTMLElement): string[] {
  return [...root.querySelectorAll('.ct-queue')].map((row) => row.textContent ?? '');
}

describe('queue presence in the popup', () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => setLanguage('en'));

  it('is not shown to an operator in no queue', () => {
    const { root } = setup([]);
    expect(root.textContent).toBe('');
  });

  it('lists each queue and whether the operator takes calls there', () => {
    const { root } = setup([
      { queue: 'operators', extension: '101', paused: false },
      {
        queue: 'vip',
        extension: '101',
        paused: true,
        reason: 'Обед',
        pausedSince: PAUSED_SINCE,
      },
    ]);
    expect(rows(root)).toEqual([
      '●operators (доб. 101)принимаете звонки',
      expect.stringMatching(/^⏸vip \(доб\. 101\)на паузе: Обед, с \d\d\.\d\d 12:30$/),
    ]);
    expect(root.querySelector('h2')!.textContent).toBe('Очереди');
  });

  it('pauses in every queue with the reason given, in one click', async () => {
    const { root, background } = setup([
      { queue: 'operators', extension: '101', paused: false },
      { queue: 'vip', extension: '101', paused: false },
    ]);
    const reason = root.querySelector<HTMLInputElement>('#ct-pause-reason')!;
    expect(root.querySelector(`label[for="${reason.id}"]`)!.textContent).toBe('Причина паузы');
    expect(
      [...root.querySelectorAll('#ct-pause-reasons option')].map((o) => o.getAttribute('value')),
    ).toEqual(['Обед', 'Перерыв', 'Обучение', 'Работа с заказами']);
    await typeInto(reason, '  Обед ');
    buttonByText(root, 'Пауза во всех очередях').click();
    await rendered();
    expect(background.asked).toEqual([{ kind: 'queue-pause', paused: true, reason: 'Обед' }]);
    expect(root.textContent).not.toContain('Снять паузу');
  });

  it('resumes without a reason once paused, and says why it could not', async () => {
    const { root, background } = setup([{ queue: 'operators', extension: '101', paused: true }], {
      ok: false,
      message: 'The PBX did not answer.',
    } as never);
    expect(root.querySelector('#ct-pause-reason')).toBeNull();
    buttonByText(root, 'Снять паузу').click();
    await rendered();
    await rendered();
    expect(background.asked).toEqual([{ kind: 'queue-pause', paused: false }]);
    expect(root.querySelector('.ct-queues__feedback')!.textContent).toBe(
      'Не удалось: The PBX did not answer.',
    );
  });

  it('speaks English too', () => {
    setLanguage('en');
    const { root } = setup([{ queue: 'operators', extension: '101', paused: true }]);
    expect(rows(root)).toEqual(['⏸operators (ext. 101)paused']);
    expect(buttonByText(root, 'Resume')).toBeTruthy();
  });
});
