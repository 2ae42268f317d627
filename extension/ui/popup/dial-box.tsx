import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/core';
import { dialNumberFor } from '../../lib/helper-client/dial-number';
import type { Dialer } from './use-dialer';

/** A number typed in any common writing, or a short internal extension. */
export function DialBox({ dialer, disabled }: { dialer: Dialer; disabled: boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const number = dialNumberFor(text);
    if (number === null) {
      setError(text.trim() === '' ? t('shell.dialBox.empty') : t('shell.dialBox.invalid'));
      return;
    }
    setError(null);
    dialer.dial(number, text.trim(), 'popup');
  };

  return (
    <form class="ct-dial" onSubmit={submit} aria-label={t('shell.dialBox.label')}>
      <label class="ct-dial__label" for="ct-dial-input">
        {t('shell.dialBox.label')}
      </label>
      <div class="ct-dial__row">
        <input
          id="ct-dial-input"
          class="ct-input"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder={t('shell.dialBox.placeholder')}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : 'ct-dial-error'}
          onInput={(event) => {
            setText(event.currentTarget.value);
            if (error !== null) setError(null);
          }}
        />
        <button
          class="ct-button ct-button--primary"
          type="submit"
          disabled={disabled || dialer.busy}
        >
          {t('shell.dialBox.call')}
        </button>
      </div>
      {error === null ? null : (
        <p id="ct-dial-error" class="ct-field-error" role="alert">
          {error}
        </p>
      )}
      <p
        class={`ct-dial__feedback ct-tone-${dialer.feedback?.tone ?? 'none'}`}
        role="status"
        aria-live="polite"
      >
        {dialer.feedback?.text ?? ''}
      </p>
    </form>
  );
}
