/** A packaging step failed; the message says what to install or change. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}
