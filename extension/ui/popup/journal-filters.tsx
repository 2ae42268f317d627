import { t } from '../../lib/i18n/core';
import '../../lib/i18n/journal-strings';

/** The helper refuses longer searches. */
const SEARCH_MAX_LENGTH = 64;

export interface JournalFiltersProps {
  missedOnly: boolean;
  search: string;
  fromDay: string;
  toDay: string;
  onMissedOnly: (missedOnly: boolean) => void;
  onSearch: (search: string) => void;
  onFromDay: (day: string) => void;
  onToDay: (day: string) => void;
}

/**
 * "All / Missed" toggles, a search by name, number, outcome or note, and the days the
 * calls started between, above the journal.
 */
export function JournalFilters(props: JournalFiltersProps) {
  const { missedOnly } = props;
  return (
    <div class="ct-journal-filters">
      <div class="ct-journal-filters__row">
        <div
          class="ct-journal-filters__toggles"
          role="group"
          aria-label={t('shell.journal.filter')}
        >
          <button
            type="button"
            class="ct-button ct-button--small ct-toggle"
            aria-pressed={!missedOnly}
            onClick={() => props.onMissedOnly(false)}
          >
            {t('shell.journal.filter.all')}
          </button>
          <button
            type="button"
            class="ct-button ct-button--small ct-toggle"
            aria-pressed={missedOnly}
            onClick={() => props.onMissedOnly(true)}
          >
            {t('shell.journal.filter.missed')}
          </button>
        </div>
        <label class="ct-visually-hidden" for="ct-journal-search">
          {t('shell.journal.search')}
        </label>
        <input
          id="ct-journal-search"
          class="ct-input ct-journal-filters__search"
          type="search"
          autocomplete="off"
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t('shell.journal.search')}
          value={props.search}
          onInput={(event) => props.onSearch(event.currentTarget.value)}
        />
      </div>
      <fieldset class="ct-journal-filters__period">
        <legend class="ct-journal-filters__legend">{t('shell.journal.period')}</legend>
        <label for="ct-journal-from">{t('shell.journal.from')}</label>
        <input
          id="ct-journal-from"
          class="ct-input ct-journal-filters__day"
          type="date"
          max={props.toDay || undefined}
          value={props.fromDay}
          onInput={(event) => props.onFromDay(event.currentTarget.value)}
        />
        <label for="ct-journal-to">{t('shell.journal.to')}</label>
        <input
          id="ct-journal-to"
          class="ct-input ct-journal-filters__day"
          type="date"
          min={props.fromDay || undefined}
          value={props.toDay}
          onInput={(event) => props.onToDay(event.currentTarget.value)}
        />
      </fieldset>
    </div>
  );
}
