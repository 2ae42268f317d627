/**
 * Wire protocol version. Bump on any change an older peer would misread;
 * additive optional fields do not need a bump because both sides strip
 * unknown keys from server messages. 2: the call result `declined`, which a version-1
 * extension would reject. 3: call control from the card (`call.hangup`, `call.transfer…`
 * in place of `transfer`) and `queue.pause`, which a version-2 helper would reject, and
 * transfer targets and reasons a version-2 extension would not read. `calls.query` needed
 * none: a helper that does not know it refuses it, and the extension then takes the calls
 * asked about as ended, result unknown.
 */
export const PROTOCOL_VERSION = 3;

/** Largest frame either side accepts; a journal page is the biggest message. */
export const MAX_MESSAGE_BYTES = 512 * 1024;
