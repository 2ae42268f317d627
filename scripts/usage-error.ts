/** A command-line script was called with arguments it cannot use; the message shows usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
