import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, killNow } from './process-control';

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Kills sipp processes started with files in `workDir` that are still running: a test
 * process that crashed cannot stop its own. Only PIDs whose command line is sipp with this
 * work directory are touched. Returns the PIDs killed.
 */
export function killLeftoverSipp(workDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(workDir);
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const name of names.filter((n) => n.endsWith('.pid'))) {
    const pid = Number(readFileSync(join(workDir, name), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) continue;
    const command = commandLine(pid);
    if (command.includes('sipp') && command.includes(workDir)) {
      killNow(pid);
      killed.push(pid);
    }
  }
  return killed;
}
