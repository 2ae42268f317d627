import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CallView } from '../../../shared/protocol';
import type { BackgroundRequest, JournalReply } from '../../lib/runtime-messages';
import { t } from '../../lib/i18n/core';
import type { BackgroundClient } from '../common/background-client';
import { dayRange } from './journal-range';

export interface JournalFilter {
  missedOnly: boolean;
  /** A number as typed (its digits are matched in any writing), or a name, outcome or note. */
  search: string;
  /** `<input type="date">` values; empty for no bound. */
  fromDay: string;
  toDay: string;
}

export type JournalView =
  | { state: 'loading' }
  | {
      state: 'ready';
      entries: CallView[];
      hasMore: boolean;
      /** A new filter's first page is on its way; the old entries stay meanwhile. */
      refreshing: boolean;
      loadingMore: boolean;
      /** Why the last "show more" failed. */
      moreFailed?: string;
    }
  | { state: 'failed'; message: string };

type JournalRequest = Extract<BackgroundRequest, { kind: 'journal' }>;

/**
 * Only the filters in force, so an unfiltered journal is asked for as plain
 * `{ kind: 'journal' }`; with `after`, the page that follows that call.
 */
export function journalRequest(filter: JournalFilter, after?: CallView): JournalRequest {
  const search = filter.search.trim();
  return {
    kind: 'journal',
    ...(filter.missedOnly ? { missedOnly: true } : {}),
    ...(search === '' ? {} : { search }),
    ...dayRange(filter.fromDay, filter.toDay),
    ...(after
      ? {
          cursor: { startedAt: after.startedAt, callId: after.callId, extension: after.extension },
        }
      : {}),
  };
}

const key = (call: CallView): string => `${call.callId}|${call.extension}`;

/**
 * The helper's journal for a filter, a page at a time: asked again from the first page
 * whenever the filter changes (the previous entries stay on screen meanwhile so the list
 * does not flicker under typing), and extended by `loadMore` with the page after the last
 * call shown. Showing missed calls counts as seeing them.
 */
export function useJournal(
  background: BackgroundClient,
  connected: boolean,
  filter: JournalFilter,
): { view: JournalView; loadMore: () => void } {
  const [view, setView] = useState<JournalView>({ state: 'loading' });
  /** Bumped by every new filter, so a page of an older one is dropped. */
  const generation = useRef(0);
  const { missedOnly, search, fromDay, toDay } = filter;

  const acknowledge = useCallback(
    (entries: readonly CallView[]) => {
      const missed = entries.filter((entry) => entry.missed).map((entry) => entry.callId);
      if (missed.length > 0) void background.ask({ kind: 'missed-ack', callIds: missed });
    },
    [background],
  );

  useEffect(() => {
    if (!connected) return;
    const mine = ++generation.current;
    setView((previous) =>
      previous.state === 'ready' ? { ...previous, refreshing: true } : { state: 'loading' },
    );
    background.ask(journalRequest({ missedOnly, search, fromDay, toDay })).then(
      (reply: JournalReply | undefined) => {
        if (mine !== generation.current) return;
        if (reply === undefined || !reply.ok) {
          setView({ state: 'failed', message: reply?.message ?? t('shell.dial.noBackground') });
          return;
        }
        setView({
          state: 'ready',
          entries: reply.entries,
          hasMore: reply.hasMore,
          refreshing: false,
          loadingMore: false,
        });
        acknowledge(reply.entries);
      },
      () => {
        if (mine === generation.current) {
          setView({ state: 'failed', message: t('shell.dial.noBackground') });
        }
      },
    );
  }, [background, connected, missedOnly, search, fromDay, toDay, acknowledge]);

  const loadMore = (): void => {
    if (view.state !== 'ready' || !view.hasMore || view.loadingMore || view.refreshing) return;
    const last = view.entries.at(-1);
    if (last === undefined) return;
    const mine = generation.current;
    setView({ ...view, loadingMore: true });
    const failed = (message: string): void =>
      setView((current) =>
        current.state === 'ready'
          ? { ...current, loadingMore: false, moreFailed: message }
          : current,
      );
    background.ask(journalRequest({ missedOnly, search, fromDay, toDay }, last)).then(
      (reply: JournalReply | undefined) => {
        if (mine !== generation.current) return;
        if (reply === undefined || !reply.ok) {
          failed(reply?.message ?? t('shell.dial.noBackground'));
          return;
        }
        setView((current) => {
          if (current.state !== 'ready') return current;
          const known = new Set(current.entries.map(key));
          return {
            state: 'ready',
            entries: [
              ...current.entries,
              ...reply.entries.filter((entry) => !known.has(key(entry))),
            ],
            hasMore: reply.hasMore,
            refreshing: false,
            loadingMore: false,
          };
        });
        acknowledge(reply.entries);
      },
      () => mine === generation.current && failed(t('shell.dial.noBackground')),
    );
  };

  return { view, loadMore };
}
