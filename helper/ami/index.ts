export { AmiClient } from './client';
export type {
  AmiActionOptions,
  AmiClientEvents,
  AmiListResponse,
  AmiReadyInfo,
  AmiResponse,
} from './client';
export type { AmiClientOptions } from './options';
export type { ChannelSnapshot } from './channel-snapshot';
export * from './errors';
export * from './events';
export { actionIdOf, chanVariables, header, headerValues, type AmiFrame } from './frame';
export { validateChannel, validateContext, validateDialTarget } from './dial-target';
export type { AmiFields, AmiFieldValue } from './encode';
export type { AmiLogger } from './logger';
export type {
  OriginateCallerId,
  OriginateFailureReason,
  OriginateRequest,
  OriginateResult,
} from './originate';
export type { ReconnectJitter, ReconnectPolicy } from './reconnect';
export type { AmiState, AmiStateChange } from './state';
export type { AmiConnection, AmiConnectionHandlers, AmiEndpoint, AmiTransport } from './transport';
export { createTcpTransport } from './tcp-transport';
