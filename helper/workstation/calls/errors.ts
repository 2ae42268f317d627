/** The call tracker or click-to-call was configured with values it cannot work with. */
export class CallsConfigError extends Error {
  override readonly name = 'CallsConfigError';
  constructor(
    readonly option: string,
    readonly problem: string,
  ) {
    super(`Calls option ${option}: ${problem}.`);
  }
}
