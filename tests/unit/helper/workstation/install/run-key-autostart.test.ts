import { describe, expect, it } from 'vitest';
import {
  type InstallContext,
  InstallError,
} from '../../../../../helper/workstation/install/install-context';
import { runKeyAutostart } from '../../../../../helper/workstation/install/run-key-autostart';
import {
  fakeRunner,
  type FakeRunner,
} from '../../../../support/helper/workstation/install/install-harness';

const EXE = 'C:\\Users\\Op\\AppData\\Local\\Programs\\Courier\\courier-helper.exe';
const CONFIG = 'C:\\Users\\Op Name\\AppData\\Roaming\\CourierTelephony\\helper.toml';
const COMMAND = [EXE, 'run', '--background', '--config', CONFIG];
const KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run';

function context(runner: FakeRunner): InstallContext {
  return { platform: 'win32', env: {}, home: 'C:\\Users\\Op', uid: 0, run: runner.run };
}

describe('Windows autostart: Run key', () => {
  it('adds the CourierHelper value for the current user and starts the helper in the background', async () => {
    const runner = fakeRunner((file) =>
      file === EXE
        ? { stdout: 'Courier helper started in the background (PID 4242); its log: x.\n' }
        : {},
    );
    const lines = await runKeyAutostart(context(runner)).install({
      command: COMMAND,
      startNow: true,
    });
    expect(runner.calls[0]).toEqual({
      file: 'reg',
      args: [
        'add',
        KEY,
        '/v',
        'CourierHelper',
        '/t',
        'REG_SZ',
        '/d',
        `${EXE} run --background --config "${CONFIG}"`,
        '/f',
      ],
    });
    expect(runner.calls[1]).toEqual({ file: EXE, args: COMMAND.slice(1) });
    expect(lines.join('\n')).toContain('started in the background (PID 4242)');
  });

  it('does not start it while the configuration holds the example', async () => {
    const runner = fakeRunner();
    const lines = await runKeyAutostart(context(runner)).install({
      command: COMMAND,
      startNow: false,
    });
    expect(runner.calls).toHaveLength(1);
    expect(lines.join('\n')).toContain('Start it once the configuration is filled in');
  });

  it('reports a refused registry write', async () => {
    const runner = fakeRunner(() => ({ code: 1, stderr: 'ERROR: Access is denied.' }));
    await expect(
      runKeyAutostart(context(runner)).install({ command: COMMAND, startNow: true }),
    ).rejects.toThrow(InstallError);
  });

  it('uninstall deletes the value, or says it is not there', async () => {
    const present = fakeRunner();
    expect((await runKeyAutostart(context(present)).uninstall()).join('\n')).toContain('Removed');
    expect(present.lines()).toEqual([
      `reg query ${KEY} /v CourierHelper`,
      `reg delete ${KEY} /v CourierHelper /f`,
    ]);
    const absent = fakeRunner(() => ({ code: 1 }));
    expect((await runKeyAutostart(context(absent)).uninstall()).join('\n')).toContain(
      'nothing to remove',
    );
  });
});
