/** The lock file cannot be created or read for a reason other than another helper. */
export class PidLockError extends Error {
  override readonly name = 'PidLockError';

  constructor(lockFile: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super(
      `Cannot create the lock file ${lockFile} (${code}): make its folder writable by the user ` +
        'the helper runs as, or pass another configuration folder with --config.',
      { cause },
    );
  }
}
