import { InstallError } from './install-context';
import { tr } from '../../core/cli-text';
import './russian';

export const SYSTEMD_UNIT_NAME = 'courier-helper.service';

/** The helper's exit code for "another helper already runs" (see the CLI's EXIT). */
const ALREADY_RUNNING_EXIT = 3;

/**
 * One ExecStart word: double-quoted, with the characters systemd would otherwise read as
 * escapes (`\`, `"`), specifiers (`%`) or variables (`$`) doubled or escaped.
 */
export function systemdQuote(word: string): string {
  if (/[\r\n]/.test(word)) {
    throw new InstallError(
      tr`A line break in "${word.replace(/[\r\n]+/g, ' ')}" cannot go into a systemd unit: move the helper or its configuration to a path without one.`,
    );
  }
  const escaped = word
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replaceAll('%', '%%')
    .replaceAll('$', '$$$$');
  return `"${escaped}"`;
}

/**
 * A systemd user unit that starts the helper with the user's session and restarts it after a
 * crash, but not when it exits because another helper already runs.
 */
export function renderSystemdUnit(command: readonly string[]): string {
  return [
    '# Written by "courier-helper install"; "courier-helper uninstall" removes it.',
    '[Unit]',
    'Description=Courier Telephony helper (click-to-call and call cards for the browser extension)',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${command.map(systemdQuote).join(' ')}`,
    'Restart=on-failure',
    'RestartSec=5',
    `RestartPreventExitStatus=${ALREADY_RUNNING_EXIT}`,
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}
