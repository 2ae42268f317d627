export { FastAgiServer } from './fastagi-server';
export type { AgiHandler, FastAgiServerOptions } from './fastagi-server';
export { AgiSession } from './session';
export type { AgiSessionOptions } from './session';
export type { AgiConnection } from './connection';
export type { AgiEnvironment } from './environment';
export { environmentOf } from './environment';
export { AgiStreamParser } from './stream-parser';
export type { AgiStreamEvent, AgiStreamParserOptions } from './stream-parser';
export { parseReplyLine } from './reply';
export type { AgiReply } from './reply';
export { encodeSetVariable } from './encode-command';
export {
  channelVariable,
  codeValue,
  kindValue,
  numberListValue,
  numberValue,
  EMPTY_VALUE,
  LIST_SEPARATOR,
} from './channel-value';
export type { ChannelValue, ChannelVariable } from './channel-value';
export { PeerAllowList, plainAddress } from '../../config/peer-allow-list';
export { errorSummary, silentLogger } from './logger';
export type { ServiceLogger } from './logger';
export * from './errors';
export { NamedArgs, requireArg } from './named-args';
export { customerNumber } from './customer-number';
export type { CustomerNumber } from './customer-number';
