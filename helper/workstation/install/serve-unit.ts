import { systemdQuote } from './systemd-unit';

/** The system unit of `serve`, in /etc/systemd/system. */
export const SERVE_UNIT_NAME = 'courier-serve.service';

export interface ServeUnitOptions {
  /** The executable and its arguments: `courier-helper serve --config FILE`. */
  readonly command: readonly string[];
  /** The account the service runs as: numeric, the owner of the configuration file. */
  readonly uid: number;
  readonly gid: number;
  /** Folders the service writes (its state folder, spool, log); the rest is read-only. */
  readonly writable: readonly string[];
}

/** The exit codes of the helper (core/cli-io EXIT), as the unit reacts to them. */
const ALREADY_RUNNING_EXIT = 3;

/**
 * The PBX-side service as a hardened system service. Restarted a second after any failure
 * (the dialplan falls back to the operators meanwhile), never after "another serve already
 * runs". It sees the file system read-only except the folders it writes, has no
 * capabilities and cannot gain any, and may only open IP and local sockets. Not set:
 * MemoryDenyWriteExecute, which Node's JIT compiler cannot run under.
 */
export function renderServeUnit(options: ServeUnitOptions): string {
  return [
    '# Written by "courier-helper install --serve"; "courier-helper uninstall --serve" removes it.',
    '[Unit]',
    'Description=Courier Telephony PBX-side service (FastAGI routing, feedback, callbacks)',
    'Wants=network-online.target',
    'After=network-online.target mariadb.service mysql.service asterisk.service',
    // A crash loop gives up only after many tries; the dialplan routes around it meanwhile.
    'StartLimitIntervalSec=60',
    'StartLimitBurst=20',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${options.command.map(systemdQuote).join(' ')}`,
    `User=${options.uid}`,
    `Group=${options.gid}`,
    'Restart=on-failure',
    'RestartSec=1',
    `RestartPreventExitStatus=${ALREADY_RUNNING_EXIT}`,
    'TimeoutStopSec=20',
    'UMask=0077',
    'NoNewPrivileges=yes',
    'CapabilityBoundingSet=',
    'AmbientCapabilities=',
    'ProtectSystem=strict',
    `ReadWritePaths=${options.writable.map(systemdQuote).join(' ')}`,
    'ProtectHome=yes',
    'PrivateTmp=yes',
    'PrivateDevices=yes',
    'ProtectKernelTunables=yes',
    'ProtectKernelModules=yes',
    'ProtectKernelLogs=yes',
    'ProtectControlGroups=yes',
    'ProtectClock=yes',
    'ProtectHostname=yes',
    'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX',
    'RestrictNamespaces=yes',
    'RestrictRealtime=yes',
    'RestrictSUIDSGID=yes',
    'LockPersonality=yes',
    'SystemCallArchitectures=native',
    'SystemCallFilter=@system-service',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
