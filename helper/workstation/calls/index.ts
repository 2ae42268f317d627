export { CallTracker, TRACKED_EVENTS } from './tracker';
export type {
  CallChange,
  CallTrackerOptions,
  CallUpdate,
  EndedCallRecord,
  TrackedCallView,
} from './types';
export { DEFAULT_CLICK_TO_CALL_PREFIX } from './types';
export { ClickToCall, type ClickToCallOptions, type DialOrder } from './click-to-call';
export {
  PbxRefusedError,
  PbxUnavailableError,
  type DialerPbx,
  type OriginateCommand,
} from './click-to-call/dialer-pbx';
export { DIAL_FORMATS, type DialFormat } from './click-to-call/dial-target';
export { createAmiDialerPbx } from './ami-dialer-pbx';
export { startCallSweeper, DEFAULT_SWEEP_INTERVAL_MS } from './sweeper';
export { CallsConfigError } from './errors';
export { ExtensionMatcher, parseChannelName, type ChannelName } from './channel-name';
