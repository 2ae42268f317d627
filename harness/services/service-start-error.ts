/** A test service was launched but never became ready; the message carries its log tail. */
export class ServiceStartError extends Error {
  override readonly name = 'ServiceStartError';

  constructor(
    readonly service: string,
    reason: string,
    readonly logTail: string,
  ) {
    super(
      `${service} did not start: ${reason}.` +
        (logTail ? `\n--- last lines of the ${service} log ---\n${logTail}` : ''),
    );
  }
}
