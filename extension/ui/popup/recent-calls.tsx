import { useEffect, useState } from 'preact/hooks';
import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import type { BackgroundClient } from '../common/background-client';
import { callerName, displayNumber } from '../common/caller-summary';
import { callTime, talkDuration } from './call-time';
import type { Dialer } from './use-dialer';

type Journal =
  | { state: 'loading' }
  | { state: 'ready'; entries: CallView[] }
  | { state: 'failed'; message: string };

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
 * The helper's recent calls, missed ones marked, each with "call back".
 * Showing the list counts as seeing the missed calls in it.
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
  const [journal, setJournal] = useState<Journal>({ state: 'loading' });

  useEffect(() => {
    if (!connected) return;
    let live = true;
    setJournal({ state: 'loading' });
    background.ask({ kind: 'journal' }).then(
      (reply) => {
        if (!live) return;
        if (reply === undefined || !reply.ok) {
          setJournal({ state: 'failed', message: reply?.message ?? t('shell.dial.noBackground') });
          return;
        }
        setJournal({ state: 'ready', entries: reply.entries });
        const missed = reply.entries.filter((entry) => entry.missed).map((entry) => entry.callId);
        if (missed.length > 0) void background.ask({ kind: 'missed-ack', callIds: missed });
      },
      () => live && setJournal({ state: 'failed', message: t('shell.dial.noBackground') }),
    );
    return () => {
      live = false;
    };
  }, [background, connected]);

  return (
    <section class="ct-section" aria-labelledby="ct-recent-title">
      <h2 id="ct-recent-title" class="ct-section__title">
        {t('shell.journal.title')}
      </h2>
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
        <p class="ct-muted">{t('shell.journal.empty')}</p>
      ) : (
        <ul class="ct-calls">
          {journal.entries.map((call) => {
            const number = displayNumber(call.remote);
            const who = callerName(call);
            const result = resultText(call);
            const target = callBackNumber(call);
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
                    <span>{callTime(call.startedAt)}</span>
                    {result === null ? null : <span class="ct-call__result">{result}</span>}
                    {call.talkSeconds ? <span>{talkDuration(call.talkSeconds)}</span> : null}
                  </span>
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
