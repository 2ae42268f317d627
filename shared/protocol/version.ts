/**
 * Wire protocol version. Bump on any change an older peer would misread;
 * additive optional fields do not need a bump because both sides strip
 * unknown keys from server messages. 2: the call result `declined`, which a version-1
 * extension would reject.
 */
export const PROTOCOL_VERSION = 2;

/** Largest frame either side accepts; a journal page is the biggest message. */
export const MAX_MESSAGE_BYTES = 512 * 1024;
