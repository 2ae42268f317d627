import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/** True while a process with this PID exists (a zombie counts until its parent reaps it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves true once the PID is gone, false if it is still there after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await delay(25);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** SIGTERM, then SIGKILL if the process outlives `graceMs`; resolves when it is gone. */
export async function terminate(pid: number, graceMs = 5_000): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

/** The synchronous variant for exit handlers, where no promise will ever settle. */
export function killNow(pid: number): void {
  signal(pid, 'SIGKILL');
}

/** True once a child process has exited or was killed by a signal. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Stops a child process we started (SIGTERM, then SIGKILL) unless it is already gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.pid !== undefined && !hasExited(child)) await terminate(child.pid, graceMs);
}
