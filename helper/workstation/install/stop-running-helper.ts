import { pidFileFor, runningHelperPid, processAlive, type ProcessAlive } from '../../core/pid-lock';
import { tr } from '../../core/cli-text';
import './russian';

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
    return [tr`Stopped the running helper (PID ${pid}).`];
  } catch (error) {
    return [
      tr`Could not stop the running helper (PID ${pid}): ${(error as Error).message}. End it in the task manager or with kill.`,
    ];
  }
}
