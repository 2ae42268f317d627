/**
 * Records the AMI event sequences the call tracker's unit tests replay, from the test
 * harness's real Asterisk 22 (harness/asterisk) with sipp playing the phones, the
 * trunk caller and the far end. Events are those the product's least-privilege `helper`
 * account receives, through the product AMI client.
 *
 *   npx tsx tests/support/ami-sequences/record-sequences.ts [name …]
 *
 * Without names every scenario is recorded (about two minutes: some wait for the
 * dialplan's 20 s timeouts). Needs what the integration tests need (see docs/testing.md).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { AmiClient } from '../../../helper/ami/client';
import type { AmiFrame } from '../../../helper/ami/frame';
import { startAsterisk, type AsteriskService } from '../../../harness/services/asterisk';
import {
  placeSippCall,
  referTo,
  replacesReferTo,
  startSippUas,
  type PhoneBehaviour,
  type SippCall,
  type SippUas,
} from '../../../harness/services/sipp';
import {
  DIDS,
  OUTBOUND_CONTEXT,
  PBX_IP,
  PICKUP_CODES,
  type PhoneName,
  type SipPeerName,
} from '../../../harness/pbx-plan';
import { RECORDED_EVENTS, type RecordedEvent, type RecordedSequence } from './sequence-format';

const CALLER = '79161234567';
const COMPANY = '"Courier" <74950000000>';
const OUT_DIR = fileURLToPath(new URL('./', import.meta.url));

interface Peer {
  readonly name: SipPeerName;
  readonly behaviour: PhoneBehaviour;
  readonly answerAfterMs?: number;
  readonly hangupAfterMs?: number;
}

type Stimulus =
  | {
      readonly kind: 'inbound';
      readonly did: string;
      readonly ringTimeoutMs?: number;
      readonly hangupAfterMs?: number;
    }
  | {
      readonly kind: 'phone';
      readonly phone: string;
      readonly to: string;
      readonly hangupAfterMs?: number;
    }
  | { readonly kind: 'originate'; readonly channelId: string; readonly timeoutMs: number };

/** What a scenario's script can do once the first call is placed. */
interface ScenarioContext {
  /** The sipp process playing a phone of the scenario. */
  peer(name: SipPeerName): SippUas;
  /** Starts (or restarts, with another behaviour) the process playing a phone. */
  restart(peer: Peer): Promise<SippUas>;
  /** An operator dials from the desk phone. */
  dial(phone: PhoneName, to: string, hangupAfterMs?: number): Promise<SippCall>;
  referTo(target: string): string;
  replacesReferTo(consultation: SippCall, target: string): string;
}

interface Scenario {
  readonly description: string;
  readonly peers: readonly Peer[];
  readonly stimulus: Stimulus;
  /** Take a CoreShowChannels listing this long after the call starts. */
  readonly snapshotAfterMs?: number;
  /** What the operators do during the call (pick up, transfer, answer together). */
  readonly script?: (context: ScenarioContext) => Promise<void>;
  /** A recording that must show a race: tried again (up to 10 times) until it does. */
  readonly until?: (events: readonly RecordedEvent[]) => boolean;
}

const answer = (name: SipPeerName, answerAfterMs = 1_000): Peer => ({
  name,
  behaviour: 'answer',
  answerAfterMs,
});
const ring = (name: SipPeerName): Peer => ({ name, behaviour: 'ring' });
const busy = (name: SipPeerName): Peer => ({ name, behaviour: 'busy' });
const decline = (name: SipPeerName, afterMs = 400): Peer => ({
  name,
  behaviour: 'decline',
  answerAfterMs: afterMs,
});
const transferring = (name: SipPeerName): Peer => ({
  name,
  behaviour: 'transfer',
  answerAfterMs: 300,
  hangupAfterMs: 3_000,
});
const cued = (name: SipPeerName): Peer => ({ name, behaviour: 'cue' });

/** 101 rings through `did`; a second later 102 dials `code`101 and picks the call up. */
function pickup(description: string, did: string, code: string): Scenario {
  return {
    description,
    peers: [ring('101')],
    stimulus: inbound(did, { hangupAfterMs: 2_000 }),
    script: async (context) => {
      await context.peer('101').waitForInvite({ since: 0 });
      await delay(1_000);
      await context.dial('102', `${code}101`);
    },
  };
}

/** Both phones ring, then are picked up in the same instant. */
async function answerTogether(context: ScenarioContext): Promise<void> {
  await Promise.all([
    context.peer('101').waitForInvite({ since: 0 }),
    context.peer('102').waitForInvite({ since: 0 }),
  ]);
  await delay(300);
  await Promise.all([context.peer('101').pickUp(), context.peer('102').pickUp()]);
}

/** Both phones' channels went Up: the PBX saw both answers before it chose one. */
function bothAnswered(events: readonly RecordedEvent[]): boolean {
  return ['101', '102'].every((phone) =>
    events.some(
      ({ frame }) =>
        frame['Event'] === 'Newstate' &&
        frame['ChannelStateDesc'] === 'Up' &&
        String(frame['Channel']).startsWith(`PJSIP/${phone}-`),
    ),
  );
}
const inbound = (did: string, extra: { ringTimeoutMs?: number; hangupAfterMs?: number } = {}) =>
  ({ kind: 'inbound', did, ...extra }) as const;
const originate = (n: number, timeoutMs = 8_000) =>
  ({ kind: 'originate', channelId: `ctc-fixture-${n}`, timeoutMs }) as const;

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  'direct-answered': {
    description:
      'Trunk caller dials the direct DID, Dial(PJSIP/101,20): 101 answers after 1 s; the caller hangs up 2 s later',
    peers: [answer('101')],
    stimulus: inbound(DIDS.direct, { hangupAfterMs: 2_000 }),
  },
  'direct-noanswer': {
    description:
      'Trunk caller dials the direct DID: 101 rings and never answers; Dial times out after 20 s',
    peers: [ring('101')],
    stimulus: inbound(DIDS.direct),
  },
  'direct-busy': {
    description: 'Trunk caller dials the direct DID: 101 answers 486 Busy Here',
    peers: [busy('101')],
    stimulus: inbound(DIDS.direct),
  },
  'direct-cancelled': {
    description: 'Trunk caller dials the direct DID and hangs up (CANCEL) after 2 s of ringing',
    peers: [ring('101')],
    stimulus: inbound(DIDS.direct, { ringTimeoutMs: 2_000 }),
  },
  'ringgroup-answered-by-102': {
    description:
      'Ring group Dial(PJSIP/101&PJSIP/102,20): 102 answers after 1.5 s, 101 is cancelled',
    peers: [ring('101'), answer('102', 1_500)],
    stimulus: inbound(DIDS.ringGroup, { hangupAfterMs: 2_000 }),
  },
  'queue-answered-by-102': {
    description:
      'Queue(operators) ringall over Local/10x@from-queue members: 102 answers after 1.5 s',
    peers: [ring('101'), answer('102', 1_500)],
    stimulus: inbound(DIDS.queue, { hangupAfterMs: 2_000 }),
  },
  'queue-answered-by-101': {
    description:
      'Queue(operators): 101 answers after 1.5 s through its Local member, 102 is cancelled',
    peers: [answer('101', 1_500), ring('102')],
    stimulus: inbound(DIDS.queue, { hangupAfterMs: 2_000 }),
  },
  'queue-retry-cancelled': {
    description:
      'Queue(operators), member timeout 20 s, retry 1 s: nobody answers, both phones are rung twice, the caller hangs up after 25 s',
    peers: [ring('101'), ring('102')],
    stimulus: inbound(DIDS.queue, { ringTimeoutMs: 25_000 }),
  },
  'local-answered': {
    description:
      'Dial(Local/101@from-queue/n,20), whose ;2 half dials PJSIP/101: 101 answers after 1 s',
    peers: [answer('101')],
    stimulus: inbound(DIDS.local, { hangupAfterMs: 2_000 }),
  },
  'c2c-answered': {
    description:
      'Originate PJSIP/101 → outbound +79161234567 (ChannelId ctc-fixture-1): 101 answers after 1 s, the far end after 1 s and hangs up 2 s later',
    peers: [answer('101'), { ...answer('farend'), hangupAfterMs: 2_000 }],
    stimulus: originate(1),
  },
  'c2c-operator-busy': {
    description:
      'Originate PJSIP/101 → outbound +79161234567 (ChannelId ctc-fixture-2): 101 answers 486 Busy Here',
    peers: [busy('101')],
    stimulus: originate(2),
  },
  'c2c-operator-noanswer': {
    description:
      'Originate PJSIP/101 → outbound +79161234567 (ChannelId ctc-fixture-3, Timeout 4 s): 101 rings and never answers',
    peers: [ring('101')],
    stimulus: originate(3, 4_000),
  },
  'c2c-far-busy': {
    description:
      'Originate PJSIP/101 → outbound +79161234567 (ChannelId ctc-fixture-4): 101 answers after 0.5 s, the far end answers 486 Busy Here',
    peers: [answer('101', 500), busy('farend')],
    stimulus: originate(4),
  },
  'outgoing-answered': {
    description:
      'Phone 101 dials 89161234567; the far end answers after 1 s; 101 hangs up 1.5 s later',
    peers: [answer('farend')],
    stimulus: { kind: 'phone', phone: '101', to: '89161234567', hangupAfterMs: 1_500 },
  },
  'internal-102-to-101': {
    description: 'Phone 102 dials 101; 101 answers after 1 s; 102 hangs up 2 s later',
    peers: [answer('101')],
    stimulus: { kind: 'phone', phone: '102', to: '101', hangupAfterMs: 2_000 },
  },
  'pickup-freepbx': pickup(
    'Ext-local route (PICKUPMARK=101) rings 101; after 1 s phone 102 dials **101 (FreePBX directed pickup, Pickup(101&101@PICKUPMARK)); the caller hangs up 2 s after the pickup',
    DIDS.pickup,
    PICKUP_CODES.freepbx,
  ),
  'pickup-local': pickup(
    'Dial(Local/101@from-queue/n) rings 101 through a Local channel; after 1 s phone 102 dials *8101 (Pickup(101)); the caller hangs up 2 s after the pickup',
    DIDS.local,
    PICKUP_CODES.byExtension,
  ),
  'refer-blind': {
    description:
      'Direct DID: 101 answers, talks 1.5 s and transfers with REFER to 102 (blind); 102 answers after 1 s; the caller hangs up 4 s after its answer',
    peers: [transferring('101'), answer('102')],
    stimulus: inbound(DIDS.direct, { hangupAfterMs: 4_000 }),
    script: async (context) => {
      await context.peer('101').waitForInvite({ since: 0 });
      await delay(1_800);
      await context.peer('101').transfer(context.referTo('102'));
    },
  },
  'refer-attended': {
    description:
      'Direct DID: 101 answers, after 1 s calls 102 (consultation, answered after 0.5 s), after 1.5 s completes the transfer with REFER/Replaces; the caller hangs up 5 s after its answer',
    peers: [transferring('101'), answer('102', 500)],
    stimulus: inbound(DIDS.direct, { hangupAfterMs: 5_000 }),
    script: async (context) => {
      await context.peer('101').waitForInvite({ since: 0 });
      await delay(1_300);
      const consultation = await context.dial('101', '102');
      await context.peer('102').waitForInvite({ since: 0 });
      await delay(2_000);
      await context.peer('101').transfer(context.replacesReferTo(consultation, '102'));
    },
  },
  'race-queue': {
    description:
      'Queue(operators): 101 and 102 are picked up in the same instant; both phone channels go Up, the queue connects one; the caller hangs up 1 s later',
    peers: [cued('101'), cued('102')],
    stimulus: inbound(DIDS.queue, { hangupAfterMs: 1_000 }),
    script: answerTogether,
    until: bothAnswered,
  },
  'race-ringgroup': {
    description:
      'Ring group Dial(PJSIP/101&PJSIP/102): both phones answer (200 OK) in the same instant; Dial takes one and hangs up the other',
    peers: [cued('101'), cued('102')],
    stimulus: inbound(DIDS.ringGroup, { hangupAfterMs: 1_000 }),
    script: answerTogether,
  },
  'decline-ringgroup': {
    description:
      'Ring group: 101 rings and its operator declines after 0.4 s (486); 102 answers after 1.5 s; the caller hangs up 1 s later',
    peers: [decline('101'), answer('102', 1_500)],
    stimulus: inbound(DIDS.ringGroup, { hangupAfterMs: 1_000 }),
  },
  'decline-queue': {
    description:
      'Queue(operators): 101 rings and declines after 0.4 s (486); 102 answers after 1.5 s; the caller hangs up 1 s later',
    peers: [decline('101'), answer('102', 1_500)],
    stimulus: inbound(DIDS.queue, { hangupAfterMs: 1_000 }),
  },
  'decline-queue-retry': {
    description:
      'Queue(operators-retry), rounds of 3 s 1 s apart: 101 declines the first round, 102 rings; in the second round 101 answers after 0.4 s and hangs up 1 s later',
    peers: [decline('101'), ring('102')],
    stimulus: inbound(DIDS.queueRetry, { ringTimeoutMs: 8_000 }),
    script: async (context) => {
      await context.peer('101').waitForInvite({ since: 0 });
      await delay(1_500);
      await context.restart({ ...answer('101', 400), hangupAfterMs: 1_000 });
    },
  },
  'resync-ringing': {
    description:
      'Trunk caller dials the direct DID; 101 answers after 4 s; a CoreShowChannels listing is taken while 101 rings',
    peers: [answer('101', 4_000)],
    stimulus: inbound(DIDS.direct, { hangupAfterMs: 2_500 }),
    snapshotAfterMs: 2_000,
  },
  'resync-talking': {
    description:
      'Trunk caller dials the direct DID; 101 answers after 1 s; a CoreShowChannels listing is taken while they talk; the caller hangs up 4 s after the answer',
    peers: [answer('101')],
    stimulus: inbound(DIDS.direct, { hangupAfterMs: 4_000 }),
    snapshotAfterMs: 2_500,
  },
};

async function record(
  pbx: AsteriskService,
  ami: AmiClient,
  workDir: string,
  name: string,
  scenario: Scenario,
): Promise<RecordedSequence> {
  const peers = new Map<SipPeerName, SippUas>();
  const start = async (peer: Peer): Promise<SippUas> => {
    await peers.get(peer.name)?.stop();
    const uas = await startSippUas({
      listen: pbx.peers[peer.name],
      behaviour: peer.behaviour,
      answerAfterMs: peer.answerAfterMs,
      hangupAfterMs: peer.hangupAfterMs,
      workDir,
      label: `${name}-${peer.name}`,
    });
    peers.set(peer.name, uas);
    return uas;
  };
  for (const peer of scenario.peers) await start(peer);
  const sipPbx = { host: pbx.sipHost, port: pbx.sipPort };
  const calls: SippCall[] = [];
  const context: ScenarioContext = {
    peer: (peerName) => {
      const peer = peers.get(peerName);
      if (peer === undefined) throw new Error(`${name} plays no ${peerName}`);
      return peer;
    },
    restart: start,
    dial: async (phone, to, hangupAfterMs) => {
      const dialled = await placeSippCall({
        target: sipPbx,
        bindIp: PBX_IP,
        from: phone,
        to,
        hangupAfterMs,
        workDir,
        label: `${name}-${phone}-dials`,
      });
      calls.push(dialled);
      return dialled;
    },
    referTo: (target) => referTo(target, sipPbx),
    replacesReferTo: (consultation, target) => replacesReferTo(consultation, target, sipPbx),
  };
  const controller = new AbortController();
  const events: RecordedEvent[] = [];
  let live = 0;
  let seen = false;
  let settled!: () => void;
  const over = new Promise<void>((resolve) => (settled = resolve));
  const started = Date.now();
  ami.on(
    'event',
    (frame: AmiFrame) => {
      const event = frame['Event'];
      if (typeof event !== 'string' || !RECORDED_EVENTS.has(event)) return;
      events.push({ at: Date.now() - started, frame });
      if (event === 'Newchannel') {
        live += 1;
        seen = true;
      } else if (event === 'Hangup') {
        live -= 1;
        if (seen && live === 0) settled();
      }
    },
    { signal: controller.signal },
  );

  let snapshot: RecordedSequence['snapshot'];
  const snapshotTaken =
    scenario.snapshotAfterMs === undefined
      ? Promise.resolve()
      : delay(scenario.snapshotAfterMs).then(async () => {
          const at = Date.now() - started;
          const { events: channels } = await ami.actionList('CoreShowChannels');
          snapshot = { at, channels };
        });

  let call: SippCall | undefined;
  const { stimulus } = scenario;
  if (stimulus.kind === 'inbound') {
    call = await placeSippCall({
      target: { host: pbx.sipHost, port: pbx.sipPort },
      bindIp: pbx.trunkIp,
      from: CALLER,
      to: stimulus.did,
      ringTimeoutMs: stimulus.ringTimeoutMs,
      hangupAfterMs: stimulus.hangupAfterMs,
      workDir,
      label: `${name}-caller`,
    });
  } else if (stimulus.kind === 'phone') {
    call = await placeSippCall({
      target: { host: pbx.sipHost, port: pbx.sipPort },
      bindIp: PBX_IP,
      from: stimulus.phone,
      to: stimulus.to,
      hangupAfterMs: stimulus.hangupAfterMs,
      workDir,
      label: `${name}-caller`,
    });
  } else {
    await ami.action('Originate', {
      Channel: 'PJSIP/101',
      Context: OUTBOUND_CONTEXT,
      Exten: `+${CALLER}`,
      Priority: 1,
      CallerID: COMPANY,
      Timeout: stimulus.timeoutMs,
      Async: true,
      ChannelId: stimulus.channelId,
    });
  }
  await scenario.script?.(context);
  await Promise.race([over, delay(60_000)]);
  await snapshotTaken;
  // Late frames (an OriginateResponse after the last Hangup) still belong to the call.
  await delay(500);
  controller.abort();
  await call?.stop();
  for (const dialled of calls) await dialled.stop();
  for (const peer of peers.values()) await peer.stop();
  return {
    description: scenario.description,
    amiGreeting: ami.amiVersion ?? 'unknown',
    events,
    ...(snapshot === undefined ? {} : { snapshot }),
  };
}

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(SCENARIOS);
for (const name of names) {
  if (SCENARIOS[name] === undefined) {
    throw new Error(`Unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'ct-record-'));
const pbx = await startAsterisk();
const ami = new AmiClient({
  host: pbx.amiHost,
  port: pbx.amiPort,
  ...pbx.accounts.helper,
});
try {
  await ami.start();
  for (const name of names) {
    const scenario = SCENARIOS[name]!;
    let sequence = await record(pbx, ami, workDir, name, scenario);
    for (let attempt = 1; scenario.until?.(sequence.events) === false; attempt++) {
      if (attempt === 10) throw new Error(`${name}: the race did not happen in 10 attempts`);
      await delay(1_000);
      sequence = await record(pbx, ami, workDir, name, scenario);
    }
    writeFileSync(join(OUT_DIR, `${name}.json`), `${JSON.stringify(sequence, null, 2)}\n`);
    console.log(`${name}: ${sequence.events.length} events`);
  }
} finally {
  await ami.close();
  await pbx.stop();
  rmSync(workDir, { recursive: true, force: true });
}
