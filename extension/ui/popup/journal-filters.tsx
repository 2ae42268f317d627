import { t } from '../../lib/i18n/core';

/** The helper refuses longer searches. */
const SEARCH_MAX_LENGTH = 64;

/** "All / Missed" toggles and a search by number above the journal. */
export function JournalFilters({
  missedOnly,
  search,
  onMissedOnly,
  onSearch,
}: {
  missedOnly: boolean;
  search: string;
  onMissedOnly: (missedOnly: boolean) => void;
  onSearch: (search: string) => void;
}) {
  return (
    <div class="ct-journal-filters">
      <div class="ct-journal-filters__toggles" role="group" aria-label={t('shell.journal.filter')}>
        <button
          type="button"
          class="ct-button ct-button--small ct-toggle"
          aria-pressed={!missedOnly}
          onClick={() => onMissedOnly(false)}
        >
          {t('shell.journal.filter.all')}
        </button>
        <button
          type="button"
          class="ct-button ct-button--small ct-toggle"
          aria-pressed={missedOnly}
          onClick={() => onMissedOnly(true)}
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
        inputMode="tel"
        autocomplete="off"
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={t('shell.journal.search')}
        value={search}
        onInput={(event) => onSearch(event.currentTarget.value)}
      />
    </div>
  );
}
