import { harnessInfo } from './harness-info';

export class HarnessControlError extends Error {
  override readonly name = 'HarnessControlError';
}

async function call(path: string): Promise<number> {
  const response = await fetch(`${harnessInfo().controlUrl}${path}`, {
    method: 'POST',
    signal: AbortSignal.timeout(120_000),
  });
  const body = (await response.json()) as { pid?: number; error?: string };
  if (!response.ok) {
    throw new HarnessControlError(
      `harness control ${path} failed: ${body.error ?? response.status}`,
    );
  }
  return body.pid ?? -1;
}

/**
 * Service faults for tests. The services belong to the global setup, so these ask it over
 * HTTP. A test that stops MariaDB must start it again (e.g. in afterEach): later test files
 * share the same services.
 */
export const harnessFaults = {
  /** Stops MariaDB (SIGTERM); its data and port are kept. */
  stopMariaDb: (): Promise<void> => call('/mariadb/stop').then(() => undefined),
  /** Starts the stopped MariaDB again on the same port; resolves when it answers. */
  startMariaDb: (): Promise<number> => call('/mariadb/start'),
  /** Stops and starts Asterisk with the same config and ports; resolves with its new PID. */
  restartAsterisk: (): Promise<number> => call('/asterisk/restart'),
};
