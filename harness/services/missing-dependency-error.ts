/** A binary, package or prepared directory the test services need is not on this machine. */
export class MissingDependencyError extends Error {
  override readonly name = 'MissingDependencyError';

  constructor(
    readonly what: string,
    readonly remedy: string,
  ) {
    super(`${what} is missing. ${remedy}`);
  }
}
