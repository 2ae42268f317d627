/** Another helper holds the PID lock of the same state folder. */
export class AlreadyRunningError extends Error {
  override readonly name = 'AlreadyRunningError';

  constructor(
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `Courier helper is already running (PID ${pid}). Use that one, or stop it before ` +
        `starting another; if no helper runs with that PID, delete ${lockFile}.`,
    );
  }
}
