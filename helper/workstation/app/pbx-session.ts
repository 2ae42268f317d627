import type { Logger } from 'pino';
import type { CountryCode } from '../../../shared/phone/types';
import type { AmiClient } from '../../ami/client';
import type { AmiFrame } from '../../ami/frame';
import { ConfigError, formatProblem } from '../../config/config-error';
import type { HelperConfig } from '../../config/types';
import type { Dialer } from '../../core/helper-api';
import { createAmiDialerPbx } from '../calls/ami-dialer-pbx';
import { ClickToCall } from '../calls/click-to-call';
import { amiChannelExists, startCallProber } from '../calls/call-prober';
import { startCallSweeper } from '../calls/sweeper';
import { CallTracker } from '../calls/tracker';
import type { CallUpdate } from '../calls/types';
import type { CallHub } from '../hub/call-hub';
import type { StatusBoard } from '../hub/status-board';

function pbxDownReason(error: Error | undefined): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const detail = typeof code === 'string' ? code : error?.message;
  return detail
    ? `No connection to the PBX (${detail}); reconnecting.`
    : 'No connection to the PBX; reconnecting.';
}

export interface PbxSessionParts {
  ami: AmiClient;
  tracker: CallTracker;
  hub: CallHub;
  status: StatusBoard;
  logger: Logger;
  /** Sees every frame before the tracker, for recordings and the like. */
  onFrame?: (frame: AmiFrame) => void;
  /**
   * After each login's resync has reached the hub: from then on the hub's active calls are
   * the PBX's, so calls saved by an earlier run that are not among them have ended.
   */
  onResync?: (info: { reconnected: boolean }) => void;
}

/**
 * Feeds the PBX's events through the tracker into the hub, and resyncs the
 * calls in progress after every login: a call that started while the helper
 * was disconnected (or not running) still gets its card and its end.
 */
export function followPbx(parts: PbxSessionParts, signal: AbortSignal): void {
  const { ami, tracker, hub, status, logger } = parts;
  const publish = (updates: CallUpdate[]) => {
    for (const update of updates) hub.update(update.view);
  };

  ami.on(
    'event',
    (frame) => {
      parts.onFrame?.(frame);
      publish(tracker.handle(frame));
    },
    { signal },
  );

  ami.on(
    'state',
    (change) => {
      switch (change.to) {
        case 'ready':
          status.set('pbx', 'connected');
          break;
        case 'auth-failed':
          status.set(
            'pbx',
            'auth-failed',
            change.error instanceof ConfigError
              ? change.error.problems.map(formatProblem).join('; ')
              : 'The PBX refused the AMI login: check pbx.user and pbx.secret against manager.conf.',
          );
          break;
        case 'connecting':
        case 'authenticating':
          break;
        case 'reconnecting':
          status.set('pbx', 'down', pbxDownReason(change.error));
          break;
        default:
          break;
      }
    },
    { signal },
  );

  ami.on(
    'ready',
    (info) => {
      void ami
        .coreShowChannels()
        .then((snapshots) => {
          publish(tracker.resync(snapshots));
          logger.info(
            { reconnected: info.reconnected, channels: snapshots.length },
            'calls in progress resynchronised',
          );
          parts.onResync?.({ reconnected: info.reconnected });
        })
        .catch((error: unknown) => logger.warn({ err: error }, 'resync after login failed'));
    },
    { signal },
  );

  startCallSweeper(tracker, publish, signal);
  startCallProber(tracker, amiChannelExists(ami), publish, signal);
}

/**
 * Click-to-call on the real PBX. Each originate is announced to the main
 * tracker too, so the operator's own card and journal know the call from its
 * first event.
 */
export function createPbxDialer(
  ami: AmiClient,
  config: HelperConfig,
  tracker: () => CallTracker | undefined,
): Dialer {
  const clickToCall = new ClickToCall(createAmiDialerPbx(ami), {
    channelTemplate: config.originate.channel,
    context: config.originate.context,
    callerId: config.originate.callerId,
    ringTimeoutSeconds: config.originate.ringTimeoutSeconds,
    defaultCountry: config.phone.defaultCountry as CountryCode,
    extensions: () => tracker()?.extensions ?? [],
    announce: (channelId, extension, exten) =>
      tracker()?.expectOriginate(channelId, extension, exten),
  });
  return {
    dial: (order, onUpdate, signal) => clickToCall.dial(order, onUpdate, signal),
  };
}

/**
 * The helper's side of the PBX before and after the operator's extensions are known: its
 * dialer refuses dials until `follow` has built the tracker for those extensions, which
 * then feeds the hub.
 */
export class PbxSession {
  readonly dialer: Dialer;
  #tracker: CallTracker | undefined;

  constructor(
    private readonly ami: AmiClient,
    private readonly config: HelperConfig,
  ) {
    this.dialer = createPbxDialer(ami, config, () => this.#tracker);
  }

  follow(
    extensions: string[],
    parts: Omit<PbxSessionParts, 'ami' | 'tracker'>,
    signal: AbortSignal,
  ): void {
    const tracker = new CallTracker({
      extensions,
      defaultCountry: this.config.phone.defaultCountry as CountryCode,
    });
    this.#tracker = tracker;
    followPbx({ ...parts, ami: this.ami, tracker }, signal);
  }
}
