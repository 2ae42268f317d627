import type { HelperStatus } from '../../shared/protocol';
import { t } from '../lib/i18n/core';
import '../lib/i18n/desk-strings';
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
  paused: '#8a5a00',
} as const;

/** Shown while the operator is paused in a queue: the pause sign, not a colour alone. */
export const PAUSED_MARK = '⏸';

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

function serviceLine(key: string, state: ServiceState): string {
  const reason = state.reason ?? t(`shell.service.${state.state}`);
  return t(key, { reason });
}

/**
 * Badge and tooltip for a connection state: nothing (or the unseen missed
 * calls) when all is well, the pause sign after them while the operator is paused in a
 * queue, `!` when calls cannot be made or looked up, `?` until the extension is paired.
 * The tooltip always says why.
 */
export function badgeView(connection: ConnectionState, missedCount: number): BadgeView {
  const name = t('shell.name');
  const titled = (text: string, color: string, lines: string[]): BadgeView => ({
    text,
    color,
    title: [name, ...lines].join('\n'),
  });
  switch (connection.state) {
    case 'connecting':
      return titled('…', BADGE_COLORS.quiet, [t('shell.badge.connecting')]);
    case 'helper-down':
      return titled('!', BADGE_COLORS.alarm, [
        t('shell.badge.helperDown'),
        ...(connection.reason === undefined ? [] : [connection.reason]),
      ]);
    case 'not-paired':
      return titled('?', BADGE_COLORS.quiet, [t('shell.badge.notPaired')]);
    case 'incompatible':
      return titled('!', BADGE_COLORS.alarm, [t('shell.badge.incompatible'), connection.reason]);
    case 'connected': {
      const { pbx, database, operator } = connection.status;
      const problems = [
        ...(pbxProblem(pbx) ? [serviceLine('shell.badge.pbxDown', pbx)] : []),
        ...(databaseProblem(database) ? [serviceLine('shell.badge.databaseDown', database)] : []),
      ];
      if (problems.length > 0) {
        return titled('!', pbxProblem(pbx) ? BADGE_COLORS.alarm : BADGE_COLORS.warning, problems);
      }
      const ready = t('shell.badge.connected', {
        extensions: operator.extensions.join(', ') || '—',
      });
      const missed = missedCount > 0 ? [t('shell.badge.missed', { count: missedCount })] : [];
      const count = missedCount > 99 ? '99+' : missedCount > 0 ? String(missedCount) : '';
      const paused = [
        ...new Set((connection.status.queues ?? []).filter((q) => q.paused).map((q) => q.queue)),
      ];
      if (paused.length > 0) {
        return titled(`${count}${PAUSED_MARK}`, BADGE_COLORS.paused, [
          ready,
          t('shell.badge.paused', { queues: paused.join(', ') }),
          ...missed,
        ]);
      }
      if (missedCount > 0) return titled(count, BADGE_COLORS.missed, [ready, ...missed]);
      return titled('', BADGE_COLORS.quiet, [ready]);
    }
  }
}
