/** Registering or removing the autostart failed; the message says what to do instead. */
export class InstallError extends Error {
  override readonly name = 'InstallError';
}

/** A refused file operation (EACCES, EROFS, ENOSPC…): its message names the path. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
