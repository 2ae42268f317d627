import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/core';
import { HelperAddressError, validateEndpoint } from '../../lib/helper-client/endpoint';
import type { Settings } from '../../lib/settings';

/** Helper host and port; loopback addresses only. */
export function HelperAddressSection({
  helper,
  save,
}: {
  helper: Settings['helper'];
  save: (helper: Settings['helper']) => Promise<void>;
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
      <div class="ct-row">
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
      </div>
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
