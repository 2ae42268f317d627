import { useEffect, useState } from 'preact/hooks';
import { ManagedNote } from './managed-note';
import { t } from '../../lib/i18n/core';
import { SitePatternError, siteToPattern } from '../../lib/site-patterns';

/** Turning sites on and off; `enable` must ask the browser for access inside the click. */
export interface SiteAccess {
  enable(pattern: string): Promise<boolean>;
  disable(pattern: string): Promise<void>;
  /** Asks for access to several sites in one prompt; also only inside the click. */
  grant(patterns: readonly string[]): Promise<boolean>;
  withoutAccess(patterns: readonly string[]): Promise<string[]>;
}

type Notice = { text: string; error: boolean } | null;

/** The enabled cabinet sites: add (asking the browser for access) and remove. */
export function SitesSection({
  sites,
  access,
  locked,
}: {
  sites: readonly string[];
  access: SiteAccess;
  /** Set by browser policy: listed, not editable, and access asked for in one click. */
  locked: boolean;
}) {
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [withoutAccess, setWithoutAccess] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void access.withoutAccess(sites).then((missing) => live && setWithoutAccess(missing));
    return () => {
      live = false;
    };
  }, [sites, access]);

  const grant = () => {
    // Nothing may be awaited before this call: the browser asks only during the click.
    access.grant(withoutAccess).then(
      (granted) => {
        if (granted) setWithoutAccess([]);
        else setNotice({ text: t('shell.options.sites.grantDeclined'), error: true });
      },
      (error: unknown) =>
        setNotice({ text: error instanceof Error ? error.message : String(error), error: true }),
    );
  };

  const add = (event: Event) => {
    event.preventDefault();
    let pattern: string;
    try {
      pattern = siteToPattern(text);
    } catch (caught) {
      if (!(caught instanceof SitePatternError)) throw caught;
      setNotice({ text: caught.message, error: true });
      return;
    }
    // Nothing may be awaited before this call: the browser asks only during the click.
    access.enable(pattern).then(
      (granted) => {
        if (granted) {
          setText('');
          setNotice({ text: t('shell.options.sites.added', { pattern }), error: false });
        } else {
          setNotice({ text: t('shell.options.sites.declined', { pattern }), error: true });
        }
      },
      (error: unknown) =>
        setNotice({ text: error instanceof Error ? error.message : String(error), error: true }),
    );
  };

  return (
    <section class="ct-section" aria-labelledby="ct-sites-title">
      <h2 id="ct-sites-title" class="ct-section__title">
        {t('shell.options.sites.title')}
      </h2>
      <p class="ct-muted">{t('shell.options.sites.hint')}</p>
      {locked ? <ManagedNote id="ct-sites-managed" /> : null}
      {withoutAccess.length > 0 ? (
        <div class="ct-row">
          <p class="ct-field-error" data-sites-without-access="true">
            {t('shell.options.sites.withoutAccess', { patterns: withoutAccess.join(', ') })}
          </p>
          <button type="button" class="ct-button ct-button--primary" onClick={grant}>
            {t('shell.options.sites.grant')}
          </button>
        </div>
      ) : null}
      {sites.length === 0 ? (
        <p class="ct-muted" data-sites-empty="true">
          {t('shell.options.sites.none')}
        </p>
      ) : (
        <ul class="ct-sites">
          {sites.map((pattern) => (
            <li key={pattern} class="ct-sites__item">
              <code>{pattern}</code>
              {locked ? null : (
                <button
                  type="button"
                  class="ct-button ct-button--small"
                  aria-label={t('shell.options.sites.removeOne', { pattern })}
                  onClick={() => {
                    void access.disable(pattern).then(() =>
                      setNotice({
                        text: t('shell.options.sites.removed', { pattern }),
                        error: false,
                      }),
                    );
                  }}
                >
                  {t('shell.options.sites.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {locked ? null : (
        <form class="ct-row" onSubmit={add}>
          <label class="ct-field ct-field--wide">
            <span>{t('shell.options.sites.address')}</span>
            <input
              class="ct-input"
              name="site"
              placeholder="cabinet.example.com"
              autoComplete="url"
              value={text}
              aria-invalid={notice?.error === true}
              aria-describedby={notice === null ? undefined : 'ct-sites-notice'}
              onInput={(event) => setText(event.currentTarget.value)}
            />
          </label>
          <button type="submit" class="ct-button ct-button--primary">
            {t('shell.options.sites.add')}
          </button>
        </form>
      )}
      {notice === null ? null : (
        <p
          id="ct-sites-notice"
          class={notice.error ? 'ct-field-error' : 'ct-muted'}
          role={notice.error ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
