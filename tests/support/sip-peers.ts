import { join } from 'node:path';
import {
  placeSippCall,
  referTo,
  replacesReferTo,
  startSippUas,
  type PhoneBehaviour,
  type SippCall,
  type SippCallOptions,
  type SippUas,
  type SippUasOptions,
} from '../../harness/services/sipp';
import { harnessInfo } from './harness-info';
import { releasePhoneChannels } from './release-channels';
import { PBX_IP, type PhoneName, type SipPeerName } from '../../harness/pbx-plan';

export type { PhoneBehaviour, SippCall, SippUas } from '../../harness/services/sipp';
export type { SipInvite } from '../../harness/services/sip-invite';

/** How long an answering peer rings, and whether it hangs up by itself. */
export type PeerOptions = Pick<SippUasOptions, 'answerAfterMs' | 'hangupAfterMs'>;

type CallTiming = Pick<SippCallOptions, 'ringTimeoutMs' | 'hangupAfterMs'>;

export interface InboundCallOptions extends CallTiming, Pick<SippCallOptions, 'fromName'> {
  /** Caller number as the provider sends it, e.g. `79161234567`. */
  readonly from: string;
  /** Dialled number: one of `DIDS` for the inbound routes. */
  readonly did: string;
}

export interface PhoneCallOptions extends CallTiming {
  /** The phone that dials (identified by its number, context `from-internal`). */
  readonly phone: PhoneName;
  /** What it dials: another phone (`102`) or an outside number (`+79161234567`). */
  readonly to: string;
}

const peers = new Map<SipPeerName, SippUas>();
const calls = new Set<SippCall>();

function sippDir(): string {
  return join(harnessInfo().workDir, 'sipp');
}

/**
 * Starts the sipp process playing a phone (`101`, `102`, `103`) or the far end with the
 * given behaviour. A peer already running under that name in this test process is stopped
 * first, so calling it again switches the phone's behaviour.
 */
export async function startPhone(
  name: SipPeerName,
  behaviour: PhoneBehaviour = 'answer',
  options: PeerOptions = {},
): Promise<SippUas> {
  await peers.get(name)?.stop();
  peers.delete(name);
  const peer = await startSippUas({
    ...options,
    listen: harnessInfo().asterisk.peers[name],
    behaviour,
    workDir: sippDir(),
    label: name === 'farend' ? 'farend' : `phone-${name}`,
  });
  peers.set(name, peer);
  return peer;
}

/** The outbound far end: records the INVITEs it gets (`lastInvite()`), answers by default. */
export function startFarEnd(
  behaviour: PhoneBehaviour = 'answer',
  options: PeerOptions = {},
): Promise<SippUas> {
  return startPhone('farend', behaviour, options);
}

async function place(options: Omit<SippCallOptions, 'target' | 'workDir'>): Promise<SippCall> {
  const { asterisk } = harnessInfo();
  const call = await placeSippCall({
    ...options,
    target: { host: asterisk.sipHost, port: asterisk.sipPort },
    workDir: sippDir(),
  });
  calls.add(call);
  void call.done.finally(() => calls.delete(call));
  return call;
}

/** An outside caller on the trunk dialling a DID. */
export function placeInboundCall({ did, ...options }: InboundCallOptions): Promise<SippCall> {
  return place({
    ...options,
    to: did,
    bindIp: harnessInfo().asterisk.trunkIp,
    label: `inbound-${options.from}`,
  });
}

/** An operator dialling from the desk phone (the PBX identifies the phone by its number). */
export function placePhoneCall({ phone, ...options }: PhoneCallOptions): Promise<SippCall> {
  return place({ ...options, from: phone, bindIp: PBX_IP, label: `phone-${phone}-dials` });
}

/**
 * The Refer-To value that completes an attended transfer to `target`: the phone's own
 * consultation call (placed with `placePhoneCall`, answered) is named in `Replaces`.
 */
export function attendedReferTo(consultation: SippCall, target: string): string {
  const { asterisk } = harnessInfo();
  return replacesReferTo(consultation, target, { host: asterisk.sipHost, port: asterisk.sipPort });
}

/** The Refer-To value of a blind transfer to `target` (an extension or number). */
export function blindReferTo(target: string): string {
  const { asterisk } = harnessInfo();
  return referTo(target, { host: asterisk.sipHost, port: asterisk.sipPort });
}

/** Stops every sipp process this test process started (use in afterEach/afterAll). */
export async function stopSipp(): Promise<void> {
  const running = [...calls, ...peers.values()];
  calls.clear();
  peers.clear();
  await Promise.all(running.map((process) => process.stop()));
  await releasePhoneChannels();
}
