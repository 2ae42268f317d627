import { useState } from 'preact/hooks';
import type { CallOutcome, CallView, OutcomeSettings } from '../../../shared/protocol';
import { configuredLabel } from '../../lib/i18n/configured-label';
import { t } from '../../lib/i18n/core';
import '../../lib/i18n/journal-strings';
import { formatCallTime, formatDuration } from '../../lib/i18n/format';
import type { BackgroundClient } from '../common/background-client';
import { callerName, displayNumber } from '../../lib/i18n/caller-summary';
import { CallLinks } from './call-links';
import { JournalFilters } from './journal-filters';
import { TransferNote } from './transfer-note';
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

/** The outcome as configured now in the reader's language, else as it was named when saved. */
function outcomeText(outcome: CallOutcome, settings: OutcomeSettings | undefined): string | null {
  const choice = settings?.choices.find((candidate) => candidate.code === outcome.code);
  return choice ? configuredLabel(choice) : (outcome.label ?? null);
}

/** What the operator noted on a call: the outcome, the order it was tied to, the note. */
function NotedOutcome({
  outcome,
  settings,
}: {
  outcome: CallOutcome;
  settings: OutcomeSettings | undefined;
}) {
  const label = outcomeText(outcome, settings);
  const order = outcome.order?.number ?? outcome.order?.code;
  return (
    <span class="ct-call__noted">
      {label === null ? null : (
        <span class="ct-call__outcome">
          <span class="ct-visually-hidden">{t('shell.journal.outcome')}: </span>
          {label}
          {order === undefined ? null : `, ${t('shell.journal.noteOrder', { order })}`}
        </span>
      )}
      {outcome.note === undefined ? null : (
        <span class="ct-call__note">
          <span class="ct-visually-hidden">{t('shell.journal.note')}: </span>
          {outcome.note}
        </span>
      )}
    </span>
  );
}

/** The number to call back: what the helper normalized, else the raw digits it reported. */
function callBackNumber(call: CallView): string | null {
  if (call.remote.e164 !== undefined) return call.remote.e164;
  return /^\d{2,5}$/.test(call.remote.raw) ? call.remote.raw : null;
}

/**
 * The helper's journal, newest first, a page at a time ("Show more" brings the next): who
 * called (or the number), the result, the outcome and note, "call back" and links to the
 * cabinet and the recording; filtered to missed calls, a period, or by name, number,
 * outcome or note.
 */
export function RecentCalls({
  background,
  dialer,
  connected,
  outcomes,
}: {
  background: BackgroundClient;
  dialer: Dialer;
  connected: boolean;
  /** The helper's configured outcomes, to name a saved one in the reader's language. */
  outcomes?: OutcomeSettings;
}) {
  const [missedOnly, setMissedOnly] = useState(false);
  const [searchText, setSearchText] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const filtered = missedOnly || search !== '' || fromDay !== '' || toDay !== '';
  const { view: journal, loadMore } = useJournal(background, connected, {
    missedOnly,
    search,
    fromDay,
    toDay,
  });

  return (
    <section class="ct-section" aria-labelledby="ct-recent-title">
      <h2 id="ct-recent-title" class="ct-section__title">
        {t('shell.journal.title')}
      </h2>
      {connected ? (
        <JournalFilters
          missedOnly={missedOnly}
          search={searchText}
          fromDay={fromDay}
          toDay={toDay}
          onMissedOnly={setMissedOnly}
          onSearch={setSearchText}
          onFromDay={setFromDay}
          onToDay={setToDay}
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
        <>
          <ul class="ct-calls" aria-busy={journal.refreshing || journal.loadingMore}>
            {journal.entries.map((call) => {
              const number = displayNumber(call.remote);
              const who = callerName(call);
              const result = resultText(call);
              const target = callBackNumber(call);
              const time = formatCallTime(call.startedAt);
              return (
                <li
                  key={`${call.callId}|${call.extension}`}
                  class={`ct-call${call.missed ? ' ct-call--missed' : ''}`}
                >
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
                      <TransferNote call={call} />
                    </span>
                    {call.outcome ? (
                      <NotedOutcome outcome={call.outcome} settings={outcomes} />
                    ) : null}
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
          <div class="ct-journal-more">
            <span class="ct-muted" role="status">
              {journal.moreFailed ??
                t(journal.hasMore ? 'shell.journal.shown' : 'shell.journal.allShown', {
                  count: journal.entries.length,
                })}
            </span>
            {journal.hasMore ? (
              <button
                type="button"
                class="ct-button ct-button--small"
                disabled={journal.loadingMore || journal.refreshing}
                onClick={loadMore}
              >
                {t(journal.loadingMore ? 'shell.journal.loadingMore' : 'shell.journal.more')}
              </button>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
