import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmiActionError, AmiValueError } from '../../../../helper/ami/errors';
import type { OriginateRequest } from '../../../../helper/ami/originate';
import {
  FakeAmiServer,
  type FakeAmiAction,
  type FakeAmiConnection,
} from '../../../support/fake-ami-server';
import {
  makeClient,
  SECRET,
  sleep,
  USERNAME,
  waitUntil,
} from '../../../support/helper/ami/client-harness';

let server: FakeAmiServer;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  server = await FakeAmiServer.start({ username: USERNAME, secret: SECRET });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await server.close();
});

async function ready() {
  const made = makeClient(server);
  cleanups.push(() => made.client.close());
  await made.client.start();
  return made;
}

const request: OriginateRequest = {
  channel: 'PJSIP/101',
  context: 'from-internal',
  exten: '+79161234567',
  callerId: { name: 'Служба доставки', number: '+74951234567' },
  timeoutMs: 30_000,
  variables: { __CT_REQUEST: 'r-17' },
  async: true,
};

function queued(action: FakeAmiAction, c: FakeAmiConnection): void {
  c.respond(action, 'Success', { Message: 'Originate successfully queued' });
}

function originateResponse(
  action: FakeAmiAction,
  c: FakeAmiConnection,
  response: 'Success' | 'Failure',
  reason: string,
): void {
  c.sendFrame({
    Event: 'OriginateResponse',
    Privilege: 'call,all',
    ActionID: action.actionId ?? '',
    Response: response,
    Channel: response === 'Success' ? 'PJSIP/101-0000002a' : 'PJSIP/101',
    Context: 'from-internal',
    Exten: '+79161234567',
    Reason: reason,
    Uniqueid: response === 'Success' ? '1718012345.42' : '<null>',
    CallerIDNum: '+74951234567',
    CallerIDName: 'Служба доставки',
  });
}

describe('AmiClient.originate', () => {
  it('sends validated fields and resolves on OriginateResponse success', async () => {
    const { client } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'Originate') return false;
      queued(action, c);
      setTimeout(() => originateResponse(action, c, 'Success', '4'), 20);
      return true;
    };
    const result = await client.originate(request);
    expect(result).toEqual({
      ok: true,
      reasonCode: 4,
      uniqueid: '1718012345.42',
      channel: 'PJSIP/101-0000002a',
    });
    const { action } = await server.waitForAction('Originate');
    expect(action.get('Channel')).toBe('PJSIP/101');
    expect(action.get('Context')).toBe('from-internal');
    expect(action.get('Exten')).toBe('+79161234567');
    expect(action.get('Priority')).toBe('1');
    expect(action.get('CallerID')).toBe('"Служба доставки" <+74951234567>');
    expect(action.get('Timeout')).toBe('30000');
    expect(action.get('Async')).toBe('true');
    expect(action.getAll('Variable')).toEqual(['__CT_REQUEST=r-17']);
  });

  it.each([
    ['0', 'failed'],
    ['1', 'hangup'],
    ['3', 'no-answer'],
    ['5', 'busy'],
    ['8', 'congestion'],
  ])('resolves Reason %s as a %s failure', async (reason, expected) => {
    const { client } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'Originate') return false;
      queued(action, c);
      originateResponse(action, c, 'Failure', reason);
      return true;
    };
    await expect(client.originate(request)).resolves.toEqual({
      ok: false,
      reason: expected,
      reasonCode: Number(reason),
      uniqueid: undefined,
      channel: 'PJSIP/101',
    });
  });

  it('accepts the OriginateResponse arriving before the queued response', async () => {
    const { client } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'Originate') return false;
      originateResponse(action, c, 'Failure', '5');
      queued(action, c);
      return true;
    };
    await expect(client.originate(request)).resolves.toMatchObject({ ok: false, reason: 'busy' });
  });

  it("ignores another client's OriginateResponse and passes it on as an event", async () => {
    const { client, events } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'Originate') return false;
      queued(action, c);
      originateResponse({ ...action, actionId: 'other-helper-1' }, c, 'Success', '4');
      setTimeout(() => originateResponse(action, c, 'Failure', '3'), 20);
      return true;
    };
    await expect(client.originate(request)).resolves.toMatchObject({ reason: 'no-answer' });
    await waitUntil(() => events.length === 1, 'foreign OriginateResponse event');
    expect(events[0]?.['ActionID']).toBe('other-helper-1');
  });

  it('rejects when the PBX refuses the Originate itself', async () => {
    const { client } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'Originate') return false;
      c.respond(action, 'Error', { Message: 'Extension does not exist.' });
      return true;
    };
    await expect(client.originate(request)).rejects.toBeInstanceOf(AmiActionError);
  });

  it.each([
    [
      'a CRLF command injection in the number',
      { exten: '123\r\nAction: Command\r\nCommand: core stop now' },
    ],
    ['letters in the number', { exten: '8916abc4567' }],
    ['a second dial target in the channel', { channel: 'PJSIP/101&PJSIP/102' }],
    [
      'a line break in the caller name',
      { callerId: { name: 'A\r\nAction: Command', number: '101' } },
    ],
  ])('refuses %s before a byte is written', async (_label, override) => {
    const { client } = await ready();
    const connection = server.latest;
    if (connection === undefined) throw new Error('no connection');
    const before = connection.receivedBytes;
    const error = await client.originate({ ...request, ...override }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmiValueError);
    // A later action arrives, so anything written before it would have arrived too.
    await client.action('Ping');
    await sleep(20);
    const written = connection.receivedText.slice(before);
    expect(written).toMatch(/^Action: Ping\r\n/);
    expect(written).not.toContain('Originate');
    expect(written).not.toContain('Command');
    expect(server.allActions().map((a) => a.name)).toEqual(['Login', 'Ping']);
  });
});
