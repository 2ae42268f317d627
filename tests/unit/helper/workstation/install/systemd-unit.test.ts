import { describe, expect, it } from 'vitest';
import { InstallError } from '../../../../../helper/workstation/install/install-context';
import {
  renderSystemdUnit,
  systemdQuote,
} from '../../../../../helper/workstation/install/systemd-unit';

describe('systemd user unit', () => {
  it('starts the executable with its arguments, restarts on failure, and is wanted by the session', () => {
    const unit = renderSystemdUnit([
      '/opt/courier/courier-helper',
      'run',
      '--config',
      '/home/op/.config/courier-telephony/helper.toml',
    ]);
    expect(unit).toContain(
      'ExecStart="/opt/courier/courier-helper" "run" "--config" "/home/op/.config/courier-telephony/helper.toml"',
    );
    expect(unit).toMatch(/^\[Unit\]$/m);
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^RestartPreventExitStatus=3$/m);
    expect(unit).toMatch(/^\[Install\]\nWantedBy=default\.target$/m);
  });

  it('quotes spaces and escapes what systemd would expand', () => {
    expect(systemdQuote('/home/o p/bin/helper')).toBe('"/home/o p/bin/helper"');
    expect(systemdQuote('/srv/100%/$HOME/a"b\\c')).toBe('"/srv/100%%/$$HOME/a\\"b\\\\c"');
  });

  it('refuses a path with a line break, saying what to change', () => {
    expect(() => systemdQuote('/tmp/a\nb')).toThrow(InstallError);
    expect(() => systemdQuote('/tmp/a\nb')).toThrow(/path without one/);
  });
});
