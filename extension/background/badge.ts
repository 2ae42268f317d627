import type { HelperStatus } from '../../shared/protocol';
import { t } from '../lib/i18n/core';
import type { ConnectionState } from '../lib/runtime-messages';

/** What the toolbar button shows. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  alarm: '#c62828',
  warning: '#e65100',
  quiet: '#616161',
  missed: '#c62828',
} as const;

/** Everything the badge can say, one state at a time. */
export type BadgeState =
  | 'connecting'
  | 'helper-down'
  | 'incompatible'
  | 'not-paired'
  | 'pbx-down'
  | 'database-down'
  | 'paused'
  | 'missed'
  | 'ready';

/**
 * Each state has its own text, so none is told by colour alone: a symbol where one is
 * understood in any language, a short word where none is (`АТС`/`PBX`, `БД`/`DB`). The
 * colour only repeats how urgent it is.
 */
const TEXTS: Record<Exclude<BadgeState, 'missed'>, () => string> = {
  connecting: () => '…',
  'helper-down': () => '✕',
  incompatible: () => '!',
  'not-paired': () => '?',
  'pbx-down': () => t('shell.badge.text.pbxDown'),
  'database-down': () => t('shell.badge.text.databaseDown'),
  paused: () => '||',
  ready: () => '',
};

const COLORS: Record<BadgeState, string> = {
  connecting: BADGE_COLORS.quiet,
  'helper-down': BADGE_COLORS.alarm,
  incompatible: BADGE_COLORS.alarm,
  'not-paired': BADGE_COLORS.quiet,
  'pbx-down': BADGE_COLORS.alarm,
  'database-down': BADGE_COLORS.warning,
  paused: BADGE_COLORS.quiet,
  missed: BADGE_COLORS.missed,
  ready: BADGE_COLORS.quiet,
};

/** What the badge knows besides the connection. */
export interface BadgeFacts {
  /** Unseen missed calls. */
  missed: number;
  /** The operator paused their queue membership. */
  paused?: boolean;
}

type ServiceState = HelperStatus['pbx'];

/** A PBX that is down, refused our login or was never configured means no calls at all. */
function pbxProblem(state: ServiceState): boolean {
  return (
    state.state === 'down' || state.state === 'auth-failed' || state.state === 'not-configured'
  );
}

/** Without the database calls still work, only cards lose their names: a missing one is no alarm. */
function databaseProblem(state: ServiceState): boolean {
  return state.state === 'down' || state.state === 'auth-failed';
}

/** The helper's own words (English) after the sentence saying what to do. */
function details(reason: string | undefined): string[] {
  return reason === undefined || reason === '' ? [] : [t('shell.badge.details', { reason })];
}

function serviceLines(key: string, state: ServiceState): string[] {
  return [t(key), ...details(state.reason ?? t(`shell.service.${state.state}`))];
}

/** The state the badge shows and the tooltip lines that say why and what to do. */
function badgeState(
  connection: ConnectionState,
  facts: BadgeFacts,
): { state: BadgeState; lines: string[] } {
  switch (connection.state) {
    case 'connecting':
      return { state: 'connecting', lines: [t('shell.badge.connecting')] };
    case 'helper-down':
      return {
        state: 'helper-down',
        lines: [t('shell.badge.helperDown'), ...details(connection.reason)],
      };
    case 'not-paired':
      return { state: 'not-paired', lines: [t('shell.badge.notPaired')] };
    case 'incompatible':
      return {
        state: 'incompatible',
        lines: [t('shell.badge.incompatible'), ...details(connection.reason)],
      };
    case 'connected': {
      const { pbx, database, operator } = connection.status;
      const pbxDown = pbxProblem(pbx);
      const databaseDown = databaseProblem(database);
      if (pbxDown || databaseDown) {
        return {
          state: pbxDown ? 'pbx-down' : 'database-down',
          lines: [
            ...(pbxDown ? serviceLines('shell.badge.pbxDown', pbx) : []),
            ...(databaseDown ? serviceLines('shell.badge.databaseDown', database) : []),
          ],
        };
      }
      const ready = t('shell.badge.connected', {
        extensions: operator.extensions.join(', ') || '—',
      });
      const missed = facts.missed > 0 ? [t('shell.badge.missed', { count: facts.missed })] : [];
      if (facts.paused) {
        return { state: 'paused', lines: [t('shell.badge.paused'), ready, ...missed] };
      }
      return { state: facts.missed > 0 ? 'missed' : 'ready', lines: [ready, ...missed] };
    }
  }
}

/**
 * Badge and tooltip for a connection state: nothing (or the unseen missed calls) when all
 * is well; otherwise a text of its own per state. The tooltip always says what is wrong and
 * what to do, with the helper's own words as details.
 */
export function badgeView(connection: ConnectionState, facts: BadgeFacts): BadgeView {
  const { state, lines } = badgeState(connection, facts);
  return {
    text: state === 'missed' ? (facts.missed > 99 ? '99+' : String(facts.missed)) : TEXTS[state](),
    color: COLORS[state],
    title: [t('shell.name'), ...lines].join('\n'),
  };
}
