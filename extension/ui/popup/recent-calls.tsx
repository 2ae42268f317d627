import { useState } from 'preact/hooks';
import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { formatCallTime, formatDuration } from '../../lib/i18n/format';
import type { BackgroundClient } from '../common/background-client';
import { callerName, displayNumber } from '../../lib/i18n/caller-summary';
import { CallLinks } from './call-links';
import { JournalFilters } from './journal-filters';
import type { Dialer } from './use-dialer';
import { useDebouncedValue } from './use-debounced-value';
import { useJournal } from './use-journal';

/** Long enough to skip the requests between keystrokes, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 250;

const DIRECTION_GLYPHS: Record<CallView['direction'], string> = {
  in: '↙',
  out: '↗',
  internal: '↔',
};

function resultText(call: CallView): string | null {
  if (call.missed) return t('shell.journal.missed');
  if (call.result === undefined)
    return call.state === 'ended' ? null : t('shell.journal.inProgress');
  return t(`shell.journal.result.${call.result}`);
}

/** The number to call back: what the helper normalized, else the raw digits it reported. */
function callBackNumber(call: CallView): string | null {
  if (call.remote.e164 !== undefined) return call.remote.e164;
  return /^\d{2,5}$/.test(call.remote.raw) ? call.remote.raw : null;
}

/**
 * The helper's recent calls, missed ones marked, each with "call back" and
 * links to the cabinet and the recording; filtered to missed or by number.
 */
export function RecentCalls({
  background,
  dialer,
  connected,
}: {
  background: BackgroundClient;
  dialer: Dialer;
  connected: boolean;
}) {
  const [missedOnly, setMissedOnly] = useState(false);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const filtered = missedOnly || search !== '';
  const journal = useJournal(background, connected, { missedOnly, search });

  return (
    <section class="ct-section" aria-labelledby="ct-recent-title">
      <h2 id="ct-recent-title" class="ct-section__title">
        {t('shell.journal.title')}
      </h2>
      {connected ? (
        <JournalFilters
          missedOnly={missedOnly}
          search={searchText}
          onMissedOnly={setMissedOnly}
          onSearch={setSearchText}
        />
      ) : null}
      {!connected ? (
        <p class="ct-muted">{t('shell.journal.unavailable')}</p>
      ) : journal.state === 'loading' ? (
        <p class="ct-muted" role="status">
          {t('shell.journal.loading')}
        </p>
      ) : journal.state === 'failed' ? (
        <p class="ct-field-error" role="alert">
          {journal.message}
        </p>
      ) : journal.entries.length === 0 ? (
        <p class="ct-muted" role="status">
          {t(filtered ? 'shell.journal.noMatches' : 'shell.journal.empty')}
        </p>
      ) : (
        <ul class="ct-calls" aria-busy={journal.refreshing}>
          {journal.entries.map((call) => {
            const number = displayNumber(call.remote);
            const who = callerName(call);
            const result = resultText(call);
            const target = callBackNumber(call);
            const time = formatCallTime(call.startedAt);
            return (
              <li key={call.callId} class={`ct-call${call.missed ? ' ct-call--missed' : ''}`}>
                <span class="ct-call__direction" aria-hidden="true">
                  {DIRECTION_GLYPHS[call.direction]}
                </span>
                <span class="ct-call__main">
                  <span class="ct-call__who">
                    <span class="ct-visually-hidden">
                      {t(`shell.journal.direction.${call.direction}`)}:{' '}
                    </span>
                    {who ?? number}
                  </span>
                  <span class="ct-call__meta">
                    {who === null ? null : <span>{number}</span>}
                    <span>{time}</span>
                    {result === null ? null : <span class="ct-call__result">{result}</span>}
                    {call.talkSeconds ? <span>{formatDuration(call.talkSeconds)}</span> : null}
                  </span>
                  <CallLinks call={call} party={who ?? number} time={time} />
                </span>
                {target === null ? null : (
                  <button
                    type="button"
                    class="ct-button ct-button--small"
                    disabled={dialer.busy}
                    aria-label={t('shell.journal.callBackTo', { number })}
                    onClick={() => dialer.dial(target, number, 'journal')}
                  >
                    {t('shell.journal.callBack')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
