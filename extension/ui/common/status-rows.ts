import type { HelperStatus } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import type { ConnectionState } from '../../lib/runtime-messages';

export type Tone = 'ok' | 'warning' | 'error' | 'pending';

export interface StatusRow {
  id: 'helper' | 'pbx' | 'database' | 'journal';
  label: string;
  value: string;
  tone: Tone;
  /** The reason or what to do about it. */
  detail?: string;
}

type ServiceState = HelperStatus['pbx'];
type JournalState = NonNullable<HelperStatus['journal']>;

const JOURNAL_TONES: Record<JournalState['state'], Tone> = {
  ok: 'ok',
  waiting: 'warning',
  'disk-full': 'error',
};

/** Calls not yet in the journal's database, and why: the helper's own words for IT. */
function journalRow(journal: JournalState): StatusRow {
  return {
    id: 'journal',
    label: t('shell.status.journal'),
    value: t(`shell.journal.${journal.state}`, { count: String(journal.pending) }),
    tone: JOURNAL_TONES[journal.state],
    ...(journal.reason === undefined ? {} : { detail: journal.reason }),
  };
}

const SERVICE_TONES: Record<ServiceState['state'], Tone> = {
  connected: 'ok',
  connecting: 'pending',
  down: 'error',
  'auth-failed': 'error',
  'not-configured': 'warning',
};

function serviceRow(id: 'pbx' | 'database', state: ServiceState): StatusRow {
  return {
    id,
    label: t(`shell.status.${id}`),
    value: t(`shell.service.${state.state}`),
    tone: SERVICE_TONES[state.state],
    ...(state.reason === undefined ? {} : { detail: state.reason }),
  };
}

function helperRow(connection: ConnectionState | null): StatusRow {
  const label = t('shell.status.helper');
  if (connection === null)
    return { id: 'helper', label, value: t('shell.helper.checking'), tone: 'pending' };
  switch (connection.state) {
    case 'connected':
      return {
        id: 'helper',
        label,
        value: t('shell.helper.connected', { version: connection.status.helperVersion }),
        tone: 'ok',
      };
    case 'connecting':
      return { id: 'helper', label, value: t('shell.helper.connecting'), tone: 'pending' };
    case 'helper-down':
      return {
        id: 'helper',
        label,
        value: t('shell.helper.down'),
        tone: 'error',
        detail: connection.reason ?? t('shell.helper.downHint'),
      };
    case 'not-paired':
      return {
        id: 'helper',
        label,
        value: t('shell.helper.notPaired'),
        tone: 'warning',
        detail: t('shell.helper.notPairedHint'),
      };
    case 'incompatible':
      return {
        id: 'helper',
        label,
        value: t('shell.helper.incompatible'),
        tone: 'error',
        detail: connection.reason,
      };
  }
}

/**
 * Helper, PBX and database rows, and the journal's when the helper keeps one; all but the
 * first only while the helper is connected.
 */
export function statusRows(connection: ConnectionState | null): StatusRow[] {
  const rows = [helperRow(connection)];
  if (connection?.state === 'connected') {
    rows.push(serviceRow('pbx', connection.status.pbx));
    rows.push(serviceRow('database', connection.status.database));
    const { journal } = connection.status;
    if (journal !== undefined) rows.push(journalRow(journal));
  }
  return rows;
}
