import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallView, TransferMode, TransferTarget } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { displayNumber } from '../../lib/i18n/format';
import '../../lib/i18n/call-control-strings';
import { relatedPeople, type RelatedPerson } from './card-links';
import { onGesture } from './on-gesture';

export interface TransferPanelProps {
  id: string;
  call: CallView;
  busy: boolean;
  onTransfer(to: string, target: TransferTarget, mode: TransferMode): void;
  onClose(): void;
}

function pickLabel(person: RelatedPerson): string {
  return t(`page.control.pick.${person.target}`, { name: person.name });
}

/**
 * Where to transfer the caller: a number or extension typed in, or one of the people
 * related to the caller picked from the list; then at once, or after talking to them.
 * Keys typed here stay here: the page's own shortcuts never see them.
 */
export function TransferPanel({ id, call, busy, onTransfer, onClose }: TransferPanelProps) {
  const [to, setTo] = useState('');
  const [target, setTarget] = useState<TransferTarget>('number');
  const [hint, setHint] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const people = relatedPeople(call.identity);
  const inputId = `${id}-to`;
  const listId = `${id}-people`;

  useEffect(() => input.current?.focus(), []);

  const submit = (mode: TransferMode) => {
    const value = to.trim();
    if (value === '') {
      setHint(t('page.control.need-number'));
      input.current?.focus();
      return;
    }
    onTransfer(value, target, mode);
  };

  const keepKeys = (event: KeyboardEvent) => {
    if (event.type === 'keydown' && event.key === 'Escape') onClose();
    event.stopPropagation();
  };

  return (
    <div
      class="transfer-panel"
      id={id}
      onKeyDown={keepKeys}
      onKeyUp={keepKeys}
      onKeyPress={keepKeys}
    >
      <label class="label" for={inputId}>
        {t('page.control.transfer-to')}
      </label>
      <input
        ref={input}
        id={inputId}
        class="to"
        type="text"
        inputMode="tel"
        autocomplete="off"
        spellcheck={false}
        maxLength={64}
        placeholder={t('page.control.transfer-placeholder')}
        value={to}
        onInput={(event) => {
          setTo(event.currentTarget.value);
          setTarget('number');
          setHint('');
        }}
      />
      {people.length > 0 && (
        <>
          <p class="label" id={listId}>
            {t('page.control.related')}
          </p>
          <ul class="picks" aria-labelledby={listId}>
            {people.map((person) => {
              const shown = displayNumber(person.number);
              return (
                <li key={person.number}>
                  <button
                    type="button"
                    class="pick"
                    aria-pressed={to === shown}
                    onClick={onGesture(() => {
                      setTo(shown);
                      setTarget(person.target);
                      setHint('');
                    })}
                  >
                    <span class="pick-name">{pickLabel(person)}</span>{' '}
                    <span class="meta">{shown}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div class="actions">
        <button
          type="button"
          class="action action--primary"
          disabled={busy}
          onClick={onGesture(() => submit('blind'))}
        >
          {t('page.control.blind')}
        </button>
        <button
          type="button"
          class="action"
          disabled={busy}
          onClick={onGesture(() => submit('attended'))}
        >
          {t('page.control.attended')}
        </button>
      </div>
      {hint && (
        <p class="hint" role="alert">
          {hint}
        </p>
      )}
    </div>
  );
}
