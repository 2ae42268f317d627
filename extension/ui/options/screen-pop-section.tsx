import { t } from '../../lib/i18n/core';
import '../../lib/i18n/desk-strings';
import { SCREEN_POP_MODES, type Settings } from '../../lib/settings';
import { ManagedNote } from './managed-note';

/** Whether and when the caller's cabinet page opens by itself. */
export function ScreenPopSection({
  mode,
  save,
  locked,
}: {
  mode: Settings['screenPop'];
  save: (change: Partial<Settings>) => Promise<void>;
  /** Browser policy sets it: it is shown, not editable. */
  locked: boolean;
}) {
  return (
    <section class="ct-section" aria-labelledby="ct-screen-pop-title">
      <h2 id="ct-screen-pop-title" class="ct-section__title">
        {t('shell.options.screenPop.title')}
      </h2>
      {locked ? <ManagedNote id="ct-screen-pop-managed" /> : null}
      <p class="ct-check__hint" id="ct-screen-pop-hint">
        {t('shell.options.screenPop.hint')}
      </p>
      <div
        role="radiogroup"
        aria-labelledby="ct-screen-pop-title"
        aria-describedby={
          locked ? 'ct-screen-pop-hint ct-screen-pop-managed' : 'ct-screen-pop-hint'
        }
      >
        {SCREEN_POP_MODES.map((value) => (
          <label key={value} class="ct-check">
            <input
              type="radio"
              name="screenPop"
              value={value}
              checked={mode === value}
              disabled={locked}
              onChange={() => void save({ screenPop: value })}
            />
            <span class="ct-check__label">{t(`shell.options.screenPop.${value}`)}</span>
          </label>
        ))}
      </div>
    </section>
  );
}
