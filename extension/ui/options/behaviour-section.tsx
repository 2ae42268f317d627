import { t } from '../../lib/i18n/core';
import type { Settings } from '../../lib/settings';
import { ManagedNote, SetByPolicy } from './managed-note';

type Toggle = 'linkify' | 'cards' | 'notifications' | 'sound';
const TOGGLES: readonly Toggle[] = ['linkify', 'cards', 'notifications', 'sound'];
const LANGUAGES: readonly Settings['language'][] = ['auto', 'ru', 'en'];
const RENDERINGS: readonly Settings['rendering'][] = ['highlight', 'links'];

/** On/off switches for links, cards, notifications and sound, how numbers are shown, and the UI language. */
export function BehaviourSection({
  settings,
  save,
  locked,
}: {
  settings: Settings;
  save: (change: Partial<Settings>) => Promise<void>;
  /** Whether browser policy sets a setting: it is shown, not editable. */
  locked: (key: keyof Settings) => boolean;
}) {
  const anyLocked = [...TOGGLES, 'rendering' as const, 'language' as const].some(locked);
  return (
    <section class="ct-section" aria-labelledby="ct-behaviour-title">
      <h2 id="ct-behaviour-title" class="ct-section__title">
        {t('shell.options.behaviour.title')}
      </h2>
      {anyLocked ? <ManagedNote id="ct-behaviour-managed" /> : null}
      {TOGGLES.map((key) => (
        <label key={key} class="ct-check">
          <input
            type="checkbox"
            name={key}
            checked={settings[key]}
            disabled={locked(key)}
            aria-describedby={locked(key) ? 'ct-behaviour-managed' : undefined}
            onChange={(event) => void save({ [key]: event.currentTarget.checked })}
          />
          <span>
            <span class="ct-check__label">
              {t(`shell.options.toggle.${key}`)}
              {locked(key) ? <SetByPolicy /> : null}
            </span>
            <span class="ct-check__hint">{t(`shell.options.toggle.${key}.hint`)}</span>
          </span>
        </label>
      ))}
      <fieldset
        class="ct-choice"
        disabled={!settings.linkify || locked('rendering')}
        aria-describedby={locked('rendering') ? 'ct-behaviour-managed' : undefined}
      >
        <legend>
          {t('shell.options.rendering')}
          {locked('rendering') ? <SetByPolicy /> : null}
        </legend>
        {RENDERINGS.map((rendering) => (
          <label key={rendering} class="ct-check">
            <input
              type="radio"
              name="rendering"
              value={rendering}
              checked={settings.rendering === rendering}
              onChange={() => void save({ rendering })}
            />
            <span>
              <span class="ct-check__label">{t(`shell.options.rendering.${rendering}`)}</span>
              <span class="ct-check__hint">{t(`shell.options.rendering.${rendering}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label class="ct-field">
        <span>
          {t('shell.options.language')}
          {locked('language') ? <SetByPolicy /> : null}
        </span>
        <select
          class="ct-input"
          name="language"
          value={settings.language}
          disabled={locked('language')}
          aria-describedby={locked('language') ? 'ct-behaviour-managed' : undefined}
          onChange={(event) =>
            void save({ language: event.currentTarget.value as Settings['language'] })
          }
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`shell.options.language.${language}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
