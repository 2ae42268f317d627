import type { ServerMessageOf } from '../../../shared/protocol';
import { ApiError } from './api-error';

export type ErrorReply = ServerMessageOf<'error'>;

const MAX_TEXT = 1024;
const INTERNAL_TEXT = 'The helper could not complete the request; its log has the details.';

/** Whether an error's text was written for users (an `ApiError`) or must stay in the log. */
export function isExposable(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Turns whatever the api threw into a protocol error. Only `ApiError` text
 * reaches the extension; other errors may carry driver details, so the
 * extension gets a generic `internal` error and the log gets the rest.
 */
export function errorReply(error: unknown, id?: string): ErrorReply {
  const reply: ErrorReply = isExposable(error)
    ? { type: 'error', code: error.code, message: error.message.slice(0, MAX_TEXT) }
    : { type: 'error', code: 'internal', message: INTERNAL_TEXT };
  if (id !== undefined) reply.id = id;
  return reply;
}

/** What the log keeps of an unexpected error: its class and text, not its stack. */
export function errorFields(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
