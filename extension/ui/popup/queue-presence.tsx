import { useState } from 'preact/hooks';
import { MAX_PAUSE_REASON, type QueueMembership } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import '../../lib/i18n/desk-strings';
import type { BackgroundClient } from '../common/background-client';
import { formatCallTime } from '../../lib/i18n/format';
import './queue-presence.css';

const REASON_SUGGESTIONS = ['lunch', 'break', 'training', 'paperwork'] as const;

function stateText(membership: QueueMembership): string {
  if (!membership.paused) return t('shell.queues.available');
  const paused = membership.reason
    ? t('shell.queues.pausedReason', { reason: membership.reason })
    : t('shell.queues.paused');
  return membership.pausedSince === undefined
    ? paused
    : `${paused}, ${t('shell.queues.since', { time: formatCallTime(membership.pausedSince) })}`;
}

/**
 * The operator's queues and whether they take calls there, as the PBX reports them; one
 * button pauses (with a reason) or resumes them in all at once. Shown only to queue members.
 */
export function QueuePresence({
  background,
  queues,
}: {
  background: BackgroundClient;
  queues: readonly QueueMembership[];
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  if (queues.length === 0) return null;
  const anyPaused = queues.some((membership) => membership.paused);
  const allPaused = queues.every((membership) => membership.paused);

  const send = (paused: boolean) => {
    setBusy(true);
    setFailure('');
    const trimmed = reason.trim();
    void background
      .ask({ kind: 'queue-pause', paused, ...(paused && trimmed ? { reason: trimmed } : {}) })
      .then(
        (reply) => {
          if (reply && !reply.ok) setFailure(t('shell.queues.failed', { message: reply.message }));
          if (reply?.ok && !paused) setReason('');
        },
        () => setFailure(t('shell.dial.noBackground')),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section class="ct-section ct-queues" aria-labelledby="ct-queues-title">
      <h2 id="ct-queues-title" class="ct-section__title">
        {t('shell.queues.title')}
      </h2>
      <ul class="ct-queues__list">
        {queues.map((membership) => (
          <li
            key={`${membership.queue}|${membership.extension}`}
            class={`ct-queue${membership.paused ? ' ct-queue--paused' : ''}`}
            data-queue={membership.queue}
          >
            <span class="ct-queue__glyph" aria-hidden="true">
              {membership.paused ? '⏸' : '●'}
            </span>
            <span class="ct-queue__name">
              {t('shell.queues.member', {
                queue: membership.queue,
                extension: membership.extension,
              })}
            </span>
            <span class="ct-queue__state">{stateText(membership)}</span>
          </li>
        ))}
      </ul>
      {!allPaused && (
        <div class="ct-queues__pause">
          <label class="ct-queues__label" for="ct-pause-reason">
            {t('shell.queues.reason')}
          </label>
          <div class="ct-queues__row">
            <input
              id="ct-pause-reason"
              class="ct-input"
              type="text"
              list="ct-pause-reasons"
              maxLength={MAX_PAUSE_REASON}
              placeholder={t('shell.queues.reasonPlaceholder')}
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
            <datalist id="ct-pause-reasons">
              {REASON_SUGGESTIONS.map((key) => (
                <option key={key} value={t(`shell.queues.reason.${key}`)} />
              ))}
            </datalist>
            <button type="button" class="ct-button" disabled={busy} onClick={() => send(true)}>
              {t('shell.queues.pause')}
            </button>
          </div>
        </div>
      )}
      {anyPaused && (
        <button
          type="button"
          class="ct-button ct-button--primary"
          disabled={busy}
          onClick={() => send(false)}
        >
          {t('shell.queues.unpause')}
        </button>
      )}
      <p class="ct-queues__feedback" role="status" aria-live="polite">
        {busy ? t('shell.queues.working') : failure}
      </p>
    </section>
  );
}
