import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AmiActionError,
  AmiDisconnectedError,
  AmiPermissionError,
  AmiTimeoutError,
  AmiValueError,
} from '../../../../helper/ami/errors';
import { channelOf } from '../../../../helper/ami/events';
import { amiFrame, FakeAmiServer } from '../../../support/fake-ami-server';
import {
  makeClient,
  SECRET,
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

async function ready(overrides: Parameters<typeof makeClient>[1] = {}) {
  const made = makeClient(server, overrides);
  cleanups.push(() => made.client.close());
  await made.client.start();
  return made;
}

const channel = (id: string, extra: Record<string, string> = {}) => ({
  Channel: `PJSIP/${id}`,
  ChannelState: '6',
  ChannelStateDesc: 'Up',
  CallerIDNum: '79161234567',
  CallerIDName: '<unknown>',
  ConnectedLineNum: '101',
  ConnectedLineName: 'Operator',
  Language: 'en',
  AccountCode: '',
  Context: 'from-trunk',
  Exten: '74951234567',
  Priority: '2',
  Uniqueid: `1718012345.${id.length}`,
  Linkedid: '1718012345.1',
  ...extra,
});

describe('AmiClient actions', () => {
  it('resolves with the response matched by its own ActionID', async () => {
    const { client } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'Getvar') return false;
      c.respond(action, 'Success', { Variable: action.get('Variable') ?? '', Value: '42' });
      return true;
    };
    const [a, b] = await Promise.all([
      client.action('Getvar', { Variable: 'A' }),
      client.action('Getvar', { Variable: 'B' }),
    ]);
    expect(a.frame['Variable']).toBe('A');
    expect(b.frame['Variable']).toBe('B');
    expect(a.actionId).not.toBe(b.actionId);
    expect(a.response).toBe('Success');
  });

  it('rejects Response: Error with AmiActionError and Permission denied with the missing class', async () => {
    const { client } = await ready();
    server.onAction = (action, c) => {
      if (action.name === 'Redirect')
        c.respond(action, 'Error', { Message: 'Channel not specified' });
      else if (action.name === 'CoreShowChannels')
        c.respond(action, 'Error', { Message: 'Permission denied' });
      else return false;
      return true;
    };
    const refused = await client.action('Redirect').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AmiActionError);
    expect((refused as AmiActionError).serverMessage).toBe('Channel not specified');
    const denied = await client.coreShowChannels().catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AmiPermissionError);
    expect((denied as Error).message).toContain('"reporting"');
  });

  it('times an unanswered action out and stays usable', async () => {
    const { client } = await ready();
    server.onAction = (action) => action.name === 'Status';
    const error = await client.action('Status', {}, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmiTimeoutError);
    expect((error as AmiTimeoutError).action).toBe('Status');
    expect((error as AmiTimeoutError).timeoutMs).toBe(150);
    await expect(client.action('Ping')).resolves.toMatchObject({ response: 'Success' });
    expect(client.state).toBe('ready');
  });

  it('rejects every pending action at once when the socket drops', async () => {
    const { client } = await ready({ actionTimeoutMs: 60_000 });
    server.onAction = (action) => action.name === 'Status';
    const pending = [1, 2, 3].map(() => client.action('Status').catch((e: unknown) => e));
    await server.waitForAction('Status', { after: 2 });
    const droppedAt = Date.now();
    server.dropAll();
    const errors = await Promise.all(pending);
    for (const error of errors) expect(error).toBeInstanceOf(AmiDisconnectedError);
    // Far sooner than the 60 s action timeout: the drop itself rejected them.
    expect(Date.now() - droppedAt).toBeLessThan(30_000);
  });

  it('refuses actions while not ready instead of queueing them', async () => {
    const { client } = makeClient(server);
    cleanups.push(() => client.close());
    await expect(client.action('Ping')).rejects.toBeInstanceOf(AmiDisconnectedError);
    await expect(client.action('Login')).rejects.toBeInstanceOf(AmiValueError);
  });

  it('collects an event list by ActionID with unrelated events interleaved', async () => {
    const { client, events } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'CoreShowChannels') return false;
      const id = action.actionId ?? '';
      c.send(
        amiFrame({
          Response: 'Success',
          ActionID: id,
          EventList: 'start',
          Message: 'Channels will follow',
        }) +
          amiFrame({ Event: 'Newchannel', ...channel('trunk-00000009') }) +
          amiFrame({
            Event: 'CoreShowChannel',
            ActionID: id,
            ...channel('trunk-0000000a'),
            Application: 'Dial',
            ApplicationData: 'PJSIP/101,20',
            Duration: '00:01:05',
            BridgeId: '',
          }) +
          amiFrame({ Event: 'CoreShowChannel', ActionID: 'someone-else-1', ...channel('x-1') }) +
          amiFrame({
            Event: 'Hangup',
            ...channel('trunk-00000008'),
            Cause: '16',
            'Cause-txt': 'Normal Clearing',
          }) +
          amiFrame({
            Event: 'CoreShowChannel',
            ActionID: id,
            ...channel('101-0000000b', { ChannelState: '5', ChannelStateDesc: 'Ringing' }),
            Application: 'AppDial',
            ApplicationData: '(Outgoing Line)',
            Duration: '00:00:03',
            BridgeId: '',
          }),
      );
      // The closing event comes in a later write, split across chunks.
      void c.sendInChunks(
        amiFrame({
          Event: 'CoreShowChannelsComplete',
          ActionID: id,
          EventList: 'Complete',
          ListItems: '2',
        }),
        9,
      );
      return true;
    };
    const snapshots = await client.coreShowChannels();
    expect(snapshots.map((s) => s.channel)).toEqual(['PJSIP/trunk-0000000a', 'PJSIP/101-0000000b']);
    expect(snapshots[0]).toMatchObject({
      state: 6,
      callerIdNum: '79161234567',
      callerIdName: undefined,
      application: 'Dial',
      durationSeconds: 65,
      linkedid: '1718012345.1',
    });
    expect(snapshots[1]?.state).toBe(5);
    await waitUntil(() => events.length >= 3, 'unrelated events');
    expect(events.map((e) => e['Event'])).toEqual(['Newchannel', 'CoreShowChannel', 'Hangup']);
    expect(channelOf(events[0] ?? {})?.channel).toBe('PJSIP/trunk-00000009');
  });

  it('reads events and responses that arrive a few bytes at a time', async () => {
    const { client, events } = await ready();
    server.onAction = (action, c) => {
      if (action.name !== 'Getvar') return false;
      void c.sendInChunks(
        amiFrame({ Event: 'Newstate', ...channel('101-00000001', { CallerIDName: 'Оператор' }) }) +
          amiFrame({ Response: 'Success', ActionID: action.actionId ?? '', Value: 'ok' }),
        3,
      );
      return true;
    };
    const response = await client.action('Getvar', { Variable: 'X' });
    expect(response.frame['Value']).toBe('ok');
    expect(events).toHaveLength(1);
    expect(channelOf(events[0] ?? {})?.callerIdName).toBe('Оператор');
  });
});
