import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { runHelper } from '../../../helper/workstation/app/run';
import { cloneDefaults } from '../../../helper/config/defaults';
import { DEV_CHROMIUM_ORIGIN } from '../../../helper/config/origins';
import type { ConfigValues, HelperConfig } from '../../../helper/config/types';
import { PairingStore } from '../../../helper/workstation/pairing/pairing-store';
import {
  encodeMessage,
  parseServerMessage,
  PROTOCOL_VERSION,
  type ClientMessage,
  type ServerMessage,
} from '../../../shared/protocol';
import { reservePort } from '../../../harness/services/port-reservation';
import { waitUntil } from './wait-until';

export interface HelperOptions {
  /** Keep the port across a restart so the extension finds the helper again; reserved here otherwise. */
  port?: number;
  /** Keep the pairing state across a restart. */
  stateDir?: string;
  /** Configuration beyond the demo defaults, e.g. a real PBX and database. */
  values?: Partial<ConfigValues>;
  /** The origins admitted; the development Chromium id unless given. */
  allowedOrigins?: string[];
  /** The office's managed-pairing secret (`websocket.pairingSecret`); off unless given. */
  pairingSecret?: string;
}

export interface RunningHelper {
  port: number;
  stateDir: string;
  /** A code as `courier-helper pair` prints it, from the helper's own pairing store. */
  pairingCode(): Promise<string>;
  /** A session as a second paired extension would open it, for driving the helper from a test. */
  openSession(): Promise<HelperSession>;
  /** Stops the helper and waits until its port is closed. */
  stop(): Promise<void>;
}

export interface HelperSession {
  send(message: ClientMessage): void;
  next(match: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  close(): void;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A helper that did not start or stop; the message says where to look. */
export class HelperStartError extends Error {
  override readonly name = 'HelperStartError';
}

/**
 * Runs the real helper in this process (`runHelper`, demo mode unless
 * `values` says otherwise) on a loopback port, with its own pairing state.
 */
export async function startHelper(options: HelperOptions = {}): Promise<RunningHelper> {
  const reservation = options.port === undefined ? await reservePort() : undefined;
  const port = options.port ?? (reservation?.port as number);
  const ownStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'ct-e2e-helper-')));
  const config: HelperConfig = {
    ...cloneDefaults(),
    mode: 'demo',
    ...options.values,
    websocket: {
      port,
      allowedOrigins: options.allowedOrigins ?? [DEV_CHROMIUM_ORIGIN],
      pairingSecret: options.pairingSecret ?? '',
    },
    log: { level: 'silent', file: '' },
    paths: { file: null, stateDir },
  };
  const controller = new AbortController();
  let failure: unknown;
  const running = runHelper(config, pino({ level: 'silent' }), controller.signal).catch(
    (error: unknown) => {
      failure = error;
    },
  );
  await waitUntil(
    async () => failure !== undefined || (await portOpen(port)),
    Boolean,
    20_000,
  ).catch(() => undefined);
  if (failure !== undefined || !(await portOpen(port))) {
    controller.abort();
    reservation?.release();
    throw new HelperStartError(
      `The helper did not listen on 127.0.0.1:${port}: ${failure instanceof Error ? failure.message : 'no answer within 20 s'}`,
    );
  }
  const store = new PairingStore({ stateDir });
  return {
    port,
    stateDir,
    pairingCode: async () => (await store.createPairingCode()).code,
    async openSession() {
      const code = (await store.createPairingCode()).code;
      const { token } = await store.redeem(
        code,
        { name: 'e2e', version: '1', browser: 'node' },
        DEV_CHROMIUM_ORIGIN,
      );
      return openSession(port, token);
    },
    async stop() {
      controller.abort();
      await running;
      await waitUntil(
        () => portOpen(port),
        (open) => !open,
        10_000,
      );
      reservation?.release();
      if (ownStateDir) await rm(stateDir, { recursive: true, force: true });
    },
  };
}

async function openSession(port: number, token: string): Promise<HelperSession> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { origin: DEV_CHROMIUM_ORIGIN });
  const received: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    const parsed = parseServerMessage(String(data));
    if (parsed.ok) received.push(parsed.message);
    for (const waiter of [...waiters]) waiter();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const session: HelperSession = {
    send: (message) => socket.send(encodeMessage(message)),
    next: (match, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const index = received.findIndex(match);
          if (index < 0) return;
          const [found] = received.splice(index, 1);
          waiters.delete(check);
          clearTimeout(timer);
          if (found) resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new HelperStartError(`The helper sent no matching frame within ${timeoutMs} ms.`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
  session.send({
    type: 'hello',
    v: PROTOCOL_VERSION,
    token,
    client: { name: 'e2e', version: '1', browser: 'node' },
  });
  await session.next((message) => message.type === 'welcome');
  return session;
}
