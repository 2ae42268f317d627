import { channelOf, known, type ChannelInfo } from './events';
import { header, type AmiFrame } from './frame';

/** A channel in progress, from one `CoreShowChannel` event. */
export interface ChannelSnapshot extends ChannelInfo {
  readonly application: string | undefined;
  readonly applicationData: string | undefined;
  /** Seconds since the channel was created, from `Duration: HH:MM:SS`. */
  readonly durationSeconds: number | undefined;
  readonly bridgeId: string | undefined;
}

export function channelSnapshotOf(frame: AmiFrame): ChannelSnapshot | undefined {
  const channel = channelOf(frame);
  if (channel === undefined) return undefined;
  return {
    ...channel,
    application: known(header(frame, 'Application')),
    applicationData: known(header(frame, 'ApplicationData')),
    durationSeconds: parseDuration(header(frame, 'Duration')),
    bridgeId: known(header(frame, 'BridgeId')),
  };
}

function parseDuration(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(':');
  if (parts.length !== 3) return undefined;
  let seconds = 0;
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return undefined;
    seconds = seconds * 60 + Number(part);
  }
  return seconds;
}
