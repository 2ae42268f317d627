import { AmiClient, type AmiClientEvents } from '../../../../helper/ami/client';
import type { AmiLogger } from '../../../../helper/ami/logger';
import type { AmiClientOptions } from '../../../../helper/ami/options';
import type { AmiState, AmiStateChange } from '../../../../helper/ami/state';
import type { FakeAmiServer } from '../../fake-ami-server';

export const SECRET = 'Sup3r-s3cret!';
export const USERNAME = 'helper';

/** A logger that keeps every call, serialized, so tests can search all of it. */
export function captureLogger(): { logger: AmiLogger; lines: string[] } {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (obj: object, msg: string): void => {
      lines.push(JSON.stringify({ level, msg, ...obj }));
    };
  return {
    lines,
    logger: {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    },
  };
}

/** A client with small delays, for the fake server; nothing here is a timing assertion. */
export function makeClient(server: FakeAmiServer, overrides: Partial<AmiClientOptions> = {}) {
  const { logger, lines } = captureLogger();
  const client = new AmiClient({
    host: '127.0.0.1',
    port: server.port,
    username: USERNAME,
    secret: SECRET,
    actionTimeoutMs: 2_000,
    keepaliveIntervalMs: 60_000,
    keepaliveTimeoutMs: 1_000,
    reconnect: { initialDelayMs: 20, maxDelayMs: 200, jitter: 'full' },
    logger,
    ...overrides,
  });
  const states: AmiStateChange[] = [];
  const events: Parameters<AmiClientEvents['event']>[0][] = [];
  const readies: boolean[] = [];
  client.on('state', (change) => states.push(change));
  client.on('event', (frame) => events.push(frame));
  client.on('ready', (info) => readies.push(info.reconnected));
  return { client, logs: lines, states, events, readies };
}

export async function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

export function waitForState(client: AmiClient, state: AmiState, timeoutMs = 5_000): Promise<void> {
  if (client.state === state) return Promise.resolve();
  return waitUntil(() => client.state === state, `state ${state}`, timeoutMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
