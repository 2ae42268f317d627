import { useEffect, useState } from 'preact/hooks';
import type { CallView } from '../../../shared/protocol';
import type { BackgroundRequest } from '../../lib/runtime-messages';
import { t } from '../../lib/i18n/core';
import type { BackgroundClient } from '../common/background-client';

export interface JournalFilter {
  missedOnly: boolean;
  /** The number as typed; the helper matches its digits in any writing. */
  search: string;
}

export type JournalView =
  | { state: 'loading' }
  | { state: 'ready'; entries: CallView[]; refreshing: boolean }
  | { state: 'failed'; message: string };

/** Only the filters in force, so an unfiltered journal is asked for as plain `{ kind: 'journal' }`. */
export function journalRequest(
  filter: JournalFilter,
): Extract<BackgroundRequest, { kind: 'journal' }> {
  const search = filter.search.trim();
  return {
    kind: 'journal',
    ...(filter.missedOnly ? { missedOnly: true } : {}),
    ...(search === '' ? {} : { search }),
  };
}

/**
 * The helper's journal for a filter, asked again whenever the filter changes.
 * The previous entries stay on screen while a new answer is awaited so the
 * list does not flicker under typing. Showing missed calls counts as seeing them.
 */
export function useJournal(
  background: BackgroundClient,
  connected: boolean,
  filter: JournalFilter,
): JournalView {
  const [journal, setJournal] = useState<JournalView>({ state: 'loading' });
  const { missedOnly, search } = filter;

  useEffect(() => {
    if (!connected) return;
    let live = true;
    setJournal((previous) =>
      previous.state === 'ready' ? { ...previous, refreshing: true } : { state: 'loading' },
    );
    background.ask(journalRequest({ missedOnly, search })).then(
      (reply) => {
        if (!live) return;
        if (reply === undefined || !reply.ok) {
          setJournal({ state: 'failed', message: reply?.message ?? t('shell.dial.noBackground') });
          return;
        }
        setJournal({ state: 'ready', entries: reply.entries, refreshing: false });
        const missed = reply.entries.filter((entry) => entry.missed).map((entry) => entry.callId);
        if (missed.length > 0) void background.ask({ kind: 'missed-ack', callIds: missed });
      },
      () => live && setJournal({ state: 'failed', message: t('shell.dial.noBackground') }),
    );
    return () => {
      live = false;
    };
  }, [background, connected, missedOnly, search]);

  return journal;
}
