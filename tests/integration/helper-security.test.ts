import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { DEV_ORIGIN, ExtensionClient } from '../../harness/extension/extension-client';
import { startRealHelper, type RealHelper } from '../support/real-helper';

let helper: RealHelper;
const clients: ExtensionClient[] = [];

beforeAll(async () => {
  helper = await startRealHelper({ extensions: ['101'], amiProxy: true });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  const frames = clients.flatMap((c) => c.rawFrames).join('\n');
  await helper?.stop();
  for (const secret of helper.secrets) {
    expect(frames).not.toContain(secret);
    expect(helper.logs.text()).not.toContain(secret);
  }
});

function refusedStatus(origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${helper.port}/`, origin ? { origin } : {});
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => {
      socket.close();
      reject(new Error('the connection was accepted'));
    });
    socket.once('error', () => resolve(-1));
  });
}

describe('the helper trusts only the paired extension', () => {
  it.each(['https://evil.example', 'http://127.0.0.1:8080', 'null'])(
    'refuses a web page origin %s',
    async (origin) => {
      expect(await refusedStatus(origin)).toBe(403);
    },
  );

  it('refuses a socket without an origin', async () => {
    expect(await refusedStatus(undefined)).toBe(403);
  });

  it('refuses the right origin without the paired token', async () => {
    const client = await ExtensionClient.open(helper.port, DEV_ORIGIN);
    clients.push(client);
    client.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      token: 'x'.repeat(43),
      client: { name: 'x', version: '1', browser: 'node' },
    });
    const error = await client.waitFor(
      (m): m is Extract<typeof m, { type: 'error' }> => m.type === 'error',
    );
    expect(error.code).toBe('not-paired');
    await new Promise<void>((resolve) => client.socket.once('close', () => resolve()));
  });

  it.each([
    '+7916\r\nAction: Command\r\nCommand: core stop now',
    'call me maybe',
    '8916abc4567',
    '101\n',
  ])('refuses the dial target %j and writes no AMI frame for it', async (number) => {
    const client = await helper.connect();
    clients.push(client);
    helper.amiProxy?.clearCapture();
    const updates = await client.dial(number);
    const last = updates.at(-1);
    expect(
      last?.type === 'dial.result' ? last.outcome : last?.type === 'error' ? last.code : undefined,
    ).toMatch(/invalid-number|bad-message/);
    expect(helper.amiProxy?.clientText()).not.toMatch(/Originate|Command/i);
  });
});
