import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/core';
import { formatDateTime } from '../../lib/i18n/format';
import type { ConnectionState } from '../../lib/runtime-messages';
import { pairingItem } from '../../lib/settings';
import type { BackgroundClient } from '../common/background-client';
import { usePairing } from './use-pairing';

type Attempt = { state: 'idle' } | { state: 'working' } | { state: 'failed'; message: string };

/** Pairing with the helper: the code `courier-helper pair` prints, or the paired state and "unpair". */
export function PairingSection({
  background,
  connection,
  managed,
}: {
  background: BackgroundClient;
  connection: ConnectionState | null;
  /** Browser policy gives the office's pairing secret: the extension pairs by itself. */
  managed: boolean;
}) {
  const pairing = usePairing();
  const [code, setCode] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ state: 'idle' });
  const refused = connection?.state === 'not-paired' && pairing !== null && pairing !== undefined;

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    if (!/^[0-9A-Za-z-]{4,16}$/.test(trimmed)) {
      setAttempt({ state: 'failed', message: t('shell.options.pairing.badCode') });
      return;
    }
    setAttempt({ state: 'working' });
    background.ask({ kind: 'pair', code: trimmed }).then(
      (reply) => {
        if (reply?.ok) {
          setCode('');
          setAttempt({ state: 'idle' });
        } else {
          setAttempt({
            state: 'failed',
            message: reply?.message ?? t('shell.dial.noBackground'),
          });
        }
      },
      () => setAttempt({ state: 'failed', message: t('shell.dial.noBackground') }),
    );
  };

  return (
    <section class="ct-section" aria-labelledby="ct-pairing-title">
      <h2 id="ct-pairing-title" class="ct-section__title">
        {t('shell.options.pairing.title')}
      </h2>
      {managed ? (
        <p class="ct-managed" data-managed-pairing="true">
          {t('shell.options.pairing.managed')}
        </p>
      ) : null}
      {connection?.state === 'not-paired' && connection.reason !== undefined ? (
        <p class="ct-field-error" role="alert">
          {connection.reason}
        </p>
      ) : null}
      {pairing ? (
        <div class="ct-row">
          <p class={refused ? 'ct-field-error' : 'ct-tone-ok'} role="status" data-paired="true">
            {refused
              ? t('shell.options.pairing.refused')
              : t('shell.options.pairing.paired', {
                  date: formatDateTime(pairing.pairedAt),
                })}
          </p>
          {managed ? null : (
            <button type="button" class="ct-button" onClick={() => void pairingItem.removeValue()}>
              {t('shell.options.pairing.unpair')}
            </button>
          )}
        </div>
      ) : null}
      {!pairing || refused ? (
        <form onSubmit={submit}>
          <p class="ct-muted">{t('shell.options.pairing.hint')}</p>
          <div class="ct-row">
            <label class="ct-field">
              <span>{t('shell.options.pairing.code')}</span>
              <input
                class="ct-input"
                name="pairing-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                aria-invalid={attempt.state === 'failed'}
                aria-describedby={attempt.state === 'failed' ? 'ct-pairing-error' : undefined}
                onInput={(event) => setCode(event.currentTarget.value)}
              />
            </label>
            <button
              type="submit"
              class="ct-button ct-button--primary"
              disabled={attempt.state === 'working'}
            >
              {t('shell.options.pairing.pair')}
            </button>
          </div>
          {attempt.state === 'failed' ? (
            <p id="ct-pairing-error" class="ct-field-error" role="alert">
              {attempt.message}
            </p>
          ) : attempt.state === 'working' ? (
            <p class="ct-muted" role="status">
              {t('shell.options.pairing.working')}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
