import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/core';
import { HelperAddressError, validateEndpoint } from '../../lib/helper-client/endpoint';
import type { Settings } from '../../lib/settings';
import { ManagedNote } from './managed-note';

/** Helper host and port; loopback addresses only. */
export function HelperAddressSection({
  helper,
  save,
  locked,
}: {
  helper: Settings['helper'];
  save: (helper: Settings['helper']) => Promise<void>;
  /** Set by browser policy: shown, not editable. */
  locked: boolean;
}) {
  const [host, setHost] = useState(helper.host);
  const [port, setPort] = useState(String(helper.port));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setHost(helper.host);
    setPort(String(helper.port));
  }, [helper.host, helper.port]);

  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    try {
      const endpoint = validateEndpoint({ host, port: Number(port.trim()) });
      setError(null);
      void save(endpoint).then(() => setSaved(true));
    } catch (caught) {
      if (!(caught instanceof HelperAddressError)) throw caught;
      setError(caught.message);
    }
  };

  return (
    <form class="ct-section" onSubmit={submit} aria-labelledby="ct-address-title">
      <h2 id="ct-address-title" class="ct-section__title">
        {t('shell.options.address.title')}
      </h2>
      <p class="ct-muted">{t('shell.options.address.hint')}</p>
      {locked ? <ManagedNote id="ct-address-managed" /> : null}
      <fieldset
        class="ct-row ct-plain"
        disabled={locked}
        aria-describedby={locked ? 'ct-address-managed' : undefined}
      >
        <label class="ct-field">
          <span>{t('shell.options.address.host')}</span>
          <input
            class="ct-input"
            name="host"
            value={host}
            autoComplete="off"
            aria-invalid={error !== null}
            aria-describedby={error === null ? undefined : 'ct-address-error'}
            onInput={(event) => setHost(event.currentTarget.value)}
          />
        </label>
        <label class="ct-field ct-field--narrow">
          <span>{t('shell.options.address.port')}</span>
          <input
            class="ct-input"
            name="port"
            inputMode="numeric"
            value={port}
            aria-invalid={error !== null}
            aria-describedby={error === null ? undefined : 'ct-address-error'}
            onInput={(event) => setPort(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="ct-button">
          {t('shell.options.save')}
        </button>
      </fieldset>
      {error === null ? null : (
        <p id="ct-address-error" class="ct-field-error" role="alert">
          {error}
        </p>
      )}
      {saved ? (
        <p class="ct-muted" role="status">
          {t('shell.options.saved')}
        </p>
      ) : null}
    </form>
  );
}
