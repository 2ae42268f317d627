import { harnessInfo } from './harness-info';
import { RawAmiClient } from '../../harness/raw-ami';

/**
 * A raw AMI connection to the harness PBX. `helper` is the least-privilege account the
 * product uses; `admin` has every right (for the test's own observation and control).
 */
export function connectAmi(
  account: 'helper' | 'admin' = 'helper',
  options: { signal?: AbortSignal } = {},
): Promise<RawAmiClient> {
  const { asterisk } = harnessInfo();
  return RawAmiClient.connect({
    host: asterisk.amiHost,
    port: asterisk.amiPort,
    ...asterisk.accounts[account],
    signal: options.signal,
  });
}
