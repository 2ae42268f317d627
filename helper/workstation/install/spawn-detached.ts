import { spawn } from 'node:child_process';

/** A started process that outlives this one; `exited` settles only if it ends while we wait. */
export interface DetachedProcess {
  pid: number;
  exited: Promise<number | null>;
  /** Stop waiting for it, so this process can exit. */
  release(): void;
}

export type SpawnDetached = (file: string, args: readonly string[]) => Promise<DetachedProcess>;

/**
 * Starts a process in its own process group (on Windows: without a console, so no window
 * opens), its output discarded: the helper logs to its file.
 */
export const spawnDetached: SpawnDetached = (file, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { detached: true, stdio: 'ignore', windowsHide: true });
    const exited = new Promise<number | null>((settle) => child.once('exit', settle));
    child.once('error', reject);
    child.once('spawn', () =>
      resolve({
        pid: child.pid ?? 0,
        exited,
        release: () => {
          child.removeAllListeners();
          child.unref();
        },
      }),
    );
  });
