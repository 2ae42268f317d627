export { CallbackService } from './callback-service';
export type { CallbackServiceOptions, CallbackSettings } from './callback-service';
export { CallbackStatusBoard } from './callback-status';
export type { CallbackState, CallbackStatus } from './callback-status';
export { amiOriginator } from './callback-originator';
export type { CallbackOriginator } from './callback-originator';
export { parseCallbackRequest } from './callback-request';
export type { CallbackRequest } from './callback-request';
export { CallbackMemory } from '../routing/callback-memory';
export type { RecentCallbacks, RememberedCallback } from '../routing/callback-memory';
export {
  DEFAULT_CALLBACK_QUERIES,
  SqlCallbackDirectory,
  type CallbackDirectory,
  type CallbackQueries,
} from './callback-directory';
export { CallbackRefusedError, CallbackRequestError, CallbackUnavailableError } from './errors';
export type { JournalSink } from './journal-sink';
