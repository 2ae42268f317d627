import { pidFileFor } from '../single-instance/pid-file';
import { runningHelperPid } from '../single-instance/pid-lock';
import { processAlive } from '../single-instance/process-alive';
import type { ProcessAlive } from '../single-instance/process-alive';

export type KillProcess = (pid: number) => void;

/** SIGTERM on Unix; on Windows Node ends the process outright. */
export const killProcess: KillProcess = (pid) => {
  process.kill(pid, 'SIGTERM');
};

/** Ends the helper that holds the state folder's lock, if one runs; resolves with report lines. */
export function stopRunningHelper(
  stateDir: string,
  alive: ProcessAlive = processAlive,
  kill: KillProcess = killProcess,
): string[] {
  const pid = runningHelperPid(pidFileFor(stateDir), alive);
  if (pid === undefined) return [];
  try {
    kill(pid);
    return [`Stopped the running helper (PID ${pid}).`];
  } catch (error) {
    return [
      `Could not stop the running helper (PID ${pid}): ${(error as Error).message}. End it ` +
        'in the task manager or with kill.',
    ];
  }
}
