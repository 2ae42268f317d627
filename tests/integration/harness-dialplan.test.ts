import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAmi } from '../support/ami';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS, type DialplanPath } from '../../harness/pbx-plan';
import type { RawAmiClient } from '../../harness/raw-ami';
import {
  placeInboundCall,
  placePhoneCall,
  startFarEnd,
  startPhone,
  stopSipp,
} from '../support/sip-peers';

const CALLER = FIXTURE_NUMBERS.recipient;

/** The events the helper account's filter lets through (manager.conf). */
const HELPER_EVENTS = new Set([
  'Newchannel',
  'Newstate',
  'Hangup',
  'DialBegin',
  'DialEnd',
  'BridgeEnter',
  'BridgeLeave',
  'BlindTransfer',
  'AttendedTransfer',
  'Pickup',
  'OriginateResponse',
  'VarSet',
  'QueueMemberPause',
  'QueueMemberAdded',
  'QueueMemberRemoved',
]);

type RingingPhone = '101' | '102';

const PATHS: readonly { path: DialplanPath; rings: readonly RingingPhone[]; viaLocal: boolean }[] =
  [
    { path: 'direct', rings: ['101'], viaLocal: false },
    { path: 'ringGroup', rings: ['101', '102'], viaLocal: false },
    { path: 'queue', rings: ['101', '102'], viaLocal: true },
    { path: 'local', rings: ['101'], viaLocal: true },
  ];

let ami: RawAmiClient;

beforeAll(async () => {
  ami = await connectAmi('helper');
});

afterEach(stopSipp);

afterAll(async () => {
  await ami?.close();
});

const phoneChannel = (phone: string): RegExp => new RegExp(`^PJSIP/${phone}-`);

describe.each(PATHS)('inbound call through the $path route', ({ path, rings, viaLocal }) => {
  const did = DIDS[path];

  it(`rings ${rings.join(' and ')} with the caller's number, seen by the helper account`, async () => {
    const since = ami.mark();
    const phones = {
      '101': await startPhone('101', 'ring'),
      '102': await startPhone('102', 'ring'),
    };
    const call = await placeInboundCall({ from: CALLER, did });

    const inbound = await ami.waitForEvent(
      { Event: 'Newchannel', Channel: /^PJSIP\/trunk-/, CallerIDNum: CALLER, Exten: did },
      { since },
    );
    for (const phone of rings) {
      await ami.waitForEvent(
        {
          Event: 'Newstate',
          Channel: phoneChannel(phone),
          ChannelStateDesc: 'Ringing',
          ConnectedLineNum: CALLER,
        },
        { since },
      );
      await ami.waitForEvent(
        {
          Event: 'DialBegin',
          Channel: viaLocal ? new RegExp(`^Local/${phone}@from-queue-`) : inbound.Channel!,
          DestChannel: phoneChannel(phone),
        },
        { since },
      );
    }
    for (const phone of rings) expect(phones[phone].lastInvite()?.fromUser).toBe(CALLER);

    const result = await call.hangup();
    expect(result).toMatchObject({ answered: false, finalStatus: 487 });
    await ami.waitForEvent({ Event: 'Hangup', Channel: inbound.Channel! }, { since });
    for (const phone of rings) {
      await ami.waitForEvent({ Event: 'Hangup', Channel: phoneChannel(phone) }, { since });
    }
    const seen = ami.events.slice(since);
    if (!rings.includes('102')) {
      expect(seen.filter((event) => phoneChannel('102').test(event.Channel ?? ''))).toEqual([]);
    }
    expect(seen.filter((event) => !HELPER_EVENTS.has(event.Event ?? ''))).toEqual([]);
  });

  it('is answered on 101 and bridged to the caller until the caller hangs up', async () => {
    const since = ami.mark();
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    await startPhone('102', 'ring');
    const call = await placeInboundCall({ from: CALLER, did });

    const inbound = await ami.waitForEvent(
      { Event: 'Newchannel', Channel: /^PJSIP\/trunk-/, CallerIDNum: CALLER, Exten: did },
      { since },
    );
    await ami.waitForEvent(
      { Event: 'DialEnd', DestChannel: phoneChannel('101'), DialStatus: 'ANSWER' },
      { since },
    );
    await ami.waitForEvent({ Event: 'BridgeEnter', Channel: inbound.Channel! }, { since });
    await ami.waitForEvent({ Event: 'BridgeEnter', Channel: phoneChannel('101') }, { since });
    const recording = await ami.waitForEvent(
      { Event: 'VarSet', Channel: inbound.Channel!, Variable: 'MIXMONITOR_FILENAME' },
      { since },
    );
    expect(recording.Value).toMatch(new RegExp(`in-${CALLER}-.*\\.wav$`));

    const result = await call.hangup();
    expect(result).toMatchObject({ answered: true, finalStatus: 200 });
    await ami.waitForEvent({ Event: 'Hangup', Channel: phoneChannel('101') }, { since });
  });
});

describe('calls from an operator phone', () => {
  it('reach the far end with the dialled number and the phone as caller ID', async () => {
    const since = ami.mark();
    const farEnd = await startFarEnd('answer');
    const call = await placePhoneCall({ phone: '101', to: `+${CALLER}`, hangupAfterMs: 500 });

    const invite = await farEnd.waitForInvite({ since: 0 });
    expect(invite.dialled).toBe(`+${CALLER}`);
    expect(invite.fromUser).toBe('101');
    expect(await call.done).toMatchObject({ answered: true });
    await ami.waitForEvent(
      { Event: 'Hangup', Channel: /^PJSIP\/farend-/, ConnectedLineNum: '101' },
      { since },
    );
  });
});
