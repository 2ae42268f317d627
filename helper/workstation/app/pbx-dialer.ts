import type { AmiClient } from '../../ami/client';
import { createAmiDialerPbx } from '../calls/ami-dialer-pbx';
import { ClickToCall } from '../calls/click-to-call';
import type { CallTracker } from '../calls/tracker';
import type { HelperConfig } from '../../config/types';
import type { CountryCode } from '../../../shared/phone/types';
import type { Dialer } from '../../core/helper-api';

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
