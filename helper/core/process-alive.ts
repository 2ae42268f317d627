/** Whether a process with this PID exists; a seam so lock tests need no real processes. */
export type ProcessAlive = (pid: number) => boolean;

/**
 * Signal 0 tests for existence without delivering anything (Windows too). EPERM means the
 * PID belongs to a process of another user: it exists, so it counts as alive rather than
 * risk two helpers on one state folder.
 */
export const processAlive: ProcessAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
