import { execFileSync } from 'node:child_process';
import { chownSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../../helper/cli/run-cli';
import {
  renderServeUnit,
  SERVE_UNIT_NAME,
} from '../../../../../helper/workstation/install/serve-unit';
import { testIo } from '../../../../support/helper/cli/cli-harness';
import {
  fakeRunner,
  tempHome,
  type TempHome,
} from '../../../../support/helper/workstation/install/install-harness';

const SERVICE_UID = 65534;

function systemdAnalyze(args: string[]): string {
  return execFileSync('systemd-analyze', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the PBX-side service unit', () => {
  let dir: TempHome;
  beforeEach(() => {
    dir = tempHome();
  });
  afterEach(() => dir.remove());

  it('restarts serve on failure, hardened, and systemd accepts it with a low exposure', () => {
    const unit = renderServeUnit({
      command: [process.execPath, 'serve', '--config', '/etc/courier-telephony/serve.toml'],
      uid: SERVICE_UID,
      gid: SERVICE_UID,
      writable: ['/etc/courier-telephony'],
    });
    for (const line of [
      'Restart=on-failure',
      'RestartPreventExitStatus=3',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'ReadWritePaths="/etc/courier-telephony"',
      'CapabilityBoundingSet=',
      `User=${SERVICE_UID}`,
    ]) {
      expect(unit.split('\n')).toContain(line);
    }
    const file = join(dir.path, SERVE_UNIT_NAME);
    writeFileSync(file, unit);
    expect(systemdAnalyze(['verify', file])).toBe('');
    // Exposure from 0 (locked down) to 10 (none of systemd's sandboxing); the threshold is
    // on a scale of 100, so 30 fails anything above 3.0.
    const report = systemdAnalyze(['security', '--offline=yes', '--threshold=30', file]);
    expect(report).toMatch(/Overall exposure level for courier-serve\.service: [0-2]\.\d OK/);
  });

  it('install --serve writes the unit for the owner of the configuration and starts it', async () => {
    const folder = join(dir.path, 'etc');
    const config = join(folder, 'serve.toml');
    const runner = fakeRunner();
    const install = (io = testIo()) =>
      runCli(['install', '--serve', '--config', config], io, {
        install: {
          platform: 'linux',
          run: runner.run,
          executable: '/usr/local/bin/courier-helper',
          systemUnitDir: dir.path,
          exampleConfig: '[server]\nagiPort = 4573\n',
        },
      });
    if (process.getuid?.() === 0) {
      // Written by root, the example belongs to root: the service must not run as root.
      const refused = testIo();
      expect(await install(refused)).toBe(1);
      expect(refused.err()).toContain(
        `Wrote an example configuration to ${config}, owned by root.`,
      );
      expect(refused.err()).toContain(`chown -R courier-telephony: ${folder}`);
      chownSync(folder, SERVICE_UID, SERVICE_UID);
      chownSync(config, SERVICE_UID, SERVICE_UID);
    }
    const io = testIo();
    expect(await install(io)).toBe(0);
    const unit = readFileSync(join(dir.path, SERVE_UNIT_NAME), 'utf8');
    expect(unit).toContain(
      `ExecStart="/usr/local/bin/courier-helper" "serve" "--config" "${config}"`,
    );
    expect(unit).toContain(`ReadWritePaths="${folder}"`);
    expect(io.out()).toContain(`Enabled and started ${SERVE_UNIT_NAME}`);
    expect(runner.lines().slice(-2)).toEqual([
      'systemctl daemon-reload',
      `systemctl enable --now ${SERVE_UNIT_NAME}`,
    ]);
    expect(
      await runCli(['uninstall', '--serve'], testIo(), {
        install: { platform: 'linux', run: runner.run, systemUnitDir: dir.path },
      }),
    ).toBe(0);
    expect(runner.lines().slice(-2)).toEqual([
      `systemctl disable --now ${SERVE_UNIT_NAME}`,
      'systemctl daemon-reload',
    ]);
  });

  it('needs the configuration named', async () => {
    const io = testIo();
    expect(
      await runCli(['install', '--serve'], io, {
        install: { platform: 'linux', run: fakeRunner().run, executable: '/usr/bin/x' },
      }),
    ).toBe(1);
    expect(io.err()).toContain('install --serve needs the service');
  });

  it('is the unit the IT guide shows', () => {
    const guide = readFileSync(new URL('../../../../../docs/it-guide.md', import.meta.url), 'utf8');
    const shown = [...guide.matchAll(/```ini\n([\s\S]*?)```/g)]
      .map((block) => block[1])
      .find((block) => block?.includes('install --serve'));
    expect(shown).toBe(
      renderServeUnit({
        command: [
          '/usr/local/bin/courier-helper',
          'serve',
          '--config',
          '/etc/courier-telephony/serve.toml',
        ],
        uid: 998,
        gid: 998,
        writable: ['/etc/courier-telephony'],
      }),
    );
  });
});
